// Writing notices inside the write that makes them due: recipients by scope,
// the inbox row, and the outbox row of each person who chose e-mail.
#include <mutex>
#include <set>

#include "app/meetings/meeting_access.h"
#include "app/notices/notices.h"
#include "domain/notice/email_address.h"

namespace chibo {
namespace {

std::mutex& configMutex() {
  static std::mutex m;
  return m;
}
NoticeConfig& installedConfig() {
  static NoticeConfig c;
  return c;
}

void addAccountOf(ReadTx& tx, Id member_id, std::vector<Id>& out) {
  if (auto u = tx.userByMember(member_id); u && !u->disabled) out.push_back(u->id);
}

}  // namespace

void setNoticeConfig(NoticeConfig cfg) {
  std::lock_guard lock(configMutex());
  installedConfig() = std::move(cfg);
}

NoticeConfig noticeConfig() {
  std::lock_guard lock(configMutex());
  return installedConfig();
}

DeliveryCount deliverNotice(WriteTx& tx, const std::vector<Id>& user_ids, NoticeKind kind, const NoticeText& text,
                            const std::string& dedupe_key, DateTime now, std::optional<Id> meeting_id,
                            const std::string& notice_to) {
  DeliveryCount out;
  auto cfg = noticeConfig();
  std::set<Id> seen;
  for (Id uid : user_ids) {
    if (!seen.insert(uid).second) continue;
    auto u = tx.user(uid);
    if (!u || u->disabled) continue;
    auto s = tx.notificationSettings(uid);
    bool mail = cfg.email && s && s->email_enabled && plausibleEmail(s->email);
    NoticeRecord n;
    n.user_id = uid;
    n.kind = std::string(toCode(kind));
    n.subject = text.subject;
    n.body = text.body;
    n.link = text.link;
    n.dedupe_key = dedupe_key;
    n.meeting_id = meeting_id;
    n.notice_to = notice_to;
    n.digest_pending = mail && s->digest;
    n.created_at = now;
    auto id = tx.insertNotice(n);
    if (!id) continue;
    ++out.notices;
    if (!mail) continue;
    if (s->digest) {
      ++out.digest;
      continue;
    }
    OutboxMessage m;
    m.notice_id = *id;
    m.user_id = uid;
    m.channel = "email";
    m.address = s->email;
    m.kind = n.kind;
    m.subject = text.subject;
    m.body = emailBody(text, cfg.public_url);
    m.meeting_id = meeting_id;
    m.notice_to = notice_to;
    m.created_at = now;
    m.next_attempt_at = now;
    tx.insertOutbox(m);
    ++out.emails;
  }
  return out;
}

std::vector<Id> meetingMemberAccounts(ReadTx& tx, const MeetingRecord& m, const Org& org) {
  std::vector<Id> out;
  for (const auto& e : meetingRoll(tx, org, meetingDate(m))) addAccountOf(tx, e.member.id, out);
  return out;
}

std::vector<Id> meetingMonitorAccounts(ReadTx& tx, const MeetingRecord& m, const Org& org) {
  std::vector<Id> out;
  Id cell_id = org.id;
  if (org.kind == OrgKind::subgroup && org.parent_id) cell_id = *org.parent_id;
  Date d = meetingDate(m);
  for (const auto& a : tx.monitorsOfCell(cell_id))
    if (covers(a, d)) addAccountOf(tx, a.member_id, out);
  return out;
}

MeetingNoticeFacts meetingFacts(const MeetingRecord& m, const Org& org) {
  return {m.meeting.id, org.name, std::string(label(m.meeting.kind)), m.meeting.topic, m.meeting.planned_start,
          m.meeting.place};
}

void noticeMeetingPlanned(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime now) {
  if (m.meeting.status != MeetingStatus::planned || m.meeting.planned_start < now) return;  // entered after the fact
  deliverNotice(tx, meetingMemberAccounts(tx, m, org), NoticeKind::meeting_planned, meetingPlannedText(meetingFacts(m, org)),
                "meeting_planned:" + std::to_string(m.meeting.id), now, m.meeting.id);
}

void noticeMeetingMoved(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime old_start, DateTime now) {
  if (m.meeting.status != MeetingStatus::planned || m.meeting.planned_start < now) return;
  deliverNotice(tx, meetingMemberAccounts(tx, m, org), NoticeKind::meeting_moved,
                meetingMovedText(meetingFacts(m, org), old_start),
                "meeting_moved:" + std::to_string(m.meeting.id) + ":" + std::to_string(m.meeting.planned_start.unix_seconds),
                now, m.meeting.id);
}

void noticeDocumentsPublished(WriteTx& tx, const MeetingRecord& m, const Org& org, DateTime now) {
  if (m.meeting.status != MeetingStatus::planned) return;
  deliverNotice(tx, meetingMemberAccounts(tx, m, org), NoticeKind::documents_published,
                documentsPublishedText(meetingFacts(m, org)), "documents_published:" + std::to_string(m.meeting.id),
                now, m.meeting.id);
}

void noticeWarningsRaised(WriteTx& tx, const Org& cell, const std::vector<WarningRecord>& raised, DateTime now) {
  bool any = false;
  for (const auto& r : raised) any |= r.warning.severity != Severity::info;
  if (!any) return;
  Date today = now.date();
  std::vector<Id> to;
  for (const auto& role : tx.rolesInOrg(cell.id))
    if ((role.role == MemberRole::secretary || role.role == MemberRole::deputy_secretary) && covers(role, today))
      addAccountOf(tx, role.member_id, to);
  for (const auto& a : tx.monitorsOfCell(cell.id))
    if (covers(a, today)) addAccountOf(tx, a.member_id, to);
  if (to.empty()) return;
  for (const auto& r : raised)
    if (r.warning.severity != Severity::info)
      deliverNotice(tx, to, NoticeKind::warning_raised,
                    warningRaisedText(cell.id, cell.name, r.warning.message, r.warning.severity == Severity::serious),
                    "warning:" + r.key + ":" + std::to_string(r.raised_at.unix_seconds), now);
}

bool mailActivationCode(WriteTx& tx, const User& u, const std::string& email, const std::string& code, DateTime now) {
  auto cfg = noticeConfig();
  if (!cfg.email || !plausibleEmail(email) || !u.activation_expires_at) return false;
  auto text = activationCodeText(u.display_name, u.username, code, u.activation_expires_at->date());
  OutboxMessage m;
  m.user_id = u.id;
  m.channel = "email";
  m.address = email;
  m.kind = std::string(toCode(NoticeKind::activation_code));
  m.subject = text.subject;
  m.body = emailBody(text, cfg.public_url);
  m.created_at = now;
  m.next_attempt_at = now;
  tx.insertOutbox(m);
  return true;
}

}  // namespace chibo
