#pragma once
// The Store: every read and write of chibo's records goes through a
// transaction object obtained here.
//
// Contract:
//  - read() gives a consistent snapshot for the life of the ReadTx.
//  - write() serialises writers (one at a time, the SQLite single-writer rule
//    made explicit); changes become durable only when commit() returns.
//    Destroying a WriteTx without commit() rolls everything back, so a use
//    case that returns an error early writes nothing.
//  - Methods throw StoreError only for failures of the database itself (I/O,
//    corruption, a broken invariant); rule violations are checked by use
//    cases before they write.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.h"
#include "domain/audit.h"
#include "domain/member.h"
#include "domain/org.h"
#include "store/attachment_records.h"
#include "store/idempotency_records.h"
#include "store/meeting_records.h"
#include "store/notice_records.h"
#include "store/quality_records.h"
#include "store/rollup_records.h"
#include "store/throttle_records.h"
#include "domain/rules/subgroup_pilot.h"

namespace chibo {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Narrow repositories reached from a transaction (store/<name>_repo.h). New
// concepts get one of these instead of more methods on ReadTx/WriteTx.
class DuesRepo;
class AdmissionRepo;
class ReviewRepo;

// A member with one placement and all their status periods: what the roster
// computation needs.
struct RosterCandidate {
  Member member;
  CellPeriod placement;
  std::vector<StatusPeriod> statuses;
};

// Identity and note a ward's roster file carries for a member (0010).
struct MemberIdentity {
  Id member_id = 0;
  std::string citizen_id;  // số CCCD, 12 digits, unique when set
  std::string note;        // ghi chú
};

struct AuditQuery {
  std::string org_path;  // rows whose org lies in this subtree
  std::optional<std::string> target_type;
  std::optional<Id> target_id;
  int limit = 50;
  int offset = 0;
};

class ReadTx {
 public:
  virtual ~ReadTx() = default;

  // --- organisation tree
  virtual std::optional<Org> org(Id id) = 0;
  virtual std::vector<Org> orgsByIds(const std::vector<Id>& ids) = 0;
  virtual std::vector<Org> orgChildren(Id parent_id) = 0;
  // For each child of parent_id with children of its own: the child's id and how many.
  virtual std::vector<std::pair<Id, int>> grandchildCounts(Id parent_id) = 0;
  virtual std::vector<Org> orgByPath(const std::vector<std::string>& paths) = 0;
  virtual std::vector<CommitteeTerm> terms(Id org_id) = 0;

  // --- members
  virtual std::optional<Member> member(Id id) = 0;
  virtual std::optional<Member> memberByCardNo(std::string_view card_no) = 0;
  virtual std::vector<CellPeriod> cellPeriods(Id member_id) = 0;
  virtual std::vector<StatusPeriod> statusPeriods(Id member_id) = 0;
  // Members with a cell period in the subtree of `org_path` that covers `at`
  // (or any period at all when `at` is none), each with all their statuses.
  virtual std::vector<RosterCandidate> rosterCandidates(const std::string& org_path, std::optional<Date> at) = 0;
  // Members currently placed (open cell period) in the subtree, per place: its path and how
  // many. Answered from an index alone (0016's cell_periods_open).
  virtual std::vector<std::pair<std::string, int>> memberCountsByPlace(const std::string& org_path) = 0;

  // --- roles and monitoring
  virtual std::optional<RolePeriod> role(Id id) = 0;
  virtual std::vector<RolePeriod> rolesInOrg(Id org_id) = 0;       // all, newest first
  virtual std::vector<RolePeriod> rolesOfMember(Id member_id) = 0;
  virtual std::optional<MonitorAssignment> monitorAssignment(Id id) = 0;
  virtual std::vector<MonitorAssignment> monitorsOfCell(Id cell_id) = 0;
  virtual std::vector<MonitorAssignment> assignmentsOfMember(Id member_id) = 0;

