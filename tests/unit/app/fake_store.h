#pragma once
// An in-memory Store for app-layer unit tests: every table is a std::vector,
// ids count from 1 per table like SQLite rowids, and orderings copy the SQLite
// store's ORDER BY clauses so tests see what the server would.
//
// Transactions: read() and write() work on a copy of the data taken when the
// transaction starts. commit() copies it back; destroying a WriteTx without
// commit() discards its changes, as the real store rolls back. Writing through
// a read transaction throws StoreError. Not thread-safe, and not meant to be.
#include <map>
#include <algorithm>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "store/store.h"

namespace chibo::fake {

struct Data {
  std::vector<Org> orgs;
  std::vector<CommitteeTerm> terms;
  std::vector<Member> members;
  std::vector<CellPeriod> cell_periods;
  std::vector<StatusPeriod> status_periods;
  std::vector<RolePeriod> roles;
  std::vector<MonitorAssignment> monitors;
  std::vector<User> users;
  std::vector<UserGrant> grants;
  std::vector<Session> sessions;
  int64_t session_rowid = 0;  // SQLite gives each session row a rowid
  std::vector<AuditEntry> audit;
  std::vector<MemberIdentity> identities;
  // Meetings (0002). Rows that have no id of their own carry their meeting id alongside.
  std::vector<MeetingRecord> meetings;
  std::vector<std::pair<Id, AgendaItem>> agenda;
  std::vector<std::pair<Id, AttendanceRecord>> attendance;
  std::vector<std::pair<Id, Speech>> speeches;
  std::vector<MeetingVersion> versions;
  std::vector<std::pair<std::optional<Id>, Resolution>> resolutions;  // (term id, resolution)
  std::vector<Task> tasks;
  std::vector<TaskReview> reviews;
  std::vector<ThematicPlanRecord> plan;
  std::vector<MeetingSlot> slots;
  std::vector<SlotMark> slot_marks;
  std::vector<CheckinToken> checkins;
  // Quality (0003).
  std::vector<RuleAttachment> rule_attachments;
  std::vector<MeetingEvaluation> evaluations;
  std::vector<WarningAck> warning_acks;
  // Kept warnings (0011).
  std::vector<WarningRecord> warning_records;
  std::optional<Date> warning_pass_day;
  // Tổ đảng pilots (0013).
  std::vector<SubgroupPilot> subgroup_pilots;
  // Idempotency keys (0015).
  std::vector<IdempotencyRecord> idempotency_keys;
  // Rollup (0004).
  std::vector<MeetingStats> meeting_stats;
  std::vector<CellMonthStats> cell_month_stats;
  std::optional<DateTime> aggregates_built_at;
  std::string aggregates_grader;
  std::vector<MonitorObservation> observations;
  std::vector<CalendarToken> calendar_tokens;
  // Attachments (0005): each row with its bytes.
  std::vector<std::pair<AttachmentRecord, std::string>> attachments;
  // Log-in throttle (0008).
  std::vector<ThrottleRecord> throttle;
  // --- reminders and notices (0014)
  std::vector<NotificationSettings> notification_settings;
  std::vector<NoticeRecord> notices;
  std::vector<OutboxMessage> outbox;
  std::map<std::string, Date> notice_pass_days;
};

class FakeTx : public WriteTx {
 public:
  // `target` is where commit() writes; null for a read-only transaction.
  FakeTx(Data snapshot, Data* target) : d_(std::move(snapshot)), target_(target) {}

  // The repositories have no fake: use cases that reach them are tested on a
  // real temporary SQLite database, as idempotency_test.cpp is.
  DuesRepo& dues() override { throw StoreError("the fake store has no dues repository"); }
  AdmissionRepo& admission() override { throw StoreError("the fake store has no admission repository"); }
  ReviewRepo& review() override { throw StoreError("the fake store has no review repository"); }

  // --- organisation tree
  std::optional<Org> org(Id id) override { return findById(d_.orgs, id); }
  std::vector<Org> orgsByIds(const std::vector<Id>& ids) override {
    std::vector<Org> out;
    for (Id id : ids)
      if (auto o = org(id)) out.push_back(*o);
    return out;
  }
  std::vector<Org> orgChildren(Id parent_id) override {
    auto out = where(d_.orgs, [&](const Org& o) { return o.parent_id == parent_id; });
    std::sort(out.begin(), out.end(), [](const Org& a, const Org& b) {
      return std::tuple(toCode(a.kind), a.code, a.name) < std::tuple(toCode(b.kind), b.code, b.name);
    });
    return out;
  }
  std::vector<std::pair<Id, int>> grandchildCounts(Id parent_id) override {
    std::vector<std::pair<Id, int>> out;
    for (const auto& c : orgChildren(parent_id))
      if (auto n = orgChildren(c.id).size()) out.emplace_back(c.id, int(n));
    return out;
  }
  std::vector<Org> orgByPath(const std::vector<std::string>& paths) override {
    std::vector<Org> out;
    for (const auto& p : paths)
      for (const auto& o : d_.orgs)
        if (o.path == p) out.push_back(o);
    return out;
  }
  std::vector<CommitteeTerm> terms(Id org_id) override {
    auto out = where(d_.terms, [&](const CommitteeTerm& t) { return t.org_id == org_id; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.start < b.start; });
    return out;
  }

