#pragma once
// What chibo tells a person (reminders and notices): the kinds, and the short
// Vietnamese text of each, with dates as dd/mm/yyyy and a link to the page.
// Pure: the app layer gathers the facts, the channels carry the text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"

namespace chibo {

enum class NoticeKind {
  meeting_planned,      // a meeting of the person's cell was planned
  meeting_moved,        // its start was changed
  documents_published,  // its documents were posted (HD 12/2018: before the meeting)
  meeting_notice,       // the secretary's notice of the meeting (checklist "đã thông báo")
  task_due_soon,        // a task of theirs is due within three days
  task_overdue,         // a task of theirs passed its deadline
  warning_raised,       // an early warning on a cell they lead or follow
  activation_code,      // their new account's activation code (e-mail only)
  digest,               // one day's notices in one message
};
std::string_view toCode(NoticeKind);
std::optional<NoticeKind> noticeKindFromCode(std::string_view);

// A message as composed: the link is the app's path ("#/meetings/12"); an
// e-mail adds the public address in front of it.
struct NoticeText {
  std::string subject;
  std::string body;
  std::string link;
};

struct MeetingNoticeFacts {
  Id meeting_id = 0;
  std::string org_name;   // "Chi bộ Khu phố 1"
  std::string kind_label; // "Sinh hoạt thường kỳ"
  std::string topic;      // may be empty
  DateTime start;
  std::string place;      // may be empty
};

NoticeText meetingPlannedText(const MeetingNoticeFacts& m);
NoticeText meetingMovedText(const MeetingNoticeFacts& m, DateTime old_start);
NoticeText documentsPublishedText(const MeetingNoticeFacts& m);
// The secretary's notice: to the members of the cell, or to the upper-level committee member
// following it (Quy định 08-QĐi/TW: the monitor is invited to the meeting).
NoticeText meetingNoticeText(const MeetingNoticeFacts& m, bool to_monitor);

struct TaskNoticeFacts {
  Id task_id = 0;
  Id meeting_id = 0;      // the meeting that assigned it: its page lists the task
  std::string description;
  Date deadline;
};
NoticeText taskDueSoonText(const TaskNoticeFacts& t, Date today);
NoticeText taskOverdueText(const TaskNoticeFacts& t, Date today);

NoticeText warningRaisedText(Id org_id, const std::string& org_name, const std::string& message, bool serious);

// The activation code of a new account; the link opens the activation page with the code filled in.
NoticeText activationCodeText(const std::string& display_name, const std::string& username, const std::string& code,
                              Date valid_until);

struct DigestItem {
  std::string subject;
  std::string link;
};
// One day's notices in one message, oldest first; `day` is the local day it is sent.
NoticeText digestText(const std::vector<DigestItem>& items, Date day, std::string_view public_url);

// The text of an e-mail: the body, then the page's full address when the link is set.
std::string emailBody(const NoticeText& t, std::string_view public_url);

// Retries of a message a channel did not take: the wait before attempt n+1 after n failed
// attempts doubles from `base_seconds` up to `cap_seconds`; after `max_attempts` the message is
// given up (kept as failed, with its last error).
struct RetryPolicy {
  int base_seconds = 60;
  int cap_seconds = 3600;
  int max_attempts = 8;
};
// Seconds to wait after the `attempts`-th failure; none when the message is given up.
std::optional<int64_t> retryDelay(const RetryPolicy& p, int attempts);

}  // namespace chibo
