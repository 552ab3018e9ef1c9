// Year-end review and classification: rounds, each member's review and its
// steps, the cells' classification (use cases in app/review/review.h).
#include "app/review/review.h"
#include "http/api.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

const RuleCatalog* catalog(Api& api) { return api.config().rules.get(); }
Reply noCatalog() { return errorReply(Error::internal("Máy chủ chưa nạp bộ quy tắc (thư mục rules).")); }

json::value optLevel(const std::optional<ReviewLevel>& l) {
  return l ? json::value(toCode(*l)) : json::value(nullptr);
}
json::value optInt(const std::optional<int>& n) { return n ? json::value(*n) : json::value(nullptr); }
json::value optTime(const std::optional<DateTime>& t) { return t ? json::value(t->iso()) : json::value(nullptr); }

json::object roundJson(const ReviewRoundRecord& r) {
  return {{"id", r.id},
          {"org_id", r.org_id},
          {"year", r.year},
          {"opened_at", r.opened_at.iso()},
          {"opened_by", r.opened_by_username}};
}

json::object reviewJson(const MemberReviewRecord& r) {
  return {{"id", r.id},
          {"round_id", r.round_id},
          {"member_id", r.member_id},
          {"cell_id", r.cell_id},
          {"stage", toCode(r.stage)},
          {"stage_label", stageName(r.stage)},
          {"self_assessment", r.self_text},
          {"self_level", optLevel(r.self_level)},
          {"self_points", optInt(r.self_points)},
          {"self_at", optTime(r.self_at)},
          {"cell_level", optLevel(r.cell_level)},
          {"cell_points", optInt(r.cell_points)},
          {"vote", json::object{{"for", r.vote_for},
                                {"against", r.vote_against},
                                {"abstain", r.vote_abstain},
                                {"eligible", r.vote_eligible}}},
          {"cell_at", optTime(r.cell_at)},
          {"decided_level", optLevel(r.decided_level)},
          {"decided_points", optInt(r.decided_points)},
          {"decided_at", optTime(r.decided_at)},
          {"decision_note", r.decision_note},
          {"version", r.version}};
}

json::object countsJson(const int (&by)[4]) {
  json::object o;
  for (auto l : {ReviewLevel::excellent, ReviewLevel::good, ReviewLevel::done, ReviewLevel::not_done})
    o[toCode(l)] = by[size_t(l)];
  return o;
}

json::value rulesJson(const ReviewRules* r) {
  if (!r) return nullptr;
  json::array levels;
  auto level = [&](ReviewLevel l, int min, std::optional<int> below, const std::string& source) {
    levels.push_back(json::object{{"code", toCode(l)},
                                  {"name", levelName(l)},
                                  {"short", levelShort(l)},
                                  {"min_points", min},
                                  {"below_points", below ? json::value(*below) : json::value(nullptr)},
                                  {"source", source}});
  };
  level(ReviewLevel::excellent, r->excellent_min_points.value, std::nullopt, r->excellent_min_points.source);
  level(ReviewLevel::good, r->good_min_points.value, r->excellent_min_points.value, r->good_min_points.source);
  level(ReviewLevel::done, r->done_min_points.value, r->good_min_points.value, r->done_min_points.source);
  level(ReviewLevel::not_done, 0, r->done_min_points.value, r->done_min_points.source);
  return json::object{{"id", r->id},
                      {"name", r->name},
                      {"issuer_document", r->issuer_document},
                      {"levels", std::move(levels)},
                      {"quota_percent", r->excellent_quota_percent.value},
                      {"quota_basis", toCode(r->quota_basis.value)},
                      {"quota_source", r->excellent_quota_percent.source}};
}

json::object roundViewJson(const ReviewRoundView& v) {
  json::array cells;
  for (const auto& l : v.cells) {
    json::object stages;
    for (auto s : {ReviewStage::open, ReviewStage::self_assessed, ReviewStage::cell_voted, ReviewStage::decided})
      stages[toCode(s)] = l.by_stage[size_t(s)];
    json::value cls = nullptr;
    if (l.classification)
      cls = json::object{{"level", toCode(l.classification->level)},
                         {"points", l.classification->points},
                         {"note", l.classification->note},
                         {"by", l.classification->by_username},
                         {"at", l.classification->at.iso()}};
    cells.push_back(json::object{{"cell_id", l.cell.id},
                                 {"cell_name", l.cell.name},
                                 {"members", l.members},
                                 {"by_stage", std::move(stages)},
                                 {"by_level", countsJson(l.by_level)},
                                 {"classification", std::move(cls)},
                                 {"tasks", json::object{{"total", l.facts.tasks_total},
                                                        {"done", l.facts.tasks_done},
                                                        {"late", l.facts.tasks_late}}},
                                 {"members_not_done", l.facts.members_not_done}});
  }
  json::array reviews;
  for (const auto& l : v.reviews) {
    auto o = reviewJson(l.review);
    o["member_name"] = l.member_name;
    o["cell_name"] = l.cell_name;
    reviews.push_back(std::move(o));
  }
  return {{"round", roundJson(v.round)},
          {"org_name", v.org_name},
          {"rules", rulesJson(v.rules)},
          {"cells", std::move(cells)},
          {"reviews", std::move(reviews)},
          {"by_level", countsJson(v.by_level)},
          {"not_decided", v.not_decided},
          {"quota", json::object{{"within", v.quota.within},
                                 {"allowed", v.quota.allowed},
                                 {"message", v.quota.message}}},
          {"may_decide", v.may_decide}};
}

