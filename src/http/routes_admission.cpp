// The new-member pipeline (phát triển đảng viên): a cell's candidates, one
// candidate with its dated history, recording stages, introducers, the
// dossier's documents (raw file bodies, as meeting attachments), and a
// committee's pipeline across its cells.
#include <cstdio>

#include "app/admission/admission.h"
#include "app/documents/documents.h"
#include "http/api.h"
#include "http/content_disposition.h"
#include "http/meeting_body.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

const RuleCatalog* catalog(Api& api) { return api.config().rules.get(); }
Reply noCatalog() { return errorReply(Error::internal("Máy chủ chưa nạp bộ quy tắc (thư mục rules).")); }

json::value optDate(const std::optional<Date>& d) { return d ? json::value(d->iso()) : json::value(nullptr); }
json::value optInt(const std::optional<int>& i) { return i ? json::value(*i) : json::value(nullptr); }

json::object documentJson(const CandidateDocument& d) {
  return json::object{{"id", d.id},
                      {"candidate_id", d.candidate_id},
                      {"stage", d.stage},
                      {"file_name", d.file_name},
                      {"content_type", d.content_type},
                      {"size", d.size},
                      {"sha256", d.sha256},
                      {"uploaded_by", d.uploaded_by_username},
                      {"uploaded_at", d.uploaded_at.iso()},
                      {"url", "/api/v1/candidate-documents/" + std::to_string(d.id)}};
}

json::object candidateJson(const CandidateView& v) {
  const auto& c = v.candidate;
  json::array stages, introducers, helpers, documents;
  for (const auto& s : v.stages)
    stages.push_back(json::object{{"id", s.id},
                                  {"stage", toCode(s.stage)},
                                  {"stage_label", label(s.stage)},
                                  {"date", s.day.iso()},
                                  {"reference", s.reference},
                                  {"note", s.note},
                                  {"received_on", optDate(s.received_on)},
                                  {"votes_for", optInt(s.votes_for)},
                                  {"votes_total", optInt(s.votes_total)},
                                  {"recorded_by", s.recorded_by_username},
                                  {"recorded_at", s.recorded_at.iso()}});
  for (const auto& p : v.people) {
    json::object o{{"id", p.id}, {"member_id", p.member_id}, {"full_name", p.full_name}, {"since", p.since.iso()}};
    (p.role == "introducer" ? introducers : helpers).push_back(std::move(o));
  }
  for (const auto& d : v.documents) documents.push_back(documentJson(d));
  json::value deadline = nullptr;
  if (v.deadline)
    deadline = json::object{{"kind", v.deadline->kind}, {"due", v.deadline->due.iso()}, {"overdue", v.deadline->overdue}};
  return json::object{{"id", c.id},
                      {"cell_id", c.cell_id},
                      {"cell_name", v.cell_name},
                      {"full_name", c.full_name},
                      {"birth_date", c.birth_date.iso()},
                      {"age_months", v.age_months},
                      {"gender", c.gender},
                      {"phone", c.phone},
                      {"note", c.note},
                      {"stage", toCode(c.stage)},
                      {"stage_label", label(c.stage)},
                      {"stage_date", c.stage_date.iso()},
                      {"next_stage", v.next_stage ? json::value(toCode(*v.next_stage)) : json::value(nullptr)},
                      {"route", c.route ? json::value(*c.route) : json::value(nullptr)},
                      {"youth_union_resolution", c.youth_union_resolution},
                      {"member_id", c.member_id ? json::value(*c.member_id) : json::value(nullptr)},
                      {"deadline", std::move(deadline)},
                      {"can_write", v.access >= Access::write},
                      {"version", c.version},
                      {"stages", std::move(stages)},
                      {"introducers", std::move(introducers)},
                      {"helpers", std::move(helpers)},
                      {"documents", std::move(documents)}};
}

Reply one(const Result<CandidateView>& r, int status) {
  return r ? jsonReply(status, candidateJson(r.value())) : errorReply(r.error());
}

CandidateFields fieldsOf(BodyReader& b) {
  CandidateFields f;
  f.full_name = b.str("full_name");
  f.birth_date = b.str("birth_date");
  f.gender = b.str("gender");
  f.phone = b.str("phone");
  f.note = b.str("note");
  f.listed_on = b.str("listed_on");
  f.helper_member_id = b.id("helper_member_id");
  f.version = b.integer("version");
  return f;
}

