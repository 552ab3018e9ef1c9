#pragma once
// Reminders and notices (0014): a person's notification settings, their inbox
// (one row per notice per person, written with the write that made it due),
// and the outbox of messages a worker hands to a channel (e-mail) with
// retries, recording delivery.
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

struct NotificationSettings {
  Id user_id = 0;
  std::string email;           // "" when none
  bool email_enabled = false;
  bool digest = false;         // one message a day instead of one per notice
  std::optional<DateTime> updated_at;
};

// One notice to one person: their in-app inbox entry.
struct NoticeRecord {
  Id id = 0;
  Id user_id = 0;
  std::string kind;     // NoticeKind code
  std::string subject, body, link;
  // Unique per person: the same reminder (a task's "due in 3 days") is never written twice.
  std::string dedupe_key;
  std::optional<Id> meeting_id;  // the meeting a meeting_notice announces
  std::string notice_to;         // "members" or "monitor" for a meeting_notice, else ""
  bool digest_pending = false;   // waits for the person's daily digest e-mail
  DateTime created_at;
  std::optional<DateTime> read_at;
};

// One message for one channel. `notice_id` links it to the inbox entry it carries (none for an
// activation code or a digest).
struct OutboxMessage {
  Id id = 0;
  std::optional<Id> notice_id;
  Id user_id = 0;
  std::string channel;   // "email"
  std::string address;   // the recipient on that channel
  std::string kind;
  std::string subject, body;
  std::optional<Id> meeting_id;  // copied from a meeting_notice: the checklist is ticked on delivery
  std::string notice_to;
  DateTime created_at;
  int attempts = 0;
  DateTime next_attempt_at;
  std::optional<DateTime> sent_at;
  std::optional<DateTime> failed_at;  // given up after the last attempt
  std::string last_error;
};

struct OutboxCounts {
  int64_t queued = 0, sent = 0, failed = 0;
};

}  // namespace chibo