  // --- accounts
  virtual std::optional<User> user(Id id) = 0;
  virtual std::optional<User> userByUsername(std::string_view username) = 0;
  virtual std::vector<UserGrant> grantsOf(Id user_id) = 0;
  virtual std::optional<Session> session(std::string_view token_hash) = 0;
  virtual std::optional<User> userByMember(Id member_id) = 0;  // the oldest, if several
  virtual std::optional<User> userByActivationHash(std::string_view hash) = 0;
  // Accounts whose member's current cell, or any of whose grants, lies in the
  // subtree of `org_path`; by id.
  virtual std::vector<User> accountsUnder(const std::string& org_path) = 0;
  virtual std::vector<Session> sessionsOf(Id user_id) = 0;  // newest first

  // --- audit
  virtual std::vector<AuditEntry> audit(const AuditQuery& q) = 0;
  virtual int64_t auditCount(const AuditQuery& q) = 0;

  // --- meetings (0002)
  virtual std::optional<MeetingRecord> meeting(Id id) = 0;
  // Meetings of one org with planned_start in [from, to) (either bound open), oldest first.
  virtual std::vector<MeetingRecord> meetingsOfOrg(Id org_id, std::optional<DateTime> from,
                                                   std::optional<DateTime> to) = 0;
  virtual std::vector<AgendaItem> agenda(Id meeting_id) = 0;  // by position
  virtual std::vector<AttendanceRecord> attendance(Id meeting_id) = 0;
  // Every mark of one member, as (meeting id, mark).
  virtual std::vector<std::pair<Id, AttendanceRecord>> attendanceOfMember(Id member_id) = 0;
  virtual std::vector<Speech> speeches(Id meeting_id) = 0;  // in the order recorded
  virtual std::vector<MeetingVersion> meetingVersions(Id meeting_id) = 0;  // oldest first

  // --- resolutions and tasks
  virtual std::optional<Resolution> resolution(Id id) = 0;  // with targets
  virtual std::vector<Resolution> resolutionsOfMeeting(Id meeting_id) = 0;
  // Numbers already issued in the sequence (org, type, term); no term is its own sequence.
  virtual std::vector<int> resolutionNumbers(Id org_id, DocType type, std::optional<Id> term_id) = 0;
  virtual std::optional<Task> task(Id id) = 0;  // with assignees and progress notes
  virtual std::vector<Task> tasksOfMeeting(Id meeting_id) = 0;
  // Pending (open, late, carried over) tasks assigned at meetings of `org_id`
  // planned before `before`: what the next meeting must review.
  virtual std::vector<Task> pendingTasksBefore(Id org_id, DateTime before) = 0;
  virtual std::vector<Task> tasksOfMember(Id member_id) = 0;  // deadline order, none last
  virtual std::vector<TaskReview> taskReviews(Id meeting_id) = 0;

  // --- planning
  virtual std::vector<ThematicPlanRecord> thematicPlan(Id org_id, int year) = 0;  // by quarter
  virtual std::optional<ThematicPlanRecord> thematicEntry(Id id) = 0;
  virtual std::vector<MeetingSlot> slots(Id meeting_id) = 0;  // by start
  virtual std::vector<SlotMark> slotMarks(Id meeting_id) = 0;
  virtual std::optional<CheckinToken> checkinToken(std::string_view token_hash) = 0;