  // --- members
  std::optional<Member> member(Id id) override { return findById(d_.members, id); }
  std::optional<Member> memberByCardNo(std::string_view card_no) override {
    for (const auto& m : d_.members)
      if (m.card_no == card_no) return m;
    return std::nullopt;
  }
  std::vector<CellPeriod> cellPeriods(Id member_id) override {
    return byFromThenId(where(d_.cell_periods, [&](const CellPeriod& p) { return p.member_id == member_id; }));
  }
  std::vector<StatusPeriod> statusPeriods(Id member_id) override {
    return byFromThenId(where(d_.status_periods, [&](const StatusPeriod& p) { return p.member_id == member_id; }));
  }
  std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) override {
    std::vector<RosterCandidate> out;
    for (const auto& m : d_.members) {  // members are kept in id order
      const CellPeriod* best = nullptr;
      for (const auto& p : d_.cell_periods) {
        if (p.member_id != m.id || !placeInSubtree(p, org_path)) continue;
        if (at && !covers(p, *at)) continue;
        if (!best || p.from > best->from) best = &p;  // newest placement wins
      }
      if (best) out.push_back({m, *best, statusPeriods(m.id)});
    }
    return out;
  }
  std::vector<std::pair<std::string, int>> memberCountsByPlace(const std::string& org_path) override {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& p : d_.cell_periods) {
      if (p.to || !placeInSubtree(p, org_path)) continue;
      auto place = org(p.subgroup_id.value_or(p.cell_id));
      if (!place) continue;
      auto it = std::find_if(out.begin(), out.end(), [&](auto& e) { return e.first == place->path; });
      if (it == out.end()) out.emplace_back(place->path, 1); else ++it->second;
    }
    return out;
  }

  // --- roles and monitoring
  std::optional<RolePeriod> role(Id id) override { return findById(d_.roles, id); }
  std::vector<RolePeriod> rolesInOrg(Id org_id) override {
    return newestFirst(where(d_.roles, [&](const RolePeriod& r) { return r.org_id == org_id; }));
  }
  std::vector<RolePeriod> rolesOfMember(Id member_id) override {
    return newestFirst(where(d_.roles, [&](const RolePeriod& r) { return r.member_id == member_id; }));
  }
  std::optional<MonitorAssignment> monitorAssignment(Id id) override { return findById(d_.monitors, id); }
  std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) override {
    return newestFirst(where(d_.monitors, [&](const MonitorAssignment& a) { return a.cell_id == cell_id; }));
  }
  std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) override {
    return newestFirst(where(d_.monitors, [&](const MonitorAssignment& a) { return a.member_id == member_id; }));
  }

  // --- accounts
  std::optional<User> user(Id id) override { return findById(d_.users, id); }
  std::optional<User> userByUsername(std::string_view username) override {
    for (const auto& u : d_.users)
      if (u.username == username) return u;
    return std::nullopt;
  }
  std::vector<UserGrant> grantsOf(Id user_id) override {
    return where(d_.grants, [&](const UserGrant& g) { return g.user_id == user_id; });
  }
  std::optional<Session> session(std::string_view token_hash) override {
    for (const auto& s : d_.sessions)
      if (s.token_hash == token_hash) return s;
    return std::nullopt;
  }
  std::optional<User> userByMember(Id member_id) override {
    for (const auto& u : d_.users)
      if (u.member_id == member_id) return u;
    return std::nullopt;
  }
  std::optional<User> userByActivationHash(std::string_view hash) override {
    for (const auto& u : d_.users)
      if (u.activation_hash && *u.activation_hash == hash) return u;
    return std::nullopt;
  }
  std::vector<User> accountsUnder(const std::string& org_path) override {
    auto under = [&](Id org_id) {
      auto o = findById(d_.orgs, org_id);
      return o && o->path.starts_with(org_path);
    };
    return where(d_.users, [&](const User& u) {
      if (u.member_id)
        if (auto m = findById(d_.members, *u.member_id); m && m->cell_id && under(*m->cell_id)) return true;
      for (const auto& g : d_.grants)
        if (g.user_id == u.id && under(g.org_id)) return true;
      return false;
    });
  }
  std::vector<Session> sessionsOf(Id user_id) override {
    auto out = where(d_.sessions, [&](const Session& s) { return s.user_id == user_id; });
    std::stable_sort(out.begin(), out.end(), [](const Session& a, const Session& b) { return a.created > b.created; });
    return out;
  }

  // --- audit
  std::vector<AuditEntry> audit(const AuditQuery& q) override {
    auto rows = auditMatching(q);
    std::reverse(rows.begin(), rows.end());  // newest first
    size_t from = std::min(rows.size(), static_cast<size_t>(std::max(q.offset, 0)));
    size_t to = std::min(rows.size(), from + static_cast<size_t>(std::max(q.limit, 0)));
    return {rows.begin() + static_cast<std::ptrdiff_t>(from), rows.begin() + static_cast<std::ptrdiff_t>(to)};
  }
  int64_t auditCount(const AuditQuery& q) override { return static_cast<int64_t>(auditMatching(q).size()); }

  // --- meetings
  std::optional<MeetingRecord> meeting(Id id) override {
    for (const auto& m : d_.meetings)
      if (m.meeting.id == id) return m;
    return std::nullopt;
  }
  std::vector<MeetingRecord> meetingsOfOrg(Id org_id, std::optional<DateTime> from, std::optional<DateTime> to) override {
    auto out = where(d_.meetings, [&](const MeetingRecord& m) {
      return m.meeting.org_id == org_id && (!from || m.meeting.planned_start >= *from) &&
             (!to || m.meeting.planned_start < *to);
    });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) {
      return std::tie(a.meeting.planned_start, a.meeting.id) < std::tie(b.meeting.planned_start, b.meeting.id);
    });
    return out;
  }
  std::vector<AgendaItem> agenda(Id meeting_id) override {
    std::vector<AgendaItem> out;
    for (const auto& [mid, a] : d_.agenda)
      if (mid == meeting_id) out.push_back(a);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.position, a.id) < std::tie(b.position, b.id); });
    return out;
  }
  std::vector<AttendanceRecord> attendance(Id meeting_id) override {
    std::vector<AttendanceRecord> out;
    for (const auto& [mid, r] : d_.attendance)
      if (mid == meeting_id) out.push_back(r);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.mark.member_id < b.mark.member_id; });
    return out;
  }
  std::vector<std::pair<Id, AttendanceRecord>> attendanceOfMember(Id member_id) override {
    std::vector<std::pair<Id, AttendanceRecord>> out;
    for (const auto& row : d_.attendance)
      if (row.second.mark.member_id == member_id) out.push_back(row);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first < b.first; });
    return out;
  }
  std::vector<Speech> speeches(Id meeting_id) override {
    std::vector<Speech> out;
    for (const auto& [mid, s] : d_.speeches)
      if (mid == meeting_id) out.push_back(s);
    return out;
  }
  std::vector<MeetingVersion> meetingVersions(Id meeting_id) override {
    auto out = where(d_.versions, [&](const MeetingVersion& v) { return v.meeting_id == meeting_id; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    return out;
  }

  // --- resolutions and tasks
  std::optional<Resolution> resolution(Id id) override {
    for (const auto& [term, r] : d_.resolutions)
      if (r.id == id) return r;
    return std::nullopt;
  }
  std::vector<Resolution> resolutionsOfMeeting(Id meeting_id) override {
    std::vector<Resolution> out;
    for (const auto& [term, r] : d_.resolutions)
      if (r.meeting_id == meeting_id) out.push_back(r);
    return out;
  }
  std::vector<int> resolutionNumbers(Id org_id, DocType type, std::optional<Id> term_id) override {
    std::vector<int> out;
    for (const auto& [term, r] : d_.resolutions)
      if (r.org_id == org_id && r.doc_type == type && term.value_or(0) == term_id.value_or(0) && r.number)
        out.push_back(*r.number);
    std::sort(out.begin(), out.end());
    return out;
  }
  std::optional<Task> task(Id id) override { return findById(d_.tasks, id); }
  std::vector<Task> tasksOfMeeting(Id meeting_id) override {
    return where(d_.tasks, [&](const Task& t) { return t.meeting_id == meeting_id; });
  }
  std::vector<Task> pendingTasksBefore(Id org_id, DateTime before) override {
    std::vector<std::pair<DateTime, Task>> rows;
    for (const auto& t : d_.tasks) {
      auto m = meeting(t.meeting_id);
      if (m && m->meeting.org_id == org_id && m->meeting.planned_start < before && isPending(t.status))
        rows.emplace_back(m->meeting.planned_start, t);
    }
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return std::tie(a.first, a.second.id) < std::tie(b.first, b.second.id); });
    std::vector<Task> out;
    for (auto& r : rows) out.push_back(r.second);
    return out;
  }
  std::vector<Task> tasksOfMember(Id member_id) override {
    auto out = where(d_.tasks, [&](const Task& t) {
      return std::find(t.assignee_member_ids.begin(), t.assignee_member_ids.end(), member_id) != t.assignee_member_ids.end();
    });
    std::stable_sort(out.begin(), out.end(), [](const Task& a, const Task& b) {
      return std::tuple(!a.deadline, a.deadline.value_or(Date{}), a.id) < std::tuple(!b.deadline, b.deadline.value_or(Date{}), b.id);
    });
    return out;
  }
  std::vector<TaskReview> taskReviews(Id meeting_id) override {
    auto out = where(d_.reviews, [&](const TaskReview& r) { return r.meeting_id == meeting_id; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.task_id < b.task_id; });
    return out;
  }

  // --- planning
  std::vector<ThematicPlanRecord> thematicPlan(Id org_id, int year) override {
    auto out = where(d_.plan, [&](const ThematicPlanRecord& r) { return r.entry.org_id == org_id && r.entry.year == year; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.entry.quarter < b.entry.quarter; });
    return out;
  }
  std::optional<ThematicPlanRecord> thematicEntry(Id id) override {
    for (const auto& r : d_.plan)
      if (r.entry.id == id) return r;
    return std::nullopt;
  }
  std::vector<MeetingSlot> slots(Id meeting_id) override {
    auto out = where(d_.slots, [&](const MeetingSlot& s) { return s.meeting_id == meeting_id; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.start < b.start; });
    return out;
  }
  std::vector<SlotMark> slotMarks(Id meeting_id) override {
    auto own = slots(meeting_id);
    auto out = where(d_.slot_marks, [&](const SlotMark& k) {
      return std::any_of(own.begin(), own.end(), [&](const MeetingSlot& s) { return s.id == k.slot_id; });
    });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.slot_id, a.member_id) < std::tie(b.slot_id, b.member_id); });
    return out;
  }
  std::optional<CheckinToken> checkinToken(std::string_view token_hash) override {
    for (const auto& t : d_.checkins)
      if (t.token_hash == token_hash) return t;
    return std::nullopt;
  }

  // --- quality (0003)
  std::vector<RuleAttachment> ruleAttachments() override {
    std::vector<RuleAttachment> out;
    for (auto a : d_.rule_attachments) {
      auto o = org(a.org_id);
      if (!o) continue;  // the SQLite store joins on orgs
      a.org_path = o->path;
      out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.org_id, a.rule_id) < std::tie(b.org_id, b.rule_id); });
    return out;
  }
  std::vector<MeetingEvaluation> meetingEvaluations(Id meeting_id) override {
    auto out = where(d_.evaluations, [&](const MeetingEvaluation& e) { return e.meeting_id == meeting_id; });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.evaluator < b.evaluator; });
    return out;
  }
  std::vector<WarningAck> warningAcks(const std::string& org_path) override {
    auto out = where(d_.warning_acks, [&](const WarningAck& a) {
      auto o = org(a.org_id);
      return o && inSubtree(o->path, org_path);
    });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.key < b.key; });
    return out;
  }
  std::optional<WarningAck> warningAck(std::string_view key) override {
    for (const auto& a : d_.warning_acks)
      if (a.key == key) return a;
    return std::nullopt;
  }
  std::vector<WarningRecord> warningRecordsOfOrg(Id org_id) override {
    auto out = where(d_.warning_records,
                     [&](const WarningRecord& r) { return r.org_id == org_id && !r.resolved_at; });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.key < b.key; });
    return out;
  }
  std::vector<WarningRecord> matchingWarningRecords(const WarningRecordQuery& q) {
    auto rank = [](Severity s) { return s == Severity::serious ? 2 : s == Severity::warning ? 1 : 0; };
    auto out = where(d_.warning_records, [&](const WarningRecord& r) {
      return !r.resolved_at && inSubtree(r.org_path, q.org_path) && (q.include_acknowledged || !r.acknowledged) &&
             (!q.code || r.warning.code == *q.code) && (!q.severity || r.warning.severity == *q.severity);
    });
    std::sort(out.begin(), out.end(), [&](auto& a, auto& b) {
      if (rank(a.warning.severity) != rank(b.warning.severity))
        return rank(a.warning.severity) > rank(b.warning.severity);
      if (a.since != b.since) return a.since > b.since;
      return a.key < b.key;
    });
    return out;
  }
  std::vector<WarningRecord> warningRecords(const WarningRecordQuery& q) override {
    auto all = matchingWarningRecords(q);
    std::vector<WarningRecord> out;
    for (size_t i = size_t(std::max(0, q.offset)); i < all.size() && int(out.size()) < q.limit; ++i)
      out.push_back(all[i]);
    return out;
  }
  int64_t warningRecordCount(const WarningRecordQuery& q) override {
    return int64_t(matchingWarningRecords(q).size());
  }
  std::optional<WarningRecord> warningRecordById(int64_t id) override {
    for (const auto& r : d_.warning_records)
      if (r.id == id) return r;
    return std::nullopt;
  }
  std::optional<Date> warningPassDay() override { return d_.warning_pass_day; }
  std::optional<SubgroupPilot> subgroupPilot(Id cell_id) override {
    for (auto p : d_.subgroup_pilots)
      if (p.cell_id == cell_id) {
        auto o = org(cell_id);
        if (!o) return std::nullopt;  // the SQLite store joins on orgs
        p.cell_path = o->path;
        return p;
      }
    return std::nullopt;
  }

  // --- rollup (0004)
  std::vector<Org> orgSubtree(const std::string& org_path) override {
    auto out = where(d_.orgs, [&](const Org& o) { return inSubtree(o.path, org_path); });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.path < b.path; });
    return out;
  }
  std::optional<MeetingStats> meetingStats(Id meeting_id) override {
    for (const auto& m : d_.meeting_stats)
      if (m.meeting_id == meeting_id) return m;
    return std::nullopt;
  }
  std::vector<CellMonthStats> cellMonthStats(const std::string& org_path, int from_ym, int to_ym) override {
    auto out = where(d_.cell_month_stats, [&](const CellMonthStats& c) {
      return inSubtree(c.cell_path, org_path) && c.ym >= from_ym && c.ym <= to_ym;
    });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.cell_path, a.ym) < std::tie(b.cell_path, b.ym); });
    return out;
  }
  // Computed on the fly from the cell rows: the SQLite store keeps them, this is the definition.
  std::vector<CellMonthStats> nodeMonthStats(const Org& node, int from_ym, int to_ym) override {
    std::map<int, CellMonthStats> by_month;
    for (const auto& c : d_.cell_month_stats) {
      if (c.cell_path == node.path || !inSubtree(c.cell_path, node.path) || c.ym < from_ym || c.ym > to_ym) continue;
      auto [it, fresh] = by_month.try_emplace(c.ym, CellMonthStats{node.id, c.ym, node.path, {}});
      it->second.counts += c.counts;
    }
    std::vector<CellMonthStats> out;
    for (auto& [ym, row] : by_month) out.push_back(row);
    return out;
  }
  std::vector<CellMonthStats> archivedCellMonthStats(const std::string& org_path, int from_ym, int to_ym) override {
    std::vector<CellMonthStats> out;
    for (const auto& c : cellMonthStats(org_path, from_ym, to_ym))
      for (const auto& o : d_.orgs)
        if (o.id == c.cell_id && o.archived) out.push_back(c);
    return out;
  }
  std::vector<CellMonthStats> childCellMonthStats(Id parent_id, int from_ym, int to_ym) override {
    std::vector<CellMonthStats> out;
    for (const auto& o : d_.orgs)
      if (o.parent_id == parent_id && o.kind == OrgKind::cell && !o.archived)
        for (const auto& c : d_.cell_month_stats)
          if (c.cell_id == o.id && c.ym >= from_ym && c.ym <= to_ym) out.push_back(c);
    return out;
  }
  int activeCellCount(const std::string& org_path) override {
    int n = 0;
    for (const auto& o : d_.orgs) n += o.kind == OrgKind::cell && !o.archived && inSubtree(o.path, org_path);
    return n;
  }
  std::optional<std::string> aggregatesBuiltWith() override {
    if (!d_.aggregates_built_at) return std::nullopt;
    return d_.aggregates_grader;
  }
  std::vector<std::pair<Id, TaskStatus>> reviewOutcomesOfTasksOf(Id meeting_id) override {
    std::vector<std::pair<Id, TaskStatus>> out;
    for (const auto& r : d_.reviews)
      if (auto t = task(r.task_id); t && t->meeting_id == meeting_id) out.emplace_back(r.task_id, r.outcome);
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.first < b.first; });
    return out;
  }
  std::vector<MonitorObservation> observations(Id meeting_id) override {
    auto out = where(d_.observations, [&](const MonitorObservation& o) { return o.meeting_id == meeting_id; });
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.member_id < b.member_id; });
    return out;
  }
  std::optional<CalendarToken> calendarToken(std::string_view token_hash) override {
    for (const auto& t : d_.calendar_tokens)
      if (t.token_hash == token_hash) return t;
    return std::nullopt;
  }
  std::optional<CalendarToken> calendarTokenOfUser(Id user_id) override {
    for (const auto& t : d_.calendar_tokens)
      if (t.user_id == user_id) return t;
    return std::nullopt;
  }
  // --- attachments (0005)
  std::optional<AttachmentRecord> attachment(Id id) override {
    for (const auto& [a, bytes] : d_.attachments)
      if (a.id == id) return withUsername(a);
    return std::nullopt;
  }
  std::vector<AttachmentRecord> attachmentsOfMeeting(Id meeting_id) override {
    std::vector<AttachmentRecord> out;
    for (const auto& [a, bytes] : d_.attachments)
      if (a.meeting_id == meeting_id && !a.deleted_at) out.push_back(withUsername(a));
    std::sort(out.begin(), out.end(), [](auto& x, auto& y) {
      return std::tie(x.uploaded_at.unix_seconds, x.id) < std::tie(y.uploaded_at.unix_seconds, y.id);
    });
    return out;
  }
  std::optional<MemberIdentity> memberIdentity(Id member_id) override {
    for (auto& m : d_.identities)
      if (m.member_id == member_id) return m;
    return std::nullopt;
  }
  std::optional<Id> memberByCitizenId(std::string_view citizen_id) override {
    for (auto& m : d_.identities)
      if (!m.citizen_id.empty() && m.citizen_id == citizen_id) return m.member_id;
    return std::nullopt;
  }
  std::vector<MemberIdentity> memberIdentitiesIn(const std::string& org_path) override {
    std::vector<MemberIdentity> out;
    for (auto& i : d_.identities)
      for (auto& m : d_.members)
        if (m.id == i.member_id && m.cell_id)
          for (auto& o : d_.orgs)
            if (o.id == *m.cell_id && inSubtree(o.path, org_path)) out.push_back(i);
    return out;
  }
  void putMemberIdentity(const MemberIdentity& m) override {
    for (auto& i : d_.identities)
      if (i.member_id != m.member_id && !m.citizen_id.empty() && i.citizen_id == m.citizen_id)
        throw StoreError("citizen_id taken");
    for (auto& i : d_.identities)
      if (i.member_id == m.member_id) return void(i = m);
    d_.identities.push_back(m);
  }
  // --- idempotency keys (0015)
  std::optional<IdempotencyRecord> idempotencyRecord(Id user_id, std::string_view key) override {
    for (auto& r : d_.idempotency_keys)
      if (r.user_id == user_id && r.key == key) return r;
    return std::nullopt;
  }
  bool reserveIdempotencyKey(const IdempotencyRecord& r) override {
    writable();
    if (idempotencyRecord(r.user_id, r.key)) return false;
    IdempotencyRecord row = r;
    row.status = 0;
    row.content_type.clear();
    row.response.clear();
    d_.idempotency_keys.push_back(row);
    return true;
  }
  void completeIdempotencyKey(Id user_id, std::string_view key, int status, std::string_view content_type,
                              std::string_view response) override {
    writable();
    for (auto& r : d_.idempotency_keys)
      if (r.user_id == user_id && r.key == key) {
        r.status = status;
        r.content_type = content_type;
        r.response = response;
      }
  }
  void deleteIdempotencyKey(Id user_id, std::string_view key) override {
    writable();
    std::erase_if(d_.idempotency_keys, [&](const IdempotencyRecord& r) { return r.user_id == user_id && r.key == key; });
  }
  int purgeIdempotencyKeys(DateTime before) override {
    writable();
    return int(std::erase_if(d_.idempotency_keys, [&](const IdempotencyRecord& r) { return r.created_at < before; }));
  }
  std::optional<std::string> attachmentData(Id id) override {
    for (const auto& [a, bytes] : d_.attachments)
      if (a.id == id) return bytes;
    return std::nullopt;
  }

  // --- log-in throttle (0008)
  std::optional<ThrottleRecord> throttleRecord(std::string_view kind, std::string_view subject) override {
    for (const auto& r : d_.throttle)
      if (r.kind == kind && r.subject == subject) return r;
    return std::nullopt;
  }
  std::optional<ThrottleRecord> throttleRecordById(Id id) override { return findById(d_.throttle, id); }
  std::vector<ThrottleRecord> lockedThrottleRecords(int64_t now, int limit) override {
    std::vector<ThrottleRecord> out;
    for (const auto& r : d_.throttle)
      if (r.locked_until > now) out.push_back(r);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return std::tie(b.locked_until, a.id) < std::tie(a.locked_until, b.id);
    });
    if (out.size() > size_t(limit)) out.resize(size_t(limit));
    return out;
  }

  // --- writes
  Id insertOrg(Org& o) override {
    writable();
    std::string parent_path = "/";
    if (o.parent_id) {
      auto p = org(*o.parent_id);
      if (!p) throw StoreError("insertOrg: parent does not exist");
      parent_path = p->path;
    }
    o.id = nextId(d_.orgs);
    o.path = parent_path + std::to_string(o.id) + "/";
    d_.orgs.push_back(o);
    return o.id;
  }
  void updateOrg(const Org& o) override { replace(d_.orgs, o); }
  Id insertTerm(const CommitteeTerm& t) override { return insert(d_.terms, t); }
  Id insertMember(const Member& m) override {
    if (!m.card_no.empty() && memberByCardNo(m.card_no)) throw StoreError("UNIQUE constraint failed: members.card_no");
    return insert(d_.members, m);
  }
  void updateMember(const Member& m) override { replace(d_.members, m); }
  Id insertCellPeriod(const CellPeriod& p) override { return insert(d_.cell_periods, p); }
  void updateCellPeriod(const CellPeriod& p) override { replace(d_.cell_periods, p); }
  Id insertStatusPeriod(const StatusPeriod& p) override { return insert(d_.status_periods, p); }
  void updateStatusPeriod(const StatusPeriod& p) override { replace(d_.status_periods, p); }
  Id insertRole(const RolePeriod& r) override { return insert(d_.roles, r); }
  void updateRole(const RolePeriod& r) override { replace(d_.roles, r); }
  Id insertMonitor(const MonitorAssignment& a) override { return insert(d_.monitors, a); }
  void updateMonitor(const MonitorAssignment& a) override { replace(d_.monitors, a); }
  Id insertUser(const User& u) override {
    if (userByUsername(u.username)) throw StoreError("UNIQUE constraint failed: users.username");
    return insert(d_.users, u);
  }
  void updateUser(const User& u) override { replace(d_.users, u); }
  Id insertGrant(const UserGrant& g) override { return insert(d_.grants, g); }
  void replaceGrants(Id user_id, const std::vector<UserGrant>& grants) override {
    writable();
    std::erase_if(d_.grants, [&](const UserGrant& g) { return g.user_id == user_id; });
    for (auto g : grants) {
      g.user_id = user_id;
      insert(d_.grants, g);
    }
  }
  void insertSession(const Session& s) override {
    writable();
    d_.sessions.push_back(s);
    d_.sessions.back().id = Id(++d_.session_rowid);
  }
  int deleteSessionsOf(Id user_id, std::optional<Id> session_id) override {
    writable();
    return int(std::erase_if(d_.sessions, [&](const Session& s) {
      return s.user_id == user_id && (!session_id || s.id == *session_id);
    }));
  }
  void deleteSession(std::string_view token_hash) override {
    writable();
    std::erase_if(d_.sessions, [&](const Session& s) { return s.token_hash == token_hash; });
  }
  void markLogin(Id user_id, DateTime at) override {
    writable();
    for (auto& u : d_.users)
      if (u.id == user_id) u.last_login_at = at;
  }
  void deleteExpiredSessions(DateTime now) override {
    writable();
    std::erase_if(d_.sessions, [&](const Session& s) { return s.expires <= now; });
  }
  Id appendAudit(const AuditEntry& e) override { return insert(d_.audit, e); }

  // --- meeting writes
  Id insertMeeting(const MeetingRecord& m) override {
    writable();
    MeetingRecord row = m;
    row.meeting.id = d_.meetings.empty() ? 1 : d_.meetings.back().meeting.id + 1;
    d_.meetings.push_back(row);
    return row.meeting.id;
  }
  void updateMeeting(const MeetingRecord& m) override {
    writable();
    for (auto& r : d_.meetings)
      if (r.meeting.id == m.meeting.id) {
        r = m;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  void replaceAgenda(Id meeting_id, const std::vector<AgendaItem>& items) override {
    writable();
    std::erase_if(d_.agenda, [&](auto& row) {
      return row.first == meeting_id && std::none_of(items.begin(), items.end(), [&](auto& a) { return a.id == row.second.id; });
    });
    for (auto& s : d_.speeches)  // ON DELETE SET NULL
      if (s.first == meeting_id && s.second.agenda_item_id &&
          std::none_of(items.begin(), items.end(), [&](auto& a) { return a.id == *s.second.agenda_item_id; }))
        s.second.agenda_item_id.reset();
    Id high = 0;  // ids count from 1 like rowids, whichever meeting holds the row
    for (auto& row : d_.agenda) high = std::max(high, row.second.id);
    for (auto a : items) {
      if (!a.done) a.done_at.reset();
      if (a.id) {
        for (auto& row : d_.agenda)
          if (row.second.id == a.id) row.second = a;
      } else {
        a.id = ++high;
        d_.agenda.emplace_back(meeting_id, a);
      }
    }
  }
  void replaceAttendance(Id meeting_id, const std::vector<AttendanceRecord>& rows) override {
    writable();
    std::erase_if(d_.attendance, [&](auto& row) { return row.first == meeting_id; });
    for (const auto& r : rows) d_.attendance.emplace_back(meeting_id, r);
  }
  void upsertAttendance(Id meeting_id, const AttendanceRecord& r) override {
    writable();
    for (auto& row : d_.attendance)
      if (row.first == meeting_id && row.second.mark.member_id == r.mark.member_id) {
        row.second = r;
        return;
      }
    d_.attendance.emplace_back(meeting_id, r);
  }
  Id insertSpeech(Id meeting_id, const Speech& s, DateTime) override {
    writable();
    Speech row = s;
    row.id = d_.speeches.empty() ? 1 : d_.speeches.back().second.id + 1;
    d_.speeches.emplace_back(meeting_id, row);
    return row.id;
  }
  void insertMeetingVersion(const MeetingVersion& v) override {
    writable();
    for (const auto& x : d_.versions)
      if (x.meeting_id == v.meeting_id && x.version == v.version) throw StoreError("UNIQUE constraint failed: meeting_versions");
    d_.versions.push_back(v);
  }
  Id insertResolution(const Resolution& r, std::optional<Id> term_id) override {
    writable();
    if (r.number) {
      auto used = resolutionNumbers(r.org_id, r.doc_type, term_id);
      if (std::find(used.begin(), used.end(), *r.number) != used.end())
        throw StoreError("UNIQUE constraint failed: resolutions_number");
    }
    Resolution row = r;
    row.id = d_.resolutions.empty() ? 1 : d_.resolutions.back().second.id + 1;
    d_.resolutions.emplace_back(term_id, row);
    return row.id;
  }
  void updateResolution(const Resolution& r) override {
    writable();
    for (auto& row : d_.resolutions)
      if (row.second.id == r.id) {
        row.second = r;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  Id insertTask(const Task& t) override {
    Task row = t;
    row.notes.clear();
    return insert(d_.tasks, row);
  }
  void updateTask(const Task& t) override {
    auto cur = task(t.id);
    if (!cur) throw StoreError("update of a row that does not exist");
    Task row = t;
    row.notes = cur->notes;  // notes are appended by insertProgressNote only
    replace(d_.tasks, row);
  }
  void insertProgressNote(Id task_id, const ProgressNote& n, DateTime) override {
    writable();
    for (auto& t : d_.tasks)
      if (t.id == task_id) t.notes.push_back(n);
  }
  void upsertTaskReview(const TaskReview& r) override {
    writable();
    for (auto& x : d_.reviews)
      if (x.meeting_id == r.meeting_id && x.task_id == r.task_id) {
        x = r;
        return;
      }
    d_.reviews.push_back(r);
  }
  Id insertThematicEntry(const ThematicPlanRecord& e) override {
    writable();
    ThematicPlanRecord row = e;
    row.entry.id = d_.plan.empty() ? 1 : d_.plan.back().entry.id + 1;
    d_.plan.push_back(row);
    return row.entry.id;
  }
  void updateThematicEntry(const ThematicPlanRecord& e) override {
    writable();
    for (auto& r : d_.plan)
      if (r.entry.id == e.entry.id) {
        r = e;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  Id insertSlot(const MeetingSlot& s) override {
    for (const auto& x : d_.slots)
      if (x.meeting_id == s.meeting_id && x.start == s.start) throw StoreError("UNIQUE constraint failed: meeting_slots");
    return insert(d_.slots, s);
  }
  void replaceSlotMarks(Id meeting_id, Id member_id, const std::vector<Id>& slot_ids, DateTime) override {
    writable();
    auto own = slots(meeting_id);
    auto mine = [&](Id sid) { return std::any_of(own.begin(), own.end(), [&](auto& s) { return s.id == sid; }); };
    std::erase_if(d_.slot_marks, [&](const SlotMark& k) { return k.member_id == member_id && mine(k.slot_id); });
    for (Id sid : slot_ids)
      if (mine(sid) && std::none_of(d_.slot_marks.begin(), d_.slot_marks.end(),
                                    [&](auto& k) { return k.slot_id == sid && k.member_id == member_id; }))
        d_.slot_marks.push_back({sid, member_id});
  }
  void insertCheckinToken(const CheckinToken& t) override {
    writable();
    d_.checkins.push_back(t);
  }
  void deleteExpiredCheckinTokens(DateTime now) override {
    writable();
    std::erase_if(d_.checkins, [&](const CheckinToken& t) { return t.expires_at <= now; });
  }

  // --- tổ đảng pilots
  Id putSubgroupPilot(const SubgroupPilot& p) override {
    writable();
    for (auto& r : d_.subgroup_pilots)
      if (r.cell_id == p.cell_id) {
        Id id = r.id;
        r = p;
        r.id = id;
        return id;
      }
    SubgroupPilot row = p;
    row.id = nextId(d_.subgroup_pilots);
    d_.subgroup_pilots.push_back(row);
    return row.id;
  }
  bool deleteSubgroupPilot(Id cell_id) override {
    writable();
    return std::erase_if(d_.subgroup_pilots, [&](const SubgroupPilot& p) { return p.cell_id == cell_id; }) > 0;
  }

  // --- quality writes
  Id upsertRuleAttachment(const RuleAttachment& a) override {
    writable();
    for (auto& r : d_.rule_attachments)
      if (r.org_id == a.org_id && r.rule_id == a.rule_id) {
        Id id = r.id;
        r = a;
        r.id = id;
        return id;
      }
    RuleAttachment row = a;
    row.id = nextId(d_.rule_attachments);
    d_.rule_attachments.push_back(row);
    return row.id;
  }
  void upsertMeetingEvaluation(const MeetingEvaluation& e) override {
    writable();
    std::erase_if(d_.evaluations, [&](const MeetingEvaluation& x) {
      return x.meeting_id == e.meeting_id && x.evaluator == e.evaluator;
    });
    d_.evaluations.push_back(e);
  }
  void insertWarningAck(const WarningAck& a) override {
    writable();
    if (warningAck(a.key)) throw StoreError("UNIQUE constraint failed: warning_acks.key");
    d_.warning_acks.push_back(a);
  }
  void putWarningRecord(const WarningRecord& r) override {
    writable();
    for (auto& x : d_.warning_records)
      if (x.key == r.key) {
        x = r;
        return;
      }
    d_.warning_records.push_back(r);
  }
  void setWarningPassDay(Date day, DateTime) override {
    writable();
    d_.warning_pass_day = day;
  }

  // --- rollup writes
  void putMeetingStats(const MeetingStats& m) override {
    writable();
    std::erase_if(d_.meeting_stats, [&](const MeetingStats& x) { return x.meeting_id == m.meeting_id; });
    MeetingStats row = m;
    // Stored as the SQLite row is: flags, and a meeting counts only when counted.
    row.counts.meetings = m.counted ? 1 : 0;
    d_.meeting_stats.push_back(row);
  }
  void deleteMeetingStats(Id meeting_id) override {
    writable();
    std::erase_if(d_.meeting_stats, [&](const MeetingStats& x) { return x.meeting_id == meeting_id; });
  }
  void refreshCellMonth(Id cell_id, int ym) override {
    writable();
    std::erase_if(d_.cell_month_stats, [&](const CellMonthStats& x) { return x.cell_id == cell_id && x.ym == ym; });
    std::optional<CellMonthStats> sum;
    for (const auto& m : d_.meeting_stats) {
      if (m.cell_id != cell_id || m.ym != ym || !m.counted) continue;
      if (!sum) sum = CellMonthStats{cell_id, ym, m.cell_path, {}};
      StatsCounts c = m.counts;
      c.grade_good = m.grade == "good";
      c.grade_fair = m.grade == "fair";
      c.grade_average = m.grade == "average";
      c.grade_poor = m.grade == "poor";
      int held = sum->counts.monthly_held, on_time = sum->counts.monthly_on_time;
      sum->counts += c;
      sum->counts.monthly_held = std::max(held, c.monthly_held);  // MAX, not SUM: one per cell-month
      sum->counts.monthly_on_time = std::max(on_time, c.monthly_on_time);
    }
    if (sum) d_.cell_month_stats.push_back(*sum);
  }
  void clearAggregates(const std::string& org_path) override {
    writable();
    std::erase_if(d_.meeting_stats, [&](const MeetingStats& x) { return inSubtree(x.cell_path, org_path); });
    std::erase_if(d_.cell_month_stats, [&](const CellMonthStats& x) { return inSubtree(x.cell_path, org_path); });
  }
  void markAggregatesBuilt(DateTime at, const std::string& grader) override {
    writable();
    d_.aggregates_built_at = at;
    d_.aggregates_grader = grader;
  }
  void putObservation(const MonitorObservation& o) override {
    writable();
    std::erase_if(d_.observations, [&](const MonitorObservation& x) {
      return x.meeting_id == o.meeting_id && x.member_id == o.member_id;
    });
    d_.observations.push_back(o);
  }
  void putCalendarToken(const CalendarToken& t) override {
    writable();
    std::erase_if(d_.calendar_tokens, [&](const CalendarToken& x) { return x.user_id == t.user_id; });
    d_.calendar_tokens.push_back(t);
  }
  bool deleteCalendarToken(Id user_id) override {
    writable();
    return std::erase_if(d_.calendar_tokens, [&](const CalendarToken& x) { return x.user_id == user_id; }) > 0;
  }
  // --- attachments writes (0005)
  Id insertAttachment(const AttachmentRecord& a, std::string_view data) override {
    writable();
    AttachmentRecord row = a;
    row.id = d_.attachments.empty() ? 1 : d_.attachments.back().first.id + 1;
    row.size = int64_t(data.size());
    row.uploaded_by_username.clear();
    d_.attachments.emplace_back(row, std::string(data));
    return row.id;
  }
  void markAttachmentDeleted(Id id, DateTime at) override {
    writable();
    for (auto& [a, bytes] : d_.attachments)
      if (a.id == id && !a.deleted_at) a.deleted_at = at;
  }

  Id putThrottleRecord(const ThrottleRecord& r) override {
    writable();
    for (auto& x : d_.throttle)
      if (x.kind == r.kind && x.subject == r.subject) {
        Id id = x.id;
        x = r;
        x.id = id;
        return id;
      }
    ThrottleRecord n = r;
    n.id = d_.throttle.empty() ? 1 : d_.throttle.back().id + 1;
    d_.throttle.push_back(n);
    return n.id;
  }
  void deleteThrottleRecord(Id id) override {
    writable();
    std::erase_if(d_.throttle, [&](const ThrottleRecord& r) { return r.id == id; });
  }
  int pruneThrottleRecords(int64_t now, int64_t idle_before) override {
    writable();
    return int(std::erase_if(d_.throttle, [&](const ThrottleRecord& r) {
      return r.locked_until <= now && r.updated_at < idle_before;
    }));
  }

  // --- reminders and notices (0014): the SQLite store's orderings (tx_notices.cpp)
  std::optional<NotificationSettings> notificationSettings(Id user_id) override {
    for (const auto& x : d_.notification_settings)
      if (x.user_id == user_id) return x;
    return std::nullopt;
  }
  std::vector<NoticeRecord> inbox(Id user_id, bool unread_only, int limit, int offset) override {
    std::vector<NoticeRecord> all;
    for (auto it = d_.notices.rbegin(); it != d_.notices.rend(); ++it)
      if (it->user_id == user_id && (!unread_only || !it->read_at)) all.push_back(*it);
    std::vector<NoticeRecord> out;
    for (size_t i = size_t(offset); i < all.size() && out.size() < size_t(limit); ++i) out.push_back(all[i]);
    return out;
  }
  int64_t inboxCount(Id user_id, bool unread_only) override {
    return int64_t(std::count_if(d_.notices.begin(), d_.notices.end(), [&](const NoticeRecord& n) {
      return n.user_id == user_id && (!unread_only || !n.read_at);
    }));
  }
  std::vector<OutboxMessage> dueOutbox(DateTime now, int limit) override {
    auto out = where(d_.outbox, [&](const OutboxMessage& m) {
      return !m.sent_at && !m.failed_at && m.next_attempt_at <= now;
    });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) {
      return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
    });
    if (out.size() > size_t(limit)) out.resize(size_t(limit));
    return out;
  }
  OutboxCounts outboxCounts() override {
    OutboxCounts c;
    for (const auto& m : d_.outbox) {
      if (m.sent_at) ++c.sent;
      else if (m.failed_at) ++c.failed;
      else ++c.queued;
    }
    return c;
  }
  std::vector<NoticeRecord> digestPendingNotices() override {
    auto out = where(d_.notices, [](const NoticeRecord& n) { return n.digest_pending; });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(a.user_id, a.id) < std::tie(b.user_id, b.id); });
    return out;
  }
  std::vector<Task> pendingTasksDueBetween(Date from, Date to) override {
    auto out = where(d_.tasks, [&](const Task& t) {
      return t.deadline && *t.deadline >= from && *t.deadline <= to && isPending(t.status);
    });
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return std::tie(*a.deadline, a.id) < std::tie(*b.deadline, b.id); });
    return out;
  }
  std::optional<Date> noticePassDay(std::string_view name) override {
    auto it = d_.notice_pass_days.find(std::string(name));
    return it == d_.notice_pass_days.end() ? std::nullopt : std::optional<Date>(it->second);
  }
  void putNotificationSettings(const NotificationSettings& s) override {
    writable();
    for (auto& x : d_.notification_settings)
      if (x.user_id == s.user_id) return void(x = s);
    d_.notification_settings.push_back(s);
  }
  std::optional<Id> insertNotice(const NoticeRecord& n) override {
    writable();
    for (const auto& x : d_.notices)
      if (x.user_id == n.user_id && x.dedupe_key == n.dedupe_key) return std::nullopt;
    return insert(d_.notices, n);
  }
  bool markNoticeRead(Id user_id, Id notice_id, DateTime at) override {
    writable();
    for (auto& n : d_.notices)
      if (n.id == notice_id && n.user_id == user_id) {
        if (!n.read_at) n.read_at = at;
        return true;
      }
    return false;
  }
  int markAllNoticesRead(Id user_id, DateTime at) override {
    writable();
    int k = 0;
    for (auto& n : d_.notices)
      if (n.user_id == user_id && !n.read_at) n.read_at = at, ++k;
    return k;
  }
  void clearDigestPending(const std::vector<Id>& notice_ids) override {
    writable();
    for (auto& n : d_.notices)
      if (std::find(notice_ids.begin(), notice_ids.end(), n.id) != notice_ids.end()) n.digest_pending = false;
  }
  Id insertOutbox(const OutboxMessage& m) override { return insert(d_.outbox, m); }
  void updateOutbox(const OutboxMessage& m) override {
    writable();
    for (auto& x : d_.outbox)
      if (x.id == m.id) {
        x.attempts = m.attempts;
        x.next_attempt_at = m.next_attempt_at;
        x.sent_at = m.sent_at;
        x.failed_at = m.failed_at;
        x.last_error = m.last_error;
        x.body = m.body;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  void setNoticePassDay(std::string_view name, Date day, DateTime at) override {
    writable();
    d_.notice_pass_days[std::string(name)] = day;
  }

  void commit() override {
    writable();
    *target_ = d_;
    target_ = nullptr;  // a committed transaction is finished
  }

  const Data& data() const { return d_; }

 private:
  void writable() const {
    if (!target_) throw StoreError("write on a read-only or finished transaction");
  }
  template <typename T>
  static std::optional<T> findById(const std::vector<T>& rows, Id id) {
    for (const auto& r : rows)
      if (r.id == id) return r;
    return std::nullopt;
  }
  template <typename T, typename F>
  static std::vector<T> where(const std::vector<T>& rows, F pred) {
    std::vector<T> out;
    for (const auto& r : rows)
      if (pred(r)) out.push_back(r);
    return out;
  }
  template <typename T>
  static std::vector<T> byFromThenId(std::vector<T> v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return std::tie(a.from, a.id) < std::tie(b.from, b.id); });
    return v;
  }
  template <typename T>
  static std::vector<T> newestFirst(std::vector<T> v) {
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return std::tie(a.from, a.id) > std::tie(b.from, b.id); });
    return v;
  }
  AttachmentRecord withUsername(AttachmentRecord a) {
    if (a.uploaded_by)
      for (const auto& u : d_.users)
        if (u.id == *a.uploaded_by) a.uploaded_by_username = u.username;
    return a;
  }
  template <typename T>
  static Id nextId(const std::vector<T>& rows) {
    return rows.empty() ? 1 : rows.back().id + 1;
  }
  template <typename T>
  Id insert(std::vector<T>& rows, T row) {
    writable();
    row.id = nextId(rows);
    rows.push_back(row);
    return row.id;
  }
  template <typename T>
  void replace(std::vector<T>& rows, const T& row) {
    writable();
    for (auto& r : rows)
      if (r.id == row.id) {
        r = row;
        return;
      }
    throw StoreError("update of a row that does not exist");
  }
  // The SQLite store files a period under its sub-group when it has one, else its cell.
  bool placeInSubtree(const CellPeriod& p, const std::string& root_path) {
    auto place = org(p.subgroup_id.value_or(p.cell_id));
    return place && inSubtree(place->path, root_path);
  }
  std::vector<AuditEntry> auditMatching(const AuditQuery& q) const {
    return where(d_.audit, [&](const AuditEntry& e) {
      return inSubtree(e.org_path, q.org_path) && (!q.target_type || e.target_type == *q.target_type) &&
             (!q.target_id || e.target_id == *q.target_id);
    });
  }

  Data d_;
  Data* target_;
};

class FakeStore : public Store {
 public:
  std::unique_ptr<ReadTx> read() override { return std::make_unique<FakeTx>(data_, nullptr); }
  std::unique_ptr<WriteTx> write() override { return std::make_unique<FakeTx>(data_, &data_); }
  // What has been committed so far.
  const Data& data() const { return data_; }

 private:
  Data data_;
};

}  // namespace chibo::fake
