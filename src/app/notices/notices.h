#pragma once
// Reminders and notices: what a write that makes a notice due calls inside its
// own transaction (the transactional outbox), and the person's inbox and
// settings. Sending is the outbox worker's (outbox_worker.h).
//
// Contract:
// - A hook writes, before its caller commits, one inbox row per recipient and,
//   for a recipient who chose e-mail (and when the server has an SMTP server
//   configured), one outbox row; with the daily digest chosen the inbox row
//   waits for the digest instead. The notice exists exactly when the write does.
// - Recipients are chosen by scope: the members on the cell's roll on the
//   meeting date (their accounts), the committee member following the cell for
//   the monitor's notice, the cell's secretaries and monitors for a warning,
//   the assignees of a task. Nobody else: a disabled account gets nothing.
// - The same reminder (a dedupe key per person) is written once.
#include <string>
#include <vector>

#include "app/context.h"
#include "domain/notice/message.h"
#include "store/store.h"

namespace chibo {

// What this server can send besides the inbox, set once by `chibo serve` before it serves.
struct NoticeConfig {
  bool email = false;        // an SMTP server is configured
  std::string public_url;    // links in e-mails start with it ("" leaves the app path alone)
};
void setNoticeConfig(NoticeConfig cfg);
NoticeConfig noticeConfig();

struct DeliveryCount {
  int notices = 0;  // inbox rows written (people notified)
  int emails = 0;   // e-mails queued to go at once
  int digest = 0;   // notices left for a digest
};

// Writes `text` to each of `user_ids` (duplicates and disabled accounts skipped). The dedupe key
// is per person: someone who already has it gets nothing.
DeliveryCount deliverNotice(WriteTx& tx, const std::vector<Id>& user_ids, NoticeKind kind, const NoticeText& text,
                            const std::string& dedupe_key, DateTime now, std::optional<Id> meeting_id = std::nullopt,
                            const std::string& notice_to = "");

// The accounts (not disabled) of the members on the meeting's roll on its date.
std::vector<Id> meetingMemberAccounts(ReadTx& tx, const MeetingRecord& m, const Org& org);
// The accounts of the upper-level committee members following the meeting's cell on its date.
std::vector<Id> meetingMonitorAccounts(ReadTx& tx, const MeetingRecord& m, const Org& org);
MeetingNoticeFacts meetingFacts(const MeetingRecord& m, const Org& org);

// --- hooks, called by the meeting use cases inside their write transaction
void noticeMeetingPlanned(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime now);
void noticeMeetingMoved(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime old_start, DateTime now);
void noticeDocumentsPublished(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime now);
// Kept warnings just raised on `cell` (info ones skipped): to the cell's secretary and deputies and
// the committee members following it, recipients looked up once per cell.
void noticeWarningsRaised(WriteTx& tx, const Org& cell, const std::vector<WarningRecord>& raised, DateTime now);
// Queues the activation code of a new account to `email` (nothing without an SMTP server).
// Returns true when it was queued.
bool mailActivationCode(WriteTx& tx, const User& u, const std::string& email, const std::string& code, DateTime now);

// --- use cases of the person's inbox and settings (each needs only a session)
struct InboxPage {
  std::vector<NoticeRecord> items;
  int64_t total = 0;
  int64_t unread = 0;
};
Result<InboxPage> listInbox(Store& store, const Caller& c, bool unread_only, Page page);
// Marks one of the caller's notices read: 404 for any other id. Returns the unread count after.
Result<int64_t> markInboxRead(Store& store, const Caller& c, Id notice_id);
Result<int64_t> markInboxAllRead(Store& store, const Caller& c);

struct NotificationView {
  NotificationSettings settings;
  bool smtp_configured = false;
};
Result<NotificationView> getNotificationSettings(Store& store, const Caller& c);
struct NotificationInput {
  std::optional<std::string> email;
  std::optional<bool> email_enabled, digest;
};
// Validates (invalid_email, email_required), writes and audits. A rejected request writes nothing.
Result<NotificationView> putNotificationSettings(Store& store, const Caller& c, const NotificationInput& in);

// The secretary asks chibo to send the meeting's notice ("members" or "monitor"). Scope as for
// editing the preparation; 409 when the meeting is held, locked or cancelled. Returns how many
// people were notified. The checklist's notice time is set by the first delivery: at once when no
// recipient is mailed (the inbox is the channel), else by the worker when the first e-mail is
// accepted by the SMTP server.
Result<int> sendMeetingNotice(Store& store, const Caller& c, Id meeting_id, const std::string& to);

}  // namespace chibo