  // --- quality (0003): rule attachments, meeting evaluations, warning acknowledgements
  // Every attachment, each with its org's path, by org id then rule id. The
  // table holds a handful of rows (one per ward or province rubric).
  virtual std::vector<RuleAttachment> ruleAttachments() = 0;
  virtual std::vector<MeetingEvaluation> meetingEvaluations(Id meeting_id) = 0;  // "committee" before "self"
  // Acknowledgements of warnings of orgs in the subtree of `org_path`.
  virtual std::vector<WarningAck> warningAcks(const std::string& org_path) = 0;
  virtual std::optional<WarningAck> warningAck(std::string_view key) = 0;
  // --- kept warnings (0011): tx_warnings.cpp
  // The unresolved records (open or acknowledged) owned by one node, by key.
  virtual std::vector<WarningRecord> warningRecordsOfOrg(Id org_id) = 0;
  // Unresolved records of the subtree matching the query, most serious first, then newest
  // `since`, then key; q.limit and q.offset page them.
  virtual std::vector<WarningRecord> warningRecords(const WarningRecordQuery& q) = 0;
  // How many records the query matches (limit and offset ignored): one indexed range count.
  virtual int64_t warningRecordCount(const WarningRecordQuery& q) = 0;
  virtual std::optional<WarningRecord> warningRecordById(int64_t id) = 0;  // resolved ones too
  // The local day the last daily warnings pass judged, if any.
  virtual std::optional<Date> warningPassDay() = 0;
  // --- tổ đảng pilots (0013): tx_pilots.cpp
  // The pilot attached to the cell, with the cell's path, if any.
  virtual std::optional<SubgroupPilot> subgroupPilot(Id cell_id) = 0;

  // --- rollup (0004, issue 5): aggregates, monitor observations, calendar feeds (tx_rollup.cpp)
  // Every org in the subtree of `org_path`, itself included, by path.
  virtual std::vector<Org> orgSubtree(const std::string& org_path) = 0;
  virtual std::optional<MeetingStats> meetingStats(Id meeting_id) = 0;
  // The cell-month rows of cells in the subtree of `org_path` with ym in [from_ym, to_ym].
  virtual std::vector<CellMonthStats> cellMonthStats(const std::string& org_path, int from_ym, int to_ym) = 0;
  // A committee node's months (0007): the sums of the cell-months of every cell below it, archived
  // cells included; cell_id holds the node's id and cell_path its path. Months without rows are absent.
  virtual std::vector<CellMonthStats> nodeMonthStats(const Org& node, int from_ym, int to_ym) = 0;
  // The cell-months of archived cells in the subtree (the roll-up takes them back out of node rows).
  virtual std::vector<CellMonthStats> archivedCellMonthStats(const std::string& org_path, int from_ym,
                                                             int to_ym) = 0;
  // The cell-months of the cells directly below `parent_id` that are not archived, in one read
  // (a ward's dashboard: one row per child cell per month).
  virtual std::vector<CellMonthStats> childCellMonthStats(Id parent_id, int from_ym, int to_ym) = 0;
  // Cells in the subtree that are not archived.
  virtual int activeCellCount(const std::string& org_path) = 0;
  // Set once a full rebuild has run (markAggregatesBuilt), holding the grader it ran with ("" when
  // none graded the meetings); from then on writes keep the aggregates current.
  virtual std::optional<std::string> aggregatesBuiltWith() = 0;
  // Every outcome later meetings recorded for the tasks assigned at `meeting_id`, as (task id, outcome).
  virtual std::vector<std::pair<Id, TaskStatus>> reviewOutcomesOfTasksOf(Id meeting_id) = 0;
  virtual std::vector<MonitorObservation> observations(Id meeting_id) = 0;  // by member id
  virtual std::optional<CalendarToken> calendarToken(std::string_view token_hash) = 0;
  virtual std::optional<CalendarToken> calendarTokenOfUser(Id user_id) = 0;

  // --- attachments (0005): files of a meeting (tx_attachments.cpp)
  // One attachment's metadata (deleted ones too), without its bytes.
  virtual std::optional<AttachmentRecord> attachment(Id id) = 0;
  // The meeting's attachments not deleted, oldest first, without their bytes.
  virtual std::vector<AttachmentRecord> attachmentsOfMeeting(Id meeting_id) = 0;
  virtual std::optional<std::string> attachmentData(Id id) = 0;  // the bytes

