// Live mode: roll call, QR check-in, speeches, review of earlier tasks.
#include <algorithm>

#include "export/qr_code.h"
#include "http/meeting_body.h"
#include "http/meeting_json.h"
#include "http/meeting_routes.h"

namespace chibo::http {
namespace json = boost::json;

static Reply attendance(Api& api, Call& c) {
  if (auto st = checkMeetingScope(api.store(), c.caller, c.pathId("id"), Access::write); !st.ok()) return errorReply(st.error());
  BodyReader b(c.body);
  auto items = attendanceItems(b, c.body);
  if (!items) b.errors().add("items", "required", "Thiếu danh sách điểm danh.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  // Marks with a client time (the offline queue) are merged under the rules of
  // recordTimedAttendance; without, the request is the whole roll as before.
  bool timed = std::any_of(items->begin(), items->end(), [](const auto& i) { return i.marked_at.has_value(); });
  if (!timed) {
    auto r = recordAttendance(api.store(), c.caller, c.pathId("id"), *items);
    if (!r) return errorReply(r.error());
    auto o = meetingJson(*r);
    o["not_applied"] = json::array();
    return jsonReply(200, o);
  }
  auto r = recordTimedAttendance(api.store(), c.caller, c.pathId("id"), *items);
  if (!r) return errorReply(r.error());
  auto o = meetingJson(r->view);
  json::array skipped;
  for (const auto& s : r->not_applied)
    skipped.push_back(json::object{{"member_id", s.member_id},
                                   {"status", s.status},
                                   {"reason", s.reason},
                                   {"message", s.message},
                                   {"kept_status", toCode(s.kept.mark.status)},
                                   {"kept_source", s.kept.source},
                                   {"kept_marked_at", s.kept.marked_at.iso()}});
  o["not_applied"] = std::move(skipped);
  return jsonReply(200, o);
}

static Reply checkinToken(Api& api, Call& c) {
  BodyReader b(c.body);
  auto minutes = b.integer("minutes");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = issueCheckinToken(api.store(), c.caller, c.pathId("id"), minutes.value_or(5));
  if (!r) return errorReply(r.error());
  // The code carries a link to the app's check-in page on the configured
  // public address (or the host the secretary is using), so a phone camera
  // opens it directly.
  std::string url = api.publicBase(c) + "/checkin?token=" + r->token;
  auto svg = qrSvg(url, 320);
  return jsonReply(201, json::object{{"meeting_id", r->meeting_id},
                                     {"token", r->token},
                                     {"url", url},
                                     {"expires_at", r->expires_at.iso()},
                                     {"svg", svg ? json::value(*svg) : json::value(nullptr)}});
}

static Reply checkin(Api& api, Call& c) {
  BodyReader b(c.body);
  auto token = b.str("token");
  if (!token || token->empty()) b.errors().add("token", "required", "Thiếu mã điểm danh.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = checkIn(api.store(), c.caller, *token);
  if (!r) return errorReply(r.error());
  return jsonReply(200, json::object{{"meeting_id", r->meeting_id},
                                     {"member_id", r->member_id},
                                     {"full_name", r->full_name},
                                     {"status", toCode(r->status)},
                                     {"already", r->already}});
}

static Reply speech(Api& api, Call& c) {
  BodyReader b(c.body);
  SpeechFields f{b.id("member_id"), b.id("agenda_item_id"), b.str("summary"), b.integer("duration_seconds")};
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = addSpeech(api.store(), c.caller, c.pathId("id"), f);
  return r ? jsonReply(201, speechJson(*r)) : errorReply(r.error());
}

static Reply reviews(Api& api, Call& c) {
  if (auto st = checkMeetingScope(api.store(), c.caller, c.pathId("id"), Access::write); !st.ok()) return errorReply(st.error());
  BodyReader b(c.body);
  auto items = reviewItems(b, c.body);
  if (!items) b.errors().add("items", "required", "Thiếu danh sách đánh giá nhiệm vụ.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = reviewTasks(api.store(), c.caller, c.pathId("id"), *items);
  return r ? jsonReply(200, meetingJson(*r)) : errorReply(r.error());
}

void addMeetingLiveRoutes(std::vector<Route>& out) {
  out.push_back({"PUT", "/api/v1/meetings/{id}/attendance", true, false, attendance});
  out.push_back({"POST", "/api/v1/meetings/{id}/checkin-token", true, false, checkinToken});
  out.push_back({"POST", "/api/v1/checkin", true, false, checkin});
  out.push_back({"POST", "/api/v1/meetings/{id}/speeches", true, false, speech});
  out.push_back({"PUT", "/api/v1/meetings/{id}/task-reviews", true, false, reviews});
}

}  // namespace chibo::http
