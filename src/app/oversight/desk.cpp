// The monitor's desk and their observations at cell meetings.
#include "app/oversight/desk.h"

#include <algorithm>

#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"
#include "app/quality/quality.h"
#include "app/validate.h"

namespace chibo {
namespace {

bool isHeld(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

// The assignment of `member_id` to follow the cell of `org` covering `day` or `today`.
std::optional<MonitorAssignment> followsCell(ReadTx& tx, Id member_id, const Org& org, Date day, Date today) {
  Id cell = org.id;
  if (org.kind == OrgKind::subgroup && org.parent_id) cell = *org.parent_id;
  for (const auto& a : tx.assignmentsOfMember(member_id))
    if (a.cell_id == cell && (covers(a, day) || covers(a, today))) return a;
  return std::nullopt;
}

void deskOfCell(ReadTx& tx, const Caller& c, DeskCell& d, std::map<Id, std::string>& names) {
  const Id cell = d.cell.id;
  const Date today = c.today();
  // Last and next: a window wide enough for a cell that skipped a few months.
  auto recent = tx.meetingsOfOrg(cell, DateTime{c.now.unix_seconds - 400LL * 86400}, std::nullopt);
  for (const auto& m : recent) {
    if (isHeld(m.meeting.status) && m.meeting.planned_start <= c.now) d.last_meeting = m;
    bool upcoming = m.meeting.status == MeetingStatus::planned && m.meeting.planned_start >= DateTime{c.now.unix_seconds - 6 * 3600};
    bool in_progress = m.meeting.status == MeetingStatus::held && !m.meeting.ended_at;
    if (!d.next_meeting && (upcoming || in_progress)) d.next_meeting = m;
  }
  if (d.last_meeting) {
    d.last_stats = tx.meetingStats(d.last_meeting->meeting.id);
    if (c.principal.member_id)
      for (const auto& o : tx.observations(d.last_meeting->meeting.id))
        if (o.member_id == *c.principal.member_id) d.my_observation = o;
  }
  for (auto& t : tx.pendingTasksBefore(cell, c.now))
    if (isOverdue(t, today)) {
      for (Id a : t.assignee_member_ids) names[a];
      d.overdue_tasks.push_back(std::move(t));
    }
  d.year = computeRollup(tx, d.cell, yearMonth(today.year(), 1), ymOf(today), today, false).figures;
}

}  // namespace

Result<Desk> myDesk(Store& store, const Caller& c, const RuleCatalog* rules) {
  Desk desk;
  desk.rules_loaded = rules != nullptr;
  if (!c.principal.member_id || c.principal.monitored_cell_paths.empty()) return desk;
  ensureAggregates(store, c.now);
  {
    auto tx = store.read();
    for (const auto& a : tx->assignmentsOfMember(*c.principal.member_id)) {
      if (!covers(a, c.today())) continue;
      auto cell = tx->org(a.cell_id);
      if (!cell || orgAccess(c.principal, cell->path) < Access::read) continue;
      if (std::any_of(desk.cells.begin(), desk.cells.end(), [&](const DeskCell& x) { return x.cell.id == cell->id; }))
        continue;
      DeskCell d;
      d.cell = *cell;
      d.assignment = a;
      deskOfCell(*tx, c, d, desk.names);
      desk.cells.push_back(std::move(d));
    }
    std::sort(desk.cells.begin(), desk.cells.end(), [](const DeskCell& x, const DeskCell& y) { return x.cell.path < y.cell.path; });
    for (auto& [id, name] : desk.names)
      if (auto m = tx->member(id)) name = m->full_name;
  }
  if (rules) {
    for (auto& d : desk.cells) {
      if (d.last_meeting)
        if (auto s = getMeetingScore(store, *rules, c, d.last_meeting->meeting.id)) d.last_score = s->score;
      WarningQuery q;
      q.page.limit = 500;
      if (auto w = listWarnings(store, *rules, c, d.cell.id, q))
        for (const auto& wv : w->items)
          if (wv.warning.subject_kind == SubjectKind::member) d.members_at_risk.push_back({wv.warning, wv.key, wv.subject_name});
    }
  }
  return desk;
}

Result<ObservationView> recordObservation(Store& store, const Caller& c, Id meeting_id, const ObservationFields& in) {
  auto tx = store.write();
  auto ctx = loadMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  const Date day = meetingDate(ctx->rec);
  std::optional<MonitorAssignment> assignment;
  if (c.principal.member_id) assignment = followsCell(*tx, *c.principal.member_id, ctx->org, day, c.today());
  if (!assignment || ctx->access < Access::read) return Error::forbidden();
  if (ctx->rec.meeting.status == MeetingStatus::cancelled)
    return Error::conflict("meeting_cancelled", "Cuộc họp đã hủy, không ghi thêm được.");
  if (!isHeld(ctx->rec.meeting.status))
    return Error::conflict("not_held", "Cuộc họp chưa diễn ra nên chưa ghi nhận xét được.");
  Validator v;
  if (!in.attended) v.add("attended", "required", "Vui lòng cho biết đồng chí có dự cuộc họp hay không.");
  auto note = cleanText(v, "note", in.note, false, 4000, "nhận xét");
  if (!v.ok()) return v.error();

  const Id me = *c.principal.member_id;
  std::optional<MonitorObservation> before;
  for (const auto& o : tx->observations(meeting_id))
    if (o.member_id == me) before = o;
  MonitorObservation o{meeting_id, me, *in.attended, note.value_or(before ? before->note : ""), c.now,
                       c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt};
  tx->putObservation(o);
  std::string prefix = "observation[" + std::to_string(me) + "].";
  std::vector<FieldChange> changes;
  diffField(changes, prefix + "attended", before ? auditValue(before->attended) : std::nullopt, auditValue(o.attended));
  diffField(changes, prefix + "note", before ? std::optional<std::string>(before->note) : std::nullopt,
            std::optional<std::string>(o.note));
  if (changes.empty()) changes.push_back({prefix + "at", before ? std::optional<std::string>(before->at.iso()) : std::nullopt, o.at.iso()});
  writeAudit(*tx, c, "meeting.observation", "meeting", meeting_id, ctx->org, std::move(changes));
  aggregatesOnMeetingWrite(*tx, meeting_id, c.now);
  auto m = tx->member(me);
  tx->commit();
  return ObservationView{o, m ? m->full_name : ""};
}

Result<std::vector<ObservationView>> listObservations(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto ctx = loadMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (ctx->access < Access::read) return Error::forbidden();
  std::vector<ObservationView> out;
  for (auto& o : tx->observations(meeting_id)) {
    auto m = tx->member(o.member_id);
    out.push_back({std::move(o), m ? m->full_name : ""});
  }
  return out;
}

}  // namespace chibo