  // --- log-in throttle (0008): tx_throttle.cpp
  virtual std::optional<ThrottleRecord> throttleRecord(std::string_view kind, std::string_view subject) = 0;
  virtual std::optional<ThrottleRecord> throttleRecordById(Id id) = 0;
  // Rows locked at `now` (locked_until > now), the latest lock first.
  virtual std::vector<ThrottleRecord> lockedThrottleRecords(int64_t now, int limit) = 0;
  // --- roster import (0010): identity numbers and notes (tx_import.cpp)
  virtual std::optional<MemberIdentity> memberIdentity(Id member_id) = 0;
  // The member holding `citizen_id`, anywhere in the database.
  virtual std::optional<Id> memberByCitizenId(std::string_view citizen_id) = 0;
  // The identities of members whose current cell lies in the subtree of `org_path`.
  virtual std::vector<MemberIdentity> memberIdentitiesIn(const std::string& org_path) = 0;

  // --- idempotency keys (0015): tx_idempotency.cpp
  virtual std::optional<IdempotencyRecord> idempotencyRecord(Id user_id, std::string_view key) = 0;

  // --- reminders and notices (0014): tx_notices.cpp
  virtual std::optional<NotificationSettings> notificationSettings(Id user_id) = 0;
  // The person's inbox, newest first; only the unread with `unread_only`.
  virtual std::vector<NoticeRecord> inbox(Id user_id, bool unread_only, int limit, int offset) = 0;
  virtual int64_t inboxCount(Id user_id, bool unread_only) = 0;
  // Outbox rows neither sent nor given up whose next attempt is due at `now`, the earliest first.
  virtual std::vector<OutboxMessage> dueOutbox(DateTime now, int limit) = 0;
  virtual OutboxCounts outboxCounts() = 0;
  // Notices waiting for their person's daily digest, by person then id.
  virtual std::vector<NoticeRecord> digestPendingNotices() = 0;
  // Pending tasks (open, late, carried over) with a deadline in [from, to], with assignees (tx_tasks.cpp).
  virtual std::vector<Task> pendingTasksDueBetween(Date from, Date to) = 0;
  // The local day the named daily pass ("task_reminders", "digest") last ran.
  virtual std::optional<Date> noticePassDay(std::string_view name) = 0;

  // --- repositories: the same transaction, one concept each
  virtual DuesRepo& dues() = 0;            // 0017, store/dues_repo.h
  virtual AdmissionRepo& admission() = 0;  // 0018, store/admission_repo.h
  virtual ReviewRepo& review() = 0;        // 0019, store/review_repo.h
};

class WriteTx : public ReadTx {
 public:
  // Assigns id and path (parent's path + id + "/").
  virtual Id insertOrg(Org& org) = 0;
  virtual void updateOrg(const Org& org) = 0;  // bumps nothing: caller sets version
  virtual Id insertTerm(const CommitteeTerm& t) = 0;

  virtual Id insertMember(const Member& m) = 0;
  virtual void updateMember(const Member& m) = 0;
  virtual Id insertCellPeriod(const CellPeriod& p) = 0;
  virtual void updateCellPeriod(const CellPeriod& p) = 0;
  virtual Id insertStatusPeriod(const StatusPeriod& p) = 0;
  virtual void updateStatusPeriod(const StatusPeriod& p) = 0;

  virtual Id insertRole(const RolePeriod& r) = 0;
  virtual void updateRole(const RolePeriod& r) = 0;
  virtual Id insertMonitor(const MonitorAssignment& a) = 0;
  virtual void updateMonitor(const MonitorAssignment& a) = 0;