json::object memberViewJson(const MemberReviewView& v) {
  const auto& e = v.evidence;
  json::array steps;
  for (const auto& s : v.steps)
    steps.push_back(json::object{{"step", toCode(s.step)},
                                 {"label", stepName(s.step)},
                                 {"level", optLevel(s.level)},
                                 {"points", optInt(s.points)},
                                 {"note", s.note},
                                 {"vote", json::object{{"for", s.vote_for},
                                                       {"against", s.vote_against},
                                                       {"abstain", s.vote_abstain}}},
                                 {"by", s.by_username},
                                 {"at", s.at.iso()}});
  return {{"review", reviewJson(v.review)},
          {"round", roundJson(v.round)},
          {"member_name", v.member_name},
          {"cell", json::object{{"id", v.cell.id}, {"name", v.cell.name}}},
          {"evidence", json::object{{"meetings_expected", e.meetings_expected},
                                    {"meetings_attended", e.meetings_attended},
                                    {"absent_excused", e.absent_excused},
                                    {"absent_unexcused", e.absent_unexcused},
                                    {"tasks_on_time", e.tasks_on_time},
                                    {"tasks_done_late", e.tasks_done_late},
                                    {"tasks_overdue", e.tasks_overdue},
                                    {"tasks_open", e.tasks_open},
                                    {"speeches", e.speeches},
                                    {"dues_months_due", e.dues_months_due},
                                    {"dues_months_paid", e.dues_months_paid},
                                    {"warnings", e.warnings}}},
          {"steps", std::move(steps)},
          {"rules", rulesJson(v.rules)},
          {"voters", v.voters},
          {"may_self_assess", v.may_self_assess},
          {"may_vote", v.may_vote},
          {"may_decide", v.may_decide}};
}

ReviewStepInput stepInput(BodyReader& b) {
  ReviewStepInput in;
  in.level = b.str("level");
  in.points = b.integer("points");
  in.note = b.str("note");
  in.vote_for = b.integer("vote_for");
  in.vote_against = b.integer("vote_against");
  in.vote_abstain = b.integer("vote_abstain");
  in.version = b.integer("version");
  return in;
}

Reply openRound(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  auto year = b.integer("year");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = openReviewRound(api.store(), *cat, c.caller, c.pathId("id"), year);
  return r ? jsonReply(201, roundViewJson(*r)) : errorReply(r.error());
}

Reply listRounds(Api& api, Call& c) {
  auto r = listReviewRounds(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& x : *r) items.push_back(roundJson(x));
  return jsonReply(200, json::object{{"items", std::move(items)}});
}

Reply getRound(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = getReviewRound(api.store(), *cat, c.caller, c.pathId("id"));
  return r ? jsonReply(200, roundViewJson(*r)) : errorReply(r.error());
}

Reply getReview(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = getMemberReview(api.store(), *cat, c.caller, c.pathId("id"));
  return r ? jsonReply(200, memberViewJson(*r)) : errorReply(r.error());
}

Reply step(Api& api, Call& c, ReviewStep s) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  auto in = stepInput(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = takeReviewStep(api.store(), *cat, c.caller, c.pathId("id"), s, in);
  return r ? jsonReply(200, memberViewJson(*r)) : errorReply(r.error());
}
Reply selfAssess(Api& api, Call& c) { return step(api, c, ReviewStep::self_assess); }
Reply cellVote(Api& api, Call& c) { return step(api, c, ReviewStep::cell_vote); }
Reply decide(Api& api, Call& c) { return step(api, c, ReviewStep::decide); }
Reply appeal(Api& api, Call& c) { return step(api, c, ReviewStep::appeal); }

Reply classify(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  auto in = stepInput(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = classifyCell(api.store(), *cat, c.caller, c.pathId("id"), c.pathId("sid"), in);
  return r ? jsonReply(200, roundViewJson(*r)) : errorReply(r.error());
}

}  // namespace

void addReviewRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/review-rounds", true, false, listRounds});
  out.push_back({"POST", "/api/v1/orgs/{id}/review-rounds", true, false, openRound});
  out.push_back({"GET", "/api/v1/review-rounds/{id}", true, false, getRound});
  out.push_back({"PUT", "/api/v1/review-rounds/{id}/cells/{sid}", true, false, classify});
  out.push_back({"GET", "/api/v1/reviews/{id}", true, false, getReview});
  out.push_back({"POST", "/api/v1/reviews/{id}/self-assessment", true, false, selfAssess});
  out.push_back({"POST", "/api/v1/reviews/{id}/cell-vote", true, false, cellVote});
  out.push_back({"POST", "/api/v1/reviews/{id}/decision", true, false, decide});
  out.push_back({"POST", "/api/v1/reviews/{id}/appeal", true, false, appeal});
}

}  // namespace chibo::http
