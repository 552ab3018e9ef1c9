#pragma once
// One transaction on one SQLite connection. Implements every Store method;
// a read-only transaction refuses writes. Method bodies are split by concept
// across tx_*.cpp.
#include <functional>
#include <memory>
#include <mutex>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace chibo::sqlite {

class SqliteDuesRepo;
class SqliteAdmissionRepo;
class SqliteReviewRepo;

class SqliteTx final : public WriteTx {
 public:
  // Begins a transaction on `conn`. `release` runs when the tx ends (returns
  // the connection to its pool or unlocks the writer).
  SqliteTx(Conn& conn, bool writable, std::function<void()> release);
  ~SqliteTx() override;

  std::optional<Org> org(Id id) override;
  std::vector<Org> orgsByIds(const std::vector<Id>& ids) override;
  std::vector<Org> orgChildren(Id parent_id) override;
  std::vector<std::pair<Id, int>> grandchildCounts(Id parent_id) override;
  std::vector<Org> orgByPath(const std::vector<std::string>& paths) override;
  std::vector<CommitteeTerm> terms(Id org_id) override;

  std::optional<Member> member(Id id) override;
  std::optional<Member> memberByCardNo(std::string_view card_no) override;
  std::vector<CellPeriod> cellPeriods(Id member_id) override;
  std::vector<StatusPeriod> statusPeriods(Id member_id) override;
  std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) override;
  std::vector<std::pair<std::string, int>> memberCountsByPlace(const std::string& org_path) override;

  std::optional<RolePeriod> role(Id id) override;
  std::vector<RolePeriod> rolesInOrg(Id org_id) override;
  std::vector<RolePeriod> rolesOfMember(Id member_id) override;
  std::optional<MonitorAssignment> monitorAssignment(Id id) override;
  std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) override;
  std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) override;

  std::optional<User> user(Id id) override;
  std::optional<User> userByUsername(std::string_view username) override;
  std::vector<UserGrant> grantsOf(Id user_id) override;
  std::optional<Session> session(std::string_view token_hash) override;
  std::optional<User> userByMember(Id member_id) override;
  std::optional<User> userByActivationHash(std::string_view hash) override;
  std::vector<User> accountsUnder(const std::string& org_path) override;
  std::vector<Session> sessionsOf(Id user_id) override;

  std::vector<AuditEntry> audit(const AuditQuery& q) override;
  int64_t auditCount(const AuditQuery& q) override;

  std::optional<MeetingRecord> meeting(Id id) override;
  std::vector<MeetingRecord> meetingsOfOrg(Id org_id, std::optional<DateTime> from, std::optional<DateTime> to) override;
  std::vector<AgendaItem> agenda(Id meeting_id) override;
  std::vector<AttendanceRecord> attendance(Id meeting_id) override;
  std::vector<std::pair<Id, AttendanceRecord>> attendanceOfMember(Id member_id) override;
  std::vector<Speech> speeches(Id meeting_id) override;
  std::vector<MeetingVersion> meetingVersions(Id meeting_id) override;
  std::optional<Resolution> resolution(Id id) override;
  std::vector<Resolution> resolutionsOfMeeting(Id meeting_id) override;
  std::vector<int> resolutionNumbers(Id org_id, DocType type, std::optional<Id> term_id) override;
  std::optional<Task> task(Id id) override;
  std::vector<Task> tasksOfMeeting(Id meeting_id) override;
  std::vector<Task> pendingTasksBefore(Id org_id, DateTime before) override;
  std::vector<Task> tasksOfMember(Id member_id) override;
  std::vector<TaskReview> taskReviews(Id meeting_id) override;
  std::vector<ThematicPlanRecord> thematicPlan(Id org_id, int year) override;
  std::optional<ThematicPlanRecord> thematicEntry(Id id) override;
  std::vector<MeetingSlot> slots(Id meeting_id) override;
  std::vector<SlotMark> slotMarks(Id meeting_id) override;
  std::optional<CheckinToken> checkinToken(std::string_view token_hash) override;
  // --- quality (0003), tx_quality.cpp
  std::vector<RuleAttachment> ruleAttachments() override;
  std::vector<MeetingEvaluation> meetingEvaluations(Id meeting_id) override;
  std::vector<WarningAck> warningAcks(const std::string& org_path) override;
  std::optional<WarningAck> warningAck(std::string_view key) override;
  // --- kept warnings (0011), tx_warnings.cpp
  std::vector<WarningRecord> warningRecordsOfOrg(Id org_id) override;
  std::vector<WarningRecord> warningRecords(const WarningRecordQuery& q) override;
  int64_t warningRecordCount(const WarningRecordQuery& q) override;
  std::optional<WarningRecord> warningRecordById(int64_t id) override;
  std::optional<Date> warningPassDay() override;
  // --- idempotency keys (0015), tx_idempotency.cpp
  std::optional<IdempotencyRecord> idempotencyRecord(Id user_id, std::string_view key) override;
  bool reserveIdempotencyKey(const IdempotencyRecord& r) override;
  void completeIdempotencyKey(Id user_id, std::string_view key, int status, std::string_view content_type,
                              std::string_view response) override;
  void deleteIdempotencyKey(Id user_id, std::string_view key) override;
  int purgeIdempotencyKeys(DateTime before) override;
  std::optional<SubgroupPilot> subgroupPilot(Id cell_id) override;
  // --- rollup (0004), tx_rollup.cpp
  std::vector<Org> orgSubtree(const std::string& org_path) override;
  std::optional<MeetingStats> meetingStats(Id meeting_id) override;
  std::vector<CellMonthStats> cellMonthStats(const std::string& org_path, int from_ym, int to_ym) override;
  std::vector<CellMonthStats> nodeMonthStats(const Org& node, int from_ym, int to_ym) override;
  std::vector<CellMonthStats> archivedCellMonthStats(const std::string& org_path, int from_ym, int to_ym) override;
  int activeCellCount(const std::string& org_path) override;
  std::vector<CellMonthStats> childCellMonthStats(Id parent_id, int from_ym, int to_ym) override;
  std::optional<std::string> aggregatesBuiltWith() override;
  std::vector<std::pair<Id, TaskStatus>> reviewOutcomesOfTasksOf(Id meeting_id) override;
  std::vector<MonitorObservation> observations(Id meeting_id) override;
  std::optional<CalendarToken> calendarToken(std::string_view token_hash) override;
  std::optional<CalendarToken> calendarTokenOfUser(Id user_id) override;
  // --- attachments (0005), tx_attachments.cpp
  std::optional<AttachmentRecord> attachment(Id id) override;
  std::vector<AttachmentRecord> attachmentsOfMeeting(Id meeting_id) override;
  std::optional<std::string> attachmentData(Id id) override;
  // --- roster import (0010), tx_import.cpp
  std::optional<MemberIdentity> memberIdentity(Id member_id) override;
  std::optional<Id> memberByCitizenId(std::string_view citizen_id) override;
  std::vector<MemberIdentity> memberIdentitiesIn(const std::string& org_path) override;
  void putMemberIdentity(const MemberIdentity& m) override;

  Id insertOrg(Org& org) override;
  void updateOrg(const Org& org) override;
  Id insertTerm(const CommitteeTerm& t) override;
  Id insertMember(const Member& m) override;
  void updateMember(const Member& m) override;
  Id insertCellPeriod(const CellPeriod& p) override;
  void updateCellPeriod(const CellPeriod& p) override;
  Id insertStatusPeriod(const StatusPeriod& p) override;
  void updateStatusPeriod(const StatusPeriod& p) override;
  Id insertRole(const RolePeriod& r) override;
  void updateRole(const RolePeriod& r) override;
  Id insertMonitor(const MonitorAssignment& a) override;
  void updateMonitor(const MonitorAssignment& a) override;
  Id insertUser(const User& u) override;
  void updateUser(const User& u) override;
  Id insertGrant(const UserGrant& g) override;
  void replaceGrants(Id user_id, const std::vector<UserGrant>& grants) override;
  void insertSession(const Session& s) override;
  void deleteSession(std::string_view token_hash) override;
  int deleteSessionsOf(Id user_id, std::optional<Id> session_id) override;
  void deleteExpiredSessions(DateTime now) override;
  void markLogin(Id user_id, DateTime at) override;
  std::optional<ThrottleRecord> throttleRecord(std::string_view kind, std::string_view subject) override;
  std::optional<ThrottleRecord> throttleRecordById(Id id) override;
  std::vector<ThrottleRecord> lockedThrottleRecords(int64_t now, int limit) override;
  Id putThrottleRecord(const ThrottleRecord& r) override;
  void deleteThrottleRecord(Id id) override;
  int pruneThrottleRecords(int64_t now, int64_t idle_before) override;
  Id appendAudit(const AuditEntry& e) override;
  Id insertMeeting(const MeetingRecord& m) override;
  void updateMeeting(const MeetingRecord& m) override;
  void replaceAgenda(Id meeting_id, const std::vector<AgendaItem>& items) override;
  void replaceAttendance(Id meeting_id, const std::vector<AttendanceRecord>& rows) override;
  void upsertAttendance(Id meeting_id, const AttendanceRecord& row) override;
  Id insertSpeech(Id meeting_id, const Speech& s, DateTime at) override;
  void insertMeetingVersion(const MeetingVersion& v) override;
  Id insertResolution(const Resolution& r, std::optional<Id> term_id) override;
  void updateResolution(const Resolution& r) override;
  Id insertTask(const Task& t) override;
  void updateTask(const Task& t) override;
  void insertProgressNote(Id task_id, const ProgressNote& n, DateTime at) override;
  void upsertTaskReview(const TaskReview& r) override;
  Id insertThematicEntry(const ThematicPlanRecord& e) override;
  void updateThematicEntry(const ThematicPlanRecord& e) override;
  Id insertSlot(const MeetingSlot& s) override;
  void replaceSlotMarks(Id meeting_id, Id member_id, const std::vector<Id>& slot_ids, DateTime at) override;
  void insertCheckinToken(const CheckinToken& t) override;
  void deleteExpiredCheckinTokens(DateTime now) override;
  // --- quality (0003), tx_quality.cpp
  Id upsertRuleAttachment(const RuleAttachment& a) override;
  Id putSubgroupPilot(const SubgroupPilot& p) override;
  bool deleteSubgroupPilot(Id cell_id) override;
  void upsertMeetingEvaluation(const MeetingEvaluation& e) override;
  void insertWarningAck(const WarningAck& a) override;
  void putWarningRecord(const WarningRecord& r) override;
  void setWarningPassDay(Date day, DateTime at) override;
  // --- rollup (0004), tx_rollup.cpp
  void putMeetingStats(const MeetingStats& s) override;
  void deleteMeetingStats(Id meeting_id) override;
  void refreshCellMonth(Id cell_id, int ym) override;
  void clearAggregates(const std::string& org_path) override;
  void markAggregatesBuilt(DateTime at, const std::string& grader) override;
  void putObservation(const MonitorObservation& o) override;
  void putCalendarToken(const CalendarToken& t) override;
  bool deleteCalendarToken(Id user_id) override;
  // --- attachments (0005), tx_attachments.cpp
  Id insertAttachment(const AttachmentRecord& a, std::string_view data) override;
  void markAttachmentDeleted(Id id, DateTime at) override;
  // --- reminders and notices (0014), tx_notices.cpp
  std::optional<NotificationSettings> notificationSettings(Id user_id) override;
  std::vector<NoticeRecord> inbox(Id user_id, bool unread_only, int limit, int offset) override;
  int64_t inboxCount(Id user_id, bool unread_only) override;
  std::vector<OutboxMessage> dueOutbox(DateTime now, int limit) override;
  OutboxCounts outboxCounts() override;
  std::vector<NoticeRecord> digestPendingNotices() override;
  std::vector<Task> pendingTasksDueBetween(Date from, Date to) override;
  std::optional<Date> noticePassDay(std::string_view name) override;
  void putNotificationSettings(const NotificationSettings& s) override;
  std::optional<Id> insertNotice(const NoticeRecord& n) override;
  bool markNoticeRead(Id user_id, Id notice_id, DateTime at) override;
  int markAllNoticesRead(Id user_id, DateTime at) override;
  void clearDigestPending(const std::vector<Id>& notice_ids) override;
  Id insertOutbox(const OutboxMessage& m) override;
  void updateOutbox(const OutboxMessage& m) override;
  void setNoticePassDay(std::string_view name, Date day, DateTime at) override;
  void commit() override;

  // Repositories, made on first use (sqlite_<name>_repo.h).
  DuesRepo& dues() override;
  AdmissionRepo& admission() override;
  ReviewRepo& review() override;

  Conn& conn() { return conn_; }

 private:
  void requireWritable() const;
  // Loads assignees and progress notes into tasks read by a query.
  void fillTasks(std::vector<Task>& tasks);
  void writeTargets(const Resolution& r);
  // The cell-month row as stored (counts zero and path empty when there is none).
  std::pair<StatsCounts, std::string> cellMonthRow(Id cell_id, int ym);
  // Adds `delta` to the node rows of (each of `node_ids`, ym).
  void addToNodes(const std::vector<Id>& node_ids, int ym, const StatsCounts& delta);
  Conn& conn_;
  bool writable_;
  bool done_ = false;
  std::function<void()> release_;
  std::unique_ptr<SqliteDuesRepo> dues_;
  std::unique_ptr<SqliteAdmissionRepo> admission_;
  std::unique_ptr<SqliteReviewRepo> review_;
};

// Field diffs as a JSON array text column (audit rows, meeting versions).
std::string encodeChanges(const std::vector<FieldChange>& changes);
std::vector<FieldChange> decodeChanges(const std::string& text);

// Upper bound for a path-prefix range scan: "/1/2/" -> "/1/20" (next byte after '/').
inline std::string pathUpperBound(const std::string& p) {
  std::string u = p;
  if (!u.empty()) u.back() = char(u.back() + 1);
  return u;
}

}  // namespace chibo::sqlite
