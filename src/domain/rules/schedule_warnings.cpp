#include "domain/rules/schedule_warnings.h"

#include "domain/rules/calendar.h"

namespace chibo {
namespace {
bool held(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }
std::string monthText(int year, unsigned month) { return std::to_string(month) + "/" + std::to_string(year); }
}  // namespace

std::vector<Warning> monthlyMeetingWarnings(const RuleSet& rs, Id org_id, const std::vector<MeetingOccurrence>& ms,
                                            int year, unsigned month, Date at, const SubgroupMonth* by_subgroups) {
  Date due = dayOfMonthClamped(year, month, rs.monthly_meeting_due_day.value);
  if (at <= due) return {};
  for (const auto& m : ms)
    if (countsAsMonthly(m.kind) && held(m.status) && m.period_year == year && m.period_month == month) return {};
  if (by_subgroups && by_subgroups->held) return {};
  std::string pilot;
  if (by_subgroups)
    pilot = " Theo thí điểm sinh hoạt theo tổ đảng, mới " + std::to_string(by_subgroups->met) + "/" +
            std::to_string(by_subgroups->subgroups) + " tổ đảng sinh hoạt trong tháng.";
  return {{"monthly_meeting_missing", Severity::warning, SubjectKind::org, org_id,
           "Chưa tổ chức sinh hoạt thường kỳ tháng " + monthText(year, month) + " (hạn ngày " + due.vn() + ")." + pilot,
           "R-FREQ-1", rs.monthly_meeting_due_day.origin, rs.monthly_meeting_due_day.source}};
}

std::vector<Warning> thematicMeetingWarnings(const RuleSet& rs, Id org_id, const std::vector<MeetingOccurrence>& ms,
                                             int year, int quarter, Date at) {
  int needed = rs.thematic_per_quarter.value;
  if (needed <= 0 || at <= quarterEnd(year, quarter)) return {};
  int count = 0;
  for (const auto& m : ms)
    if (countsAsThematic(m.kind) && held(m.status) && m.period_year == year && quarterOf(m.period_month) == quarter)
      ++count;
  if (count >= needed) return {};
  return {{"thematic_meeting_missing", Severity::warning, SubjectKind::org, org_id,
           "Quý " + std::to_string(quarter) + "/" + std::to_string(year) + " mới tổ chức " + std::to_string(count) +
               "/" + std::to_string(needed) + " cuộc sinh hoạt chuyên đề.",
           "R-FREQ-2", rs.thematic_per_quarter.origin, rs.thematic_per_quarter.source}};
}

std::vector<Warning> durationWarnings(const RuleSet& rs, const Meeting& m, int members_on_roll) {
  auto d = durationMinutes(m);
  Cited<int> req = minDurationFor(rs, m.kind, members_on_roll);
  if (!d || req.value <= 0 || *d >= req.value) return {};
  return {{"meeting_too_short", Severity::warning, SubjectKind::meeting, m.id,
           "Cuộc họp kéo dài " + std::to_string(*d) + " phút, ít hơn thời lượng tối thiểu " +
               std::to_string(req.value) + " phút.",
           "R-DUR-1", req.origin, req.source}};
}

std::vector<Warning> preparationWarnings(const RuleSet& rs, const Meeting& m, const PreparationChecklist& c,
                                         DateTime at) {
  if (m.status == MeetingStatus::cancelled) return {};
  std::vector<Warning> out;
  const auto& docs_rule = rs.documents_days_before;
  Date deadline = documentsDeadline(m.planned_start, docs_rule.value);
  if (c.documents_published_at) {
    if (c.documents_published_at->date() > deadline)
      out.push_back({"documents_published_late", Severity::warning, SubjectKind::meeting, m.id,
                     "Tài liệu họp đăng lúc " + c.documents_published_at->vn() + ", muộn so với hạn ngày " +
                         deadline.vn() + " (trước ít nhất " + std::to_string(docs_rule.value) + " ngày).",
                     "R-PREP-1", docs_rule.origin, docs_rule.source});
  } else if (at.date() > deadline) {
    out.push_back({"documents_not_published", Severity::warning, SubjectKind::meeting, m.id,
                   "Chưa đăng tài liệu họp lên Sổ tay đảng viên; hạn là ngày " + deadline.vn() + ".", "R-PREP-1",
                   docs_rule.origin, docs_rule.source});
  }
  // Notices have no threshold of their own: "before the meeting" (HD 42, HD 12/2018).
  const char* notice_source = "HD 42-HD/BTCTW ngày 28/10/2025; HD 12-HD/BTCTW ngày 06/7/2018 mục II.1.1";
  auto notice = [&](const std::optional<DateTime>& sent, const char* code, const std::string& whom) {
    if (sent && *sent < m.planned_start) return;
    if (!sent && at < m.planned_start) return;
    std::string msg = sent ? "Thông báo cho " + whom + " gửi lúc " + sent->vn() + ", sau giờ họp."
                           : "Chưa thông báo cuộc họp cho " + whom + ".";
    out.push_back({code, Severity::warning, SubjectKind::meeting, m.id, msg, "R-PREP-2", rs.id, notice_source});
  };
  notice(c.notice_members_at, "members_not_notified", "đảng viên");
  notice(c.notice_monitor_at, "monitor_not_notified", "cấp ủy viên cấp trên phụ trách chi bộ");
  return out;
}

std::vector<Warning> overdueTaskWarnings(const RuleSet& rs, const std::vector<Task>& tasks, Date at) {
  std::vector<Warning> out;
  for (const auto& t : tasks)
    if (isOverdue(t, at))
      out.push_back({"task_overdue", Severity::warning, SubjectKind::task, t.id,
                     "Nhiệm vụ \"" + t.description + "\" quá hạn từ ngày " + t.deadline->vn() + ".", "R-RES-1",
                     rs.id, "Nghị quyết chi bộ giao nhiệm vụ có thời hạn (HD 42-HD/BTCTW, tóm tắt của bên thứ ba)"});
  return out;
}

std::vector<Warning> resolutionReviewWarnings(const RuleSet& rs, const ResolutionFollowUp& r, Date at) {
  if (!r.next_meeting_date || *r.next_meeting_date > at) return {};
  auto left = unreviewedTasks(r.tasks);
  if (left.empty()) return {};
  return {{"resolution_tasks_not_reviewed", Severity::warning, SubjectKind::resolution, r.resolution_id,
           "Nghị quyết " + r.number_text + " còn " + std::to_string(left.size()) +
               " nhiệm vụ chưa được đánh giá ở kỳ họp sau (họp ngày " + r.next_meeting_date->vn() + ").",
           "R-RES-1", rs.id,
           "Mỗi nhiệm vụ của nghị quyết tháng trước được đánh giá ở kỳ họp tháng sau (HD 42-HD/BTCTW, tóm tắt của "
           "bên thứ ba)"}};
}

}  // namespace chibo
