// The roll call and QR check-in.
#include <map>

#include "app/audit_write.h"
#include "app/auth/session_auth.h"
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"

namespace chibo {
namespace {

// The domain names the category "reason" and the text "reason_text"; the API
// names them "reason_category" and "reason". Field paths follow the API.
std::string apiField(const std::string& f) {
  auto rename = [&](const std::string& from, const std::string& to) -> std::optional<std::string> {
    if (f.size() >= from.size() && f.compare(f.size() - from.size(), from.size(), from) == 0)
      return f.substr(0, f.size() - from.size()) + to;
    return std::nullopt;
  };
  if (auto r = rename(".reason_text", ".reason")) return *r;
  if (auto r = rename(".reason", ".reason_category")) return *r;
  return f;
}

std::string markText(const AttendanceRecord& r) {
  std::string s(toCode(r.mark.status));
  if (r.mark.reason) s += " (" + std::string(label(*r.mark.reason)) + (r.mark.reason_text.empty() ? "" : ": " + r.mark.reason_text) + ")";
  return s;
}

}  // namespace

Result<std::vector<AttendanceRecord>> rollMarks(ReadTx& tx, const MeetingCtx& ctx,
                                                const std::vector<AttendanceItemInput>& items, DateTime now) {
  Validator v;
  std::vector<AttendanceMarkInput> raw;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& in = items[i];
    std::string p = "items[" + std::to_string(i) + "].";
    if (!in.member_id) v.add(p + "member_id", "required", "Thiếu mã đảng viên.");
    if (!in.status) v.add(p + "status", "required", "Thiếu trạng thái điểm danh.");
    AttendanceMarkInput m{in.member_id.value_or(0), in.status.value_or(""), in.reason_category.value_or(""),
                          in.reason.value_or("")};
    if (m.reason.empty() && !m.reason_text.empty()) m.reason = "other";
    if (m.reason_text.size() > 2000) v.add(p + "reason", "too_long", "Lý do dài quá 2000 ký tự.");
    raw.push_back(std::move(m));
  }
  if (!v.ok()) return v.error();
  auto roll = meetingRoll(tx, ctx.org, meetingDate(ctx.rec));
  auto marks = validateMarks(roll, raw);
  if (!marks) {
    Validator e;
    for (const auto& fe : marks.error().field_errors) e.add(apiField(fe.field), fe.code, fe.message);
    return e.error();
  }
  std::vector<AttendanceRecord> out;
  for (auto& m : *marks) out.push_back({m, now, "roll"});
  return out;
}

std::vector<FieldChange> attendanceDiff(const std::vector<AttendanceRecord>& before,
                                        const std::vector<AttendanceRecord>& after) {
  std::map<Id, std::pair<std::optional<std::string>, std::optional<std::string>>> rows;
  for (const auto& r : before) rows[r.mark.member_id].first = markText(r);
  for (const auto& r : after) rows[r.mark.member_id].second = markText(r);
  std::vector<FieldChange> out;
  for (const auto& [id, ba] : rows) diffField(out, "attendance[" + std::to_string(id) + "]", ba.first, ba.second);
  return out;
}

Result<MeetingView> recordAttendance(Store& store, const Caller& c, Id id, const std::vector<AttendanceItemInput>& items) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "điểm danh"); !st.ok()) return st.error();
  auto rows = rollMarks(*tx, *ctx, items, c.now);
  if (!rows) return rows.error();
  auto before = tx->attendance(id);
  // A mark that did not change keeps its time and source (a QR check-in stays one).
  for (auto& r : *rows)
    for (const auto& b : before)
      if (b.mark.member_id == r.mark.member_id && markText(b) == markText(r)) r = b;
  auto changes = attendanceDiff(before, *rows);
  if (!changes.empty()) {
    tx->replaceAttendance(id, *rows);
    writeAudit(*tx, c, "meeting.attendance", "meeting", id, ctx->org, std::move(changes));
    aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, id);
}

Result<CheckinIssued> issueCheckinToken(Store& store, const Caller& c, Id id, int minutes) {
  if (minutes < 1 || minutes > 60)
    return Error::validation({{"minutes", "out_of_range", "Thời hạn mã điểm danh từ 1 đến 60 phút."}});
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "tạo mã điểm danh QR"); !st.ok()) return st.error();
  if (!ctx->rec.meeting.started_at)
    return Error::conflict("not_started", "Chỉ điểm danh bằng mã QR khi cuộc họp đã bắt đầu.");
  CheckinIssued out{id, randomToken(), DateTime{c.now.unix_seconds + minutes * 60}};
  tx->deleteExpiredCheckinTokens(c.now);
  tx->insertCheckinToken({sha256Hex(out.token), id, out.expires_at, c.now, c.principal.user_id});
  writeAudit(*tx, c, "meeting.checkin_token", "meeting", id, ctx->org,
             {{"checkin_token_expires_at", std::nullopt, out.expires_at.iso()}});
  tx->commit();
  return out;
}

Result<CheckinDone> checkIn(Store& store, const Caller& c, const std::string& token) {
  if (token.empty() || token.size() > 128) return Error::notFound();
  auto tx = store.write();
  auto t = tx->checkinToken(sha256Hex(token));
  if (!t) return Error::notFound();
  if (t->expires_at <= c.now)
    return Error::conflict("checkin_expired", "Mã điểm danh đã hết hạn; đề nghị thư ký hiển thị mã mới.");
  auto rec = tx->meeting(t->meeting_id);
  auto org = rec ? tx->org(rec->meeting.org_id) : std::nullopt;
  if (!rec || !org) return Error::notFound();
  if (auto st = requireOpen(*rec); !st.ok()) return st.error();
  auto notOnRoll = [] {
    return Error::validation({{"member_id", "not_on_roll", "Bạn không có tên trong danh sách dự họp vào ngày họp."}});
  };
  if (!c.principal.member_id) return notOnRoll();
  const Id me = *c.principal.member_id;
  MeetingCtx ctx{*rec, *org, Access::basic};
  auto rows = rollMarks(*tx, ctx, {{me, "present", std::nullopt, std::nullopt, std::nullopt}}, c.now);
  if (!rows) return notOnRoll();
  CheckinDone out{rec->meeting.id, me, "", AttendanceStatus::present, false};
  if (auto m = tx->member(me)) out.full_name = m->full_name;
  auto before = tx->attendance(rec->meeting.id);
  for (const auto& b : before)
    if (b.mark.member_id == me && isPresent(b.mark.status)) {
      out.status = b.mark.status;
      out.already = true;
      return out;
    }
  AttendanceRecord row = rows->front();
  row.source = "checkin";
  tx->upsertAttendance(rec->meeting.id, row);
  std::optional<std::string> was;
  for (const auto& b : before)
    if (b.mark.member_id == me) was = markText(b);
  writeAudit(*tx, c, "meeting.checkin", "meeting", rec->meeting.id, *org,
             {{"attendance[" + std::to_string(me) + "]", was, markText(row)}});
  aggregatesOnMeetingWrite(*tx, rec->meeting.id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  return out;
}

}  // namespace chibo