Reply list(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = listCandidates(api.store(), *cat, c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& v : *r) items.push_back(candidateJson(v));
  auto n = items.size();
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", n}});
}

Reply create(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  auto f = fieldsOf(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return one(createCandidate(api.store(), *cat, c.caller, c.pathId("id"), f), 201);
}

Reply get(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  return one(getCandidate(api.store(), *cat, c.caller, c.pathId("id")), 200);
}

Reply patch(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  auto f = fieldsOf(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return one(updateCandidate(api.store(), *cat, c.caller, c.pathId("id"), f), 200);
}

Reply stage(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  StageFields f;
  f.stage = b.str("stage");
  f.date = b.str("date");
  f.reference = b.str("reference");
  f.note = b.str("note");
  f.received_on = b.str("received_on");
  f.route = b.str("route");
  f.youth_union_resolution = b.str("youth_union_resolution");
  f.consent = b.str("consent");
  f.votes_for = b.integer("votes_for");
  f.votes_total = b.integer("votes_total");
  f.helper_member_ids = readIds(b, c.body, "helper_member_ids", 5).value_or(std::vector<Id>{});
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return one(recordStage(api.store(), *cat, c.caller, c.pathId("id"), f), 200);
}

Reply addIntro(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  BodyReader b(c.body);
  IntroducerFields f{b.id("member_id"), b.str("worked_since")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  return one(addIntroducer(api.store(), *cat, c.caller, c.pathId("id"), f), 201);
}

Reply removeIntro(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  return one(removeIntroducer(api.store(), *cat, c.caller, c.pathId("id"), c.pathId("sid")), 200);
}

Reply upload(Api& api, Call& c) {
  CandidateUpload in;
  in.name = c.query("name");
  in.stage = c.query("stage");
  in.bytes = c.req->body();
  auto r = uploadCandidateDocument(api.store(), c.caller, c.pathId("id"), in);
  return r ? jsonReply(201, documentJson(*r)) : errorReply(r.error());
}

Reply download(Api& api, Call& c) {
  auto r = downloadCandidateDocument(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  Reply out{200, std::move(r->bytes), r->meta.content_type, {}};
  out.headers.emplace_back("Content-Disposition", attachmentDisposition(r->meta.file_name));
  out.headers.emplace_back("Content-Security-Policy", "default-src 'none'; sandbox");
  return out;
}

Reply removeDoc(Api& api, Call& c) {
  auto r = deleteCandidateDocument(api.store(), c.caller, c.pathId("id"));
  return r ? Reply{204, "", "application/json; charset=utf-8", {}} : errorReply(r.error());
}

Reply pipeline(Api& api, Call& c) {
  auto* cat = catalog(api);
  if (!cat) return noCatalog();
  auto r = admissionPipeline(api.store(), *cat, c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array counts, items;
  for (const auto& [s, n] : r->counts)
    counts.push_back(json::object{{"stage", toCode(s)}, {"stage_label", label(s)}, {"count", n}});
  for (const auto& v : r->items) items.push_back(candidateJson(v));
  return jsonReply(200, json::object{{"org_id", r->org_id},
                                     {"org_name", r->org_name},
                                     {"counts", std::move(counts)},
                                     {"overdue", r->overdue},
                                     {"items", std::move(items)}});
}

}  // namespace

void addAdmissionRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/candidates", true, false, list});
  out.push_back({"POST", "/api/v1/orgs/{id}/candidates", true, false, create});
  out.push_back({"GET", "/api/v1/orgs/{id}/admission-pipeline", true, false, pipeline});
  out.push_back({"GET", "/api/v1/candidates/{id}", true, false, get});
  out.push_back({"PATCH", "/api/v1/candidates/{id}", true, false, patch});
  out.push_back({"POST", "/api/v1/candidates/{id}/stages", true, false, stage});
  out.push_back({"POST", "/api/v1/candidates/{id}/introducers", true, false, addIntro});
  out.push_back({"DELETE", "/api/v1/candidates/{id}/introducers/{sid}", true, false, removeIntro});
  Route up{"POST", "/api/v1/candidates/{id}/documents", true, true, upload};
  up.raw_body = true;
  up.max_body = kMaxAttachmentBytes;
  out.push_back(std::move(up));
  out.push_back({"GET", "/api/v1/candidate-documents/{id}", true, true, download});
  out.push_back({"DELETE", "/api/v1/candidate-documents/{id}", true, false, removeDoc});
}

}  // namespace chibo::http
