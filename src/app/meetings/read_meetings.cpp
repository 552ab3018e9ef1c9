// Reading meetings: an org's list and one meeting's whole record.
#include "app/meetings/meeting_access.h"

namespace chibo {

Result<std::vector<MeetingRecord>> listMeetings(Store& store, const Caller& c, Id org_id, std::optional<Date> from,
                                                std::optional<Date> to) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (from && to && *to < *from)
    return Error::validation({{"to", "date_order", "Ngày kết thúc phải sau ngày bắt đầu."}});
  // Local days to instants: a day starts at 00:00 in Asia/Ho_Chi_Minh (UTC+7, no DST).
  auto startOf = [](Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; };
  std::optional<DateTime> lo, hi;
  if (from) lo = startOf(*from);
  if (to) hi = startOf(to->addDays(1));
  return tx->meetingsOfOrg(org_id, lo, hi);
}

std::map<Id, double> attendanceRates(Store& store, const std::vector<MeetingRecord>& meetings) {
  std::map<Id, double> out;
  auto tx = store.read();
  for (const auto& m : meetings) {
    if (m.meeting.status != MeetingStatus::held && m.meeting.status != MeetingStatus::finalized) continue;
    auto s = tx->meetingStats(m.meeting.id);
    if (s && s->counted && s->counts.expected > 0) out[m.meeting.id] = 100.0 * s->counts.present / s->counts.expected;
  }
  return out;
}

Result<MeetingView> getMeeting(Store& store, const Caller& c, Id id) {
  auto tx = store.read();
  auto ctx = loadMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  return buildMeetingView(*tx, c, *ctx);
}

}  // namespace chibo