  virtual Id insertUser(const User& u) = 0;
  virtual void updateUser(const User& u) = 0;
  virtual Id insertGrant(const UserGrant& g) = 0;
  // Makes the user's grants exactly `grants` (their user_id is ignored).
  virtual void replaceGrants(Id user_id, const std::vector<UserGrant>& grants) = 0;
  virtual void insertSession(const Session& s) = 0;
  virtual void deleteSession(std::string_view token_hash) = 0;
  // Ends every session of the user, or only `session_id` of theirs; returns how many ended.
  virtual int deleteSessionsOf(Id user_id, std::optional<Id> session_id) = 0;
  virtual void deleteExpiredSessions(DateTime now) = 0;
  virtual void markLogin(Id user_id, DateTime at) = 0;  // users.last_login_at

  virtual Id appendAudit(const AuditEntry& e) = 0;

  // --- meetings (0002)
  virtual Id insertMeeting(const MeetingRecord& m) = 0;
  virtual void updateMeeting(const MeetingRecord& m) = 0;  // caller sets version
  // Makes the agenda exactly `items`: ids found are updated, id 0 inserted, the
  // rest deleted (speeches on a deleted item keep their text, lose the link).
  virtual void replaceAgenda(Id meeting_id, const std::vector<AgendaItem>& items) = 0;
  virtual void replaceAttendance(Id meeting_id, const std::vector<AttendanceRecord>& rows) = 0;
  virtual void upsertAttendance(Id meeting_id, const AttendanceRecord& row) = 0;
  virtual Id insertSpeech(Id meeting_id, const Speech& s, DateTime at) = 0;
  virtual void insertMeetingVersion(const MeetingVersion& v) = 0;  // append-only
  // Throws StoreError when the number is already issued in its sequence.
  virtual Id insertResolution(const Resolution& r, std::optional<Id> term_id) = 0;
  virtual void updateResolution(const Resolution& r) = 0;  // replaces the targets
  virtual Id insertTask(const Task& t) = 0;               // with assignees
  virtual void updateTask(const Task& t) = 0;             // replaces assignees; notes untouched
  virtual void insertProgressNote(Id task_id, const ProgressNote& n, DateTime at) = 0;
  virtual void upsertTaskReview(const TaskReview& r) = 0;
  virtual Id insertThematicEntry(const ThematicPlanRecord& e) = 0;
  virtual void updateThematicEntry(const ThematicPlanRecord& e) = 0;
  virtual Id insertSlot(const MeetingSlot& s) = 0;
  // Makes `member_id`'s marks on the meeting's slots exactly `slot_ids`.
  virtual void replaceSlotMarks(Id meeting_id, Id member_id, const std::vector<Id>& slot_ids, DateTime at) = 0;
  virtual void insertCheckinToken(const CheckinToken& t) = 0;
  virtual void deleteExpiredCheckinTokens(DateTime now) = 0;

  // --- quality (0003)
  // Inserts or updates the row of (org_id, rule_id): from, to, who, when. Returns its id.
  virtual Id upsertRuleAttachment(const RuleAttachment& a) = 0;
  // Inserts or replaces the evaluation of (meeting_id, evaluator).
  virtual void upsertMeetingEvaluation(const MeetingEvaluation& e) = 0;
  // Throws StoreError when the key is already acknowledged.
  virtual void insertWarningAck(const WarningAck& a) = 0;
  // --- kept warnings (0011)
  // Inserts or replaces the record of r.key (org_path is taken from r.org_path as given).
  virtual void putWarningRecord(const WarningRecord& r) = 0;
  virtual void setWarningPassDay(Date day, DateTime at) = 0;
  // --- tổ đảng pilots (0013)
  // Inserts or updates the row of p.cell_id (months, decision, who, when). Returns its id.
  virtual Id putSubgroupPilot(const SubgroupPilot& p) = 0;
  // Deletes the cell's pilot; false when there was none.
  virtual bool deleteSubgroupPilot(Id cell_id) = 0;

