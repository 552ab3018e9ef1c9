// Loading meetings in scope, the lock rules, and the roll on the meeting date.
#include "app/meetings/meeting_access.h"

#include <algorithm>
#include <set>

#include "app/audit_write.h"
#include "domain/text/vn_text.h"

namespace chibo {

Result<MeetingCtx> loadMeeting(ReadTx& tx, const Caller& c, Id id) {
  auto m = tx.meeting(id);
  if (!m) return Error::notFound();
  auto org = tx.org(m->meeting.org_id);
  if (!org) return Error::notFound();
  Access a = orgAccess(c.principal, org->path);
  if (a == Access::none) return Error::notFound();
  return MeetingCtx{std::move(*m), std::move(*org), a};
}

Result<MeetingCtx> loadWritableMeeting(ReadTx& tx, const Caller& c, Id id) {
  auto ctx = loadMeeting(tx, c, id);
  if (!ctx) return ctx.error();
  if (ctx->access < Access::write) return Error::forbidden();
  return ctx;
}

Status checkMeetingScope(Store& store, const Caller& c, Id id, Access need) {
  auto tx = store.read();
  auto ctx = loadMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (ctx->access < need) return Error::forbidden();
  return okStatus();
}

Error lockedError() {
  return Error::conflict("meeting_locked",
                         "Biên bản đã khóa: không sửa trực tiếp được, hãy lập sửa đổi (đính chính) có nêu lý do.");
}

Status requireOpen(const MeetingRecord& m) {
  if (m.meeting.status == MeetingStatus::finalized) return lockedError();
  if (m.meeting.status == MeetingStatus::cancelled)
    return Error::conflict("meeting_cancelled", "Cuộc họp đã hủy, không ghi thêm được.");
  return okStatus();
}

Status requireOpen(WriteTx& tx, const Caller& c, const MeetingCtx& ctx, std::string_view attempted) {
  auto st = requireOpen(ctx.rec);
  if (!st.ok() && ctx.rec.meeting.status == MeetingStatus::finalized) {
    writeAudit(tx, c, "meeting.locked_edit_rejected", "meeting", ctx.rec.meeting.id, ctx.org,
               {{"attempted", std::nullopt, std::string(attempted)}});
    tx.commit();
  }
  return st;
}

Date meetingDate(const MeetingRecord& m) {
  return (m.meeting.started_at ? *m.meeting.started_at : m.meeting.planned_start).date();
}

std::vector<RosterEntry> meetingRoll(ReadTx& tx, const Org& org, Date at) {
  std::vector<RosterEntry> out;
  if (org.kind == OrgKind::committee) {
    std::set<Id> seen;
    for (const auto& r : tx.rolesInOrg(org.id)) {
      if (!covers(r, at) || !seen.insert(r.member_id).second) continue;
      auto m = tx.member(r.member_id);
      if (!m) continue;
      auto place = placementOn(tx.cellPeriods(m->id), at);
      RosterEntry e{*m, place.value_or(CellPeriod{}), stateOn(*m, tx.statusPeriods(m->id), at)};
      if (e.state.on_roll) out.push_back(std::move(e));
    }
  } else {
    for (auto& cand : tx.rosterCandidates(org.path, at)) {
      RosterEntry e{cand.member, cand.placement, stateOn(cand.member, cand.statuses, at)};
      if (!covers(cand.placement, at)) e.state.on_roll = false;
      if (e.state.on_roll) out.push_back(std::move(e));
    }
  }
  sortByVietnameseName(out, [](const RosterEntry& e) -> const std::string& { return e.member.full_name; },
                       [](const RosterEntry& e) { return e.member.id; });
  return out;
}

std::optional<Id> termOn(ReadTx& tx, Id org_id, Date at) {
  for (const auto& t : tx.terms(org_id))
    if (t.start <= at && (!t.end || at <= *t.end)) return t.id;
  return std::nullopt;
}

std::optional<std::optional<DateTime>> parseInstant(Validator& v, const std::string& field,
                                                    const std::optional<std::string>& raw, DateTime now,
                                                    const std::string& label) {
  if (!raw) return std::nullopt;
  if (raw->empty()) return std::optional<DateTime>{};
  if (*raw == "now") return std::optional<DateTime>{now};
  if (raw->size() > 32) {  // the longest form, with seconds and an offset, is 25 characters
    v.add(field, "invalid_datetime", label + " không hợp lệ (định dạng YYYY-MM-DDTHH:MM).");
    return std::nullopt;
  }
  auto t = DateTime::parseIso(*raw);
  if (!t || t->date().year() < 1930 || t->date().year() > 2200) {
    v.add(field, "invalid_datetime", label + " không hợp lệ (định dạng YYYY-MM-DDTHH:MM).");
    return std::nullopt;
  }
  if (!realUtcOffset(*raw)) {
    v.add(field, "invalid_offset", label + " có múi giờ không hợp lệ (chỉ từ -12:00 đến +14:00).");
    return std::nullopt;
  }
  return std::optional<DateTime>{*t};
}

bool realUtcOffset(std::string_view iso) {
  // An explicit offset is the last six characters, "+hh:mm" or "-hh:mm". The
  // offsets in use on Earth run from UTC-12:00 to UTC+14:00 (the IANA time
  // zone database); anything else ("+99:00") is a typing slip or a probe and
  // would move the meeting by days.
  if (iso.size() < 6) return true;
  std::string_view z = iso.substr(iso.size() - 6);
  if ((z[0] != '+' && z[0] != '-') || z[3] != ':') return true;  // "Z" or no offset: nothing to check
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  if (!digit(z[1]) || !digit(z[2]) || !digit(z[4]) || !digit(z[5])) return false;
  int minutes = ((z[1] - '0') * 10 + (z[2] - '0')) * 60 + (z[4] - '0') * 10 + (z[5] - '0');
  if ((z[4] - '0') * 10 + (z[5] - '0') > 59) return false;
  return z[0] == '+' ? minutes <= 14 * 60 : minutes <= 12 * 60;
}

}  // namespace chibo
