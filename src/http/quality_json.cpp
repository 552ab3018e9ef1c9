#include "http/quality_json.h"

#include "domain/rules/rule_set.h"
#include "http/json_views.h"
#include "http/meeting_json.h"

namespace chibo::http {
namespace json = boost::json;

namespace {
json::value numOrNull(const std::optional<double>& d) { return d ? json::value(*d) : json::value(nullptr); }
json::value idOrNull(const std::optional<Id>& i) { return i ? json::value(*i) : json::value(nullptr); }

template <typename T>
json::object cited(const Cited<T>& c) {
  return {{"value", c.value}, {"source", c.source}, {"origin", c.origin}};
}

json::object bandJson(const Band& b) {
  return {{"input", b.input},          {"at_least", numOrNull(b.at_least)}, {"above", numOrNull(b.above)},
          {"at_most", numOrNull(b.at_most)}, {"below", numOrNull(b.below)},     {"points", b.points},
          {"label", b.label}};
}

json::object criterionScoreJson(const CriterionScore& c) {
  json::array inputs;
  for (const auto& [name, value] : c.inputs)
    inputs.push_back(json::object{{"name", name}, {"label", inputLabel(name)}, {"value", value}});
  return {{"code", c.code},
          {"name", c.name},
          {"kind", toCode(c.kind)},
          {"kind_label", label(c.kind)},
          {"points", c.points},
          {"max", c.max},
          {"lost", c.max - c.points},
          {"pending", c.pending},
          {"inputs", std::move(inputs)},
          {"rule_set_id", c.rule_set_id},
          {"source", c.source},
          {"explanation", c.explanation}};
}

json::object factsJson(const MeetingFacts& f) {
  const auto& a = f.attendance;
  return {{"kind", toCode(f.kind)},
          {"duration_minutes", f.duration_minutes ? json::value(*f.duration_minutes) : json::value(nullptr)},
          {"members_on_roll", f.members_on_roll},
          {"expected", a.expected},
          {"present", a.present},
          {"excused", a.excused},
          {"unexcused", a.unexcused},
          {"unmarked", a.unmarked},
          {"rate_percent", a.rate_percent},
          {"distinct_speakers", f.distinct_speakers},
          {"planned_start", f.planned_start.iso()},
          {"previous_tasks_total", f.previous_tasks_total},
          {"previous_tasks_reviewed", f.previous_tasks_reviewed},
          {"targets_evaluated", f.targets_evaluated},
          {"targets_met", f.targets_met},
          {"completeness_checks", f.completeness_checks},
          {"completeness_failed", f.completeness_failed},
          {"longest_excused_streak", f.longest_excused_streak}};
}

json::value evaluationJson(const std::optional<EvaluationView>& e) {
  if (!e) return nullptr;
  json::object points;
  for (const auto& [code, p] : e->evaluation.points) points[code] = p;
  return json::object{{"evaluator", e->evaluation.evaluator},
                      {"criteria", std::move(points)},
                      {"note", e->evaluation.note},
                      {"rule_set_id", e->evaluation.rule_set_id},
                      {"by_user_id", idOrNull(e->evaluation.by_user_id)},
                      {"by_username", e->evaluation.by_username},
                      {"at", e->evaluation.at.iso()},
                      {"total", e->score.total},
                      {"grade", toCode(e->score.grade)},
                      {"grade_label", e->score.grade_label},
                      {"pending", e->score.pending}};
}
}  // namespace

json::object rubricJson(const Rubric& r) {
  json::array criteria;
  for (const auto& c : r.criteria) {
    json::array bands, bonuses, items;
    for (const auto& b : c.bands) bands.push_back(bandJson(b));
    for (const auto& b : c.bonuses) bonuses.push_back(bandJson(b));
    for (auto it : c.items) items.push_back(json::value(toCode(it)));
    json::array inputs;
    for (auto in : measureInputs(c.measure)) inputs.push_back(json::value(in));
    criteria.push_back(json::object{{"code", c.code},
                                    {"name", c.name},
                                    {"kind", toCode(c.kind)},
                                    {"kind_label", label(c.kind)},
                                    {"measure", toCode(c.measure)},
                                    {"measure_inputs", std::move(inputs)},
                                    {"scoring", toCode(c.scoring)},
                                    {"max", c.max_points},
                                    {"bands", std::move(bands)},
                                    {"bonuses", std::move(bonuses)},
                                    {"items", std::move(items)},
                                    {"source", c.source},
                                    {"origin", c.origin}});
  }
  return {{"id", r.id},   {"name", r.name}, {"source", r.source}, {"origin", r.origin},
          {"max_total", r.maxTotal()}, {"criteria", std::move(criteria)}};
}

json::object ruleSetJson(const RuleSet& rs) {
  json::object thresholds;
  for (const auto& f : intFieldSpecs()) thresholds[f.name] = cited(rs.*f.in_set);
  for (const auto& f : doubleFieldSpecs()) thresholds[f.name] = cited(rs.*f.in_set);
  json::array applied;
  for (const auto& a : rs.applied) applied.push_back(json::value(a));
  json::array grades{
      json::object{{"grade", "good"}, {"label", label(Grade::good)}, {"at_least", rs.grade_good.value},
                   {"source", rs.grade_good.source}, {"origin", rs.grade_good.origin}},
      json::object{{"grade", "fair"}, {"label", label(Grade::fair)}, {"at_least", rs.grade_fair.value},
                   {"source", rs.grade_fair.source}, {"origin", rs.grade_fair.origin}},
      json::object{{"grade", "average"}, {"label", label(Grade::average)}, {"at_least", rs.grade_average.value},
                   {"source", rs.grade_average.source}, {"origin", rs.grade_average.origin}},
      json::object{{"grade", "poor"}, {"label", label(Grade::poor)}, {"at_least", 0},
                   {"source", rs.grade_average.source}, {"origin", rs.grade_average.origin}}};
  return {{"id", rs.id},
          {"name", rs.name},
          {"version", rs.version},
          {"issuer_document", rs.issuer_document},
          {"effective_from", rs.effective_from.iso()},
          {"effective_to", dateOrNull(rs.effective_to)},
          {"applied", std::move(applied)},
          {"thresholds", std::move(thresholds)},
          {"grades", std::move(grades)},
          {"rubric", rubricJson(rs.rubric)}};
}

json::object ruleAttachmentJson(const RuleAttachmentView& a) {
  return {{"id", a.attachment.id},
          {"org_id", a.attachment.org_id},
          {"org_name", a.org_name},
          {"rule_id", a.attachment.rule_id},
          {"rule_name", a.rule_name},
          {"issuer_document", a.issuer_document},
          {"from", a.attachment.from.iso()},
          {"to", dateOrNull(a.attachment.to)},
          {"file_effective_from", a.rule_name.empty() ? json::value(nullptr) : json::value(a.file_from.iso())},
          {"file_effective_to", dateOrNull(a.file_to)},
          {"inherited", a.inherited},
          {"by_user_id", idOrNull(a.attachment.by_user_id)},
          {"by_username", a.attachment.by_username},
          {"at", a.attachment.at.iso()}};
}

json::object rulesInForceJson(const RulesInForce& r) {
  json::array atts;
  for (const auto& a : r.attachments) atts.push_back(ruleAttachmentJson(a));
  return {{"org", orgBrief(r.org)}, {"date", r.at.iso()}, {"rule_set", ruleSetJson(r.rules)},
          {"attachments", std::move(atts)}};
}

json::object scoreJson(const Score& s) {
  json::array criteria, pulled;
  std::vector<const CriterionScore*> lost;
  for (const auto& c : s.criteria) {
    criteria.push_back(criterionScoreJson(c));
    if (c.max - c.points > 0.004) lost.push_back(&c);
  }
  std::stable_sort(lost.begin(), lost.end(),
                   [](const CriterionScore* a, const CriterionScore* b) { return a->max - a->points > b->max - b->points; });
  for (const auto* c : lost)
    pulled.push_back(json::object{{"code", c->code}, {"name", c->name}, {"lost", c->max - c->points},
                                  {"pending", c->pending}, {"explanation", c->explanation}});
  return {{"total", s.total},
          {"max", s.max},
          {"grade", toCode(s.grade)},
          {"grade_label", s.grade_label},
          {"pending", s.pending},
          {"rule_set_id", s.rule_set_id},
          {"rubric_id", s.rubric_id},
          {"grade_source", s.grade_source},
          {"criteria", std::move(criteria)},
          {"pulled_down_by", std::move(pulled)}};
}

json::object scoreViewJson(const ScoreView& v) {
  json::object o = scoreJson(v.score);
  o["meeting_id"] = v.meeting_id;
  o["org"] = orgBrief(v.org);
  o["date"] = v.date.iso();
  json::array applied;
  for (const auto& a : v.rules.applied) applied.push_back(json::value(a));
  o["rule_set"] = json::object{{"id", v.rules.id},
                               {"name", v.rules.name},
                               {"issuer_document", v.rules.issuer_document},
                               {"applied", std::move(applied)}};
  o["rubric"] = json::object{{"id", v.rules.rubric.id}, {"name", v.rules.rubric.name}, {"source", v.rules.rubric.source},
                             {"origin", v.rules.rubric.origin}};
  o["judged_by"] = v.judged_by ? json::value(*v.judged_by) : json::value(nullptr);
  o["facts"] = factsJson(v.facts);
  o["reviewed_resolution_id"] = v.reviewed_resolution_id ? json::value(v.reviewed_resolution_id) : json::value(nullptr);
  o["evaluations"] = json::object{{"self", evaluationJson(v.self)}, {"committee", evaluationJson(v.committee)}};
  return o;
}

json::object warningJson(const WarningView& w) {
  json::value ack = nullptr;
  if (w.ack)
    ack = json::object{{"note", w.ack->note},
                       {"by_user_id", idOrNull(w.ack->by_user_id)},
                       {"by_username", w.ack->by_username},
                       {"at", w.ack->at.iso()}};
  return {{"id", w.id},
          {"key", w.key},
          {"code", w.warning.code},
          {"severity", toCode(w.warning.severity)},
          {"severity_label", label(w.warning.severity)},
          {"subject", json::object{{"type", toCode(w.warning.subject_kind)},
                                   {"type_label", label(w.warning.subject_kind)},
                                   {"id", w.warning.subject_id},
                                   {"name", w.subject_name}}},
          {"org", json::object{{"id", w.org.id}, {"name", w.org.name}}},
          {"message", w.warning.message},
          {"rule", w.warning.rule},
          {"rule_set_id", w.warning.rule_set_id},
          {"source", w.warning.source},
          {"since", w.since.iso()},
          {"raised_at", w.raised_at ? json::value(w.raised_at->iso()) : json::value(nullptr)},
          {"acknowledged", std::move(ack)}};
}

json::object warningPageJson(const WarningPage& p) {
  json::array items;
  for (const auto& w : p.items) items.push_back(warningJson(w));
  return {{"items", std::move(items)}, {"total", p.total}, {"at", p.at.iso()}, {"kept", p.kept}};
}

namespace {
json::value monthOrNull(const std::optional<int>& m) {
  if (!m) return nullptr;
  std::string mm = std::to_string(*m % 100);
  return json::value(std::to_string(*m / 100) + "-" + (mm.size() < 2 ? "0" : "") + mm);
}
}  // namespace

json::object subgroupPilotJson(const SubgroupPilotView& v) {
  json::value pilot = nullptr;
  if (v.pilot) {
    const auto& p = *v.pilot;
    pilot = json::object{{"id", p.id},
                         {"from", monthOrNull(p.from_month)},
                         {"to", monthOrNull(p.to_month)},
                         {"decision", p.decision},
                         {"by_user_id", idOrNull(p.by_user_id)},
                         {"by_username", p.by_username},
                         {"at", p.at.iso()}};
  }
  json::array subgroups;
  for (const auto& s : v.subgroups) subgroups.push_back(json::object{{"id", s.id}, {"name", s.name}});
  return {{"org", orgBrief(v.cell)},
          {"basis", std::string(kSubgroupPilotBasis)},
          {"pilot", std::move(pilot)},
          {"subgroups", std::move(subgroups)},
          {"may_change", v.may_change}};
}

}  // namespace chibo::http