  // --- rollup (0004)
  virtual void putMeetingStats(const MeetingStats& s) = 0;  // inserts or replaces
  virtual void deleteMeetingStats(Id meeting_id) = 0;
  // Recomputes the cell_month_stats row (cell_id, ym) from the counted
  // meeting_stats rows; deletes it when none is left.
  // Recomputes the cell-month from meeting_stats and applies the change to its ancestors' node rows.
  virtual void refreshCellMonth(Id cell_id, int ym) = 0;
  // Deletes meeting_stats and cell_month_stats rows of cells in the subtree, the node rows of the
  // subtree's committees, and takes the deleted sums out of the node rows above it.
  virtual void clearAggregates(const std::string& org_path) = 0;
  virtual void markAggregatesBuilt(DateTime at, const std::string& grader) = 0;
  virtual void putObservation(const MonitorObservation& o) = 0;  // inserts or replaces (meeting, member)
  virtual void putCalendarToken(const CalendarToken& t) = 0;     // replaces the user's token
  virtual bool deleteCalendarToken(Id user_id) = 0;               // false when there was none

  // --- attachments (0005)
  virtual Id insertAttachment(const AttachmentRecord& a, std::string_view data) = 0;
  virtual void markAttachmentDeleted(Id id, DateTime at) = 0;  // soft: sets deleted_at

  // --- log-in throttle (0008)
  // Inserts the row of (kind, subject) or replaces its counters; returns its id.
  virtual Id putThrottleRecord(const ThrottleRecord& r) = 0;
  virtual void deleteThrottleRecord(Id id) = 0;
  // Deletes rows neither locked at `now` nor written since `idle_before`;
  // returns how many went. Locked rows always stay.
  virtual int pruneThrottleRecords(int64_t now, int64_t idle_before) = 0;
  // --- roster import (0010)
  // Inserts or replaces the member's row; throws StoreError for a citizen ID already held.
  virtual void putMemberIdentity(const MemberIdentity& m) = 0;

  // --- idempotency keys (0015)
  // Inserts the reservation r (status 0); false, writing nothing, when (user_id, key) is taken.
  virtual bool reserveIdempotencyKey(const IdempotencyRecord& r) = 0;
  // Stores the answer of a reserved key.
  virtual void completeIdempotencyKey(Id user_id, std::string_view key, int status, std::string_view content_type,
                                      std::string_view response) = 0;
  virtual void deleteIdempotencyKey(Id user_id, std::string_view key) = 0;
  // Deletes rows created before `before`; returns how many went.
  virtual int purgeIdempotencyKeys(DateTime before) = 0;

  // --- reminders and notices (0014)
  virtual void putNotificationSettings(const NotificationSettings& s) = 0;  // inserts or replaces
  // Inserts the notice; none (nothing written) when the person already has one with its dedupe key.
  virtual std::optional<Id> insertNotice(const NoticeRecord& n) = 0;
  // Marks one of the person's notices read (kept as first read); false when they have no such notice.
  virtual bool markNoticeRead(Id user_id, Id notice_id, DateTime at) = 0;
  virtual int markAllNoticesRead(Id user_id, DateTime at) = 0;  // how many were unread
  virtual void clearDigestPending(const std::vector<Id>& notice_ids) = 0;
  virtual Id insertOutbox(const OutboxMessage& m) = 0;
  // Records an attempt: attempts, next_attempt_at, sent_at, failed_at, last_error and body.
  virtual void updateOutbox(const OutboxMessage& m) = 0;
  virtual void setNoticePassDay(std::string_view name, Date day, DateTime at) = 0;

  virtual void commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<ReadTx> read() = 0;
  virtual std::unique_ptr<WriteTx> write() = 0;
};

struct SqliteOptions {
  std::string path;
  bool create = false;      // create the file if missing (demo, tests); serve refuses a missing file
  int read_connections = 4;
};

// Opens (and migrates) an SQLite database in WAL mode with synchronous=FULL.
// Throws StoreError with a readable message when the file cannot be opened.
std::unique_ptr<Store> openSqliteStore(const SqliteOptions& opts);

}  // namespace chibo
