#include "domain/notice/message.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace chibo {
namespace {

constexpr std::array<std::pair<NoticeKind, std::string_view>, 9> kKinds{{
    {NoticeKind::meeting_planned, "meeting_planned"},
    {NoticeKind::meeting_moved, "meeting_moved"},
    {NoticeKind::documents_published, "documents_published"},
    {NoticeKind::meeting_notice, "meeting_notice"},
    {NoticeKind::task_due_soon, "task_due_soon"},
    {NoticeKind::task_overdue, "task_overdue"},
    {NoticeKind::warning_raised, "warning_raised"},
    {NoticeKind::activation_code, "activation_code"},
    {NoticeKind::digest, "digest"},
}};

// "19:30" in Asia/Ho_Chi_Minh (UTC+7, no DST).
std::string clock(DateTime t) {
  int64_t local = t.unix_seconds + 7 * 3600;
  int64_t s = ((local % 86400) + 86400) % 86400;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", int(s / 3600), int(s / 60 % 60));
  return buf;
}

// "19:30 ngày 05/03/2027"
std::string when(DateTime t) { return clock(t) + " ngày " + t.date().vn(); }

std::string meetingLink(Id id) { return "#/meetings/" + std::to_string(id); }

// "Sinh hoạt thường kỳ" -> "sinh hoạt thường kỳ" inside a sentence: only the first letter, which
// every kind label starts with in ASCII ("S", "H").
std::string lowerFirst(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
  return s;
}

std::string meetingSentence(const MeetingNoticeFacts& m) {
  std::string s = m.org_name + " " + lowerFirst(m.kind_label) + " lúc " + when(m.start);
  if (!m.place.empty()) s += ", tại " + m.place;
  s += ".";
  if (!m.topic.empty()) s += "\nNội dung: " + m.topic + ".";
  return s;
}

}  // namespace

std::string_view toCode(NoticeKind k) {
  for (const auto& [kind, code] : kKinds)
    if (kind == k) return code;
  return "";
}

std::optional<NoticeKind> noticeKindFromCode(std::string_view c) {
  for (const auto& [kind, code] : kKinds)
    if (code == c) return kind;
  return std::nullopt;
}

NoticeText meetingPlannedText(const MeetingNoticeFacts& m) {
  return {"Lịch sinh hoạt " + m.org_name + " ngày " + m.start.date().vn(),
          "Đã lên lịch: " + meetingSentence(m), meetingLink(m.meeting_id)};
}

NoticeText meetingMovedText(const MeetingNoticeFacts& m, DateTime old_start) {
  return {"Đổi lịch sinh hoạt " + m.org_name + " sang ngày " + m.start.date().vn(),
          "Lịch cũ: " + when(old_start) + ".\nLịch mới: " + meetingSentence(m), meetingLink(m.meeting_id)};
}

NoticeText documentsPublishedText(const MeetingNoticeFacts& m) {
  return {"Tài liệu sinh hoạt " + m.org_name + " ngày " + m.start.date().vn(),
          "Đã đăng tài liệu cho buổi sinh hoạt: " + meetingSentence(m) +
              "\nĐồng chí vui lòng đọc trước khi dự họp.",
          meetingLink(m.meeting_id)};
}

NoticeText meetingNoticeText(const MeetingNoticeFacts& m, bool to_monitor) {
  if (to_monitor)
    return {"Mời dự sinh hoạt " + m.org_name + " ngày " + m.start.date().vn(),
            "Kính mời đồng chí cấp ủy viên phụ trách dự buổi sinh hoạt: " + meetingSentence(m),
            meetingLink(m.meeting_id)};
  return {"Thông báo sinh hoạt " + m.org_name + " ngày " + m.start.date().vn(),
          "Thông báo: " + meetingSentence(m) + "\nĐề nghị đồng chí dự họp đầy đủ, đúng giờ.",
          meetingLink(m.meeting_id)};
}

NoticeText taskDueSoonText(const TaskNoticeFacts& t, Date today) {
  int days = t.deadline.days() - today.days();
  std::string in = days <= 0 ? "hôm nay" : "còn " + std::to_string(days) + " ngày";
  return {"Sắp đến hạn nhiệm vụ (" + t.deadline.vn() + ")",
          "Nhiệm vụ: " + t.description + "\nHạn hoàn thành: " + t.deadline.vn() + " (" + in + ").",
          meetingLink(t.meeting_id)};
}

NoticeText taskOverdueText(const TaskNoticeFacts& t, Date today) {
  int days = today.days() - t.deadline.days();
  return {"Quá hạn nhiệm vụ (" + t.deadline.vn() + ")",
          "Nhiệm vụ: " + t.description + "\nHạn hoàn thành: " + t.deadline.vn() + ", đã quá " +
              std::to_string(days) + " ngày. Đồng chí vui lòng báo cáo tiến độ.",
          meetingLink(t.meeting_id)};
}

NoticeText warningRaisedText(Id org_id, const std::string& org_name, const std::string& message, bool serious) {
  return {std::string(serious ? "Cảnh báo nghiêm trọng: " : "Cảnh báo: ") + org_name, message,
          "#/orgs/" + std::to_string(org_id) + "/warnings"};
}

NoticeText activationCodeText(const std::string& display_name, const std::string& username, const std::string& code,
                              Date valid_until) {
  return {"Mã kích hoạt tài khoản chibo",
          "Kính gửi đồng chí " + display_name + ".\nTên đăng nhập: " + username + "\nMã kích hoạt: " + code +
              "\nMã dùng được đến hết ngày " + valid_until.vn() + ". Mở liên kết dưới đây để đặt mật khẩu.",
          "#/activate?code=" + code};
}

NoticeText digestText(const std::vector<DigestItem>& items, Date day, std::string_view public_url) {
  NoticeText t;
  t.subject = "Tin nhắc việc ngày " + day.vn() + " (" + std::to_string(items.size()) + " tin)";
  t.body = "Các tin mới của đồng chí:";
  for (const auto& i : items) {
    t.body += "\n- " + i.subject;
    if (!i.link.empty() && !public_url.empty()) t.body += "\n  " + std::string(public_url) + "/" + i.link;
  }
  t.link = "#/me";
  return t;
}

std::string emailBody(const NoticeText& t, std::string_view public_url) {
  std::string b = t.body;
  if (!t.link.empty() && !public_url.empty()) b += "\n\nXem chi tiết: " + std::string(public_url) + "/" + t.link;
  b += "\n\n-- \nchibo: thư gửi tự động, vui lòng không trả lời.";
  return b;
}

std::optional<int64_t> retryDelay(const RetryPolicy& p, int attempts) {
  if (attempts >= p.max_attempts) return std::nullopt;
  int64_t d = std::max(1, p.base_seconds);
  for (int i = 1; i < attempts && d < p.cap_seconds; ++i) d *= 2;
  return std::min<int64_t>(d, std::max(p.base_seconds, p.cap_seconds));
}

}  // namespace chibo
