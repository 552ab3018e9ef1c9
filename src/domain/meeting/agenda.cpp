#include "domain/meeting/agenda.h"

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<AgendaPhase>, 3> kPhases{{
    {AgendaPhase::opening, "opening", "Mở đầu"},
    {AgendaPhase::conduct, "conduct", "Tiến hành"},
    {AgendaPhase::closing, "closing", "Kết thúc"},
}};

struct Step {
  std::string_view code;
  AgendaPhase phase;
  std::string_view title;
  bool required;
};

using P = AgendaPhase;
// Steps shared by several kinds. Titles are the usual wording of local guides.
constexpr Step kDeclare{"declare_purpose", P::opening, "Tuyên bố lý do, giới thiệu đại biểu", true};
constexpr Step kSecretary{"appoint_secretary", P::opening, "Cử thư ký ghi biên bản", true};
constexpr Step kRollCall{"roll_call", P::opening,
                         "Điểm danh; báo cáo số đảng viên có mặt, vắng có lý do, vắng không lý do", true};
constexpr Step kDues{"dues_status", P::opening, "Thông báo tình hình đóng đảng phí", true};
constexpr Step kAdopt{"adopt_agenda", P::opening, "Thông qua nội dung, chương trình sinh hoạt", true};
constexpr Step kPresent{"present_content", P::conduct, "Chủ trì trình bày nội dung do chi ủy chuẩn bị", false};
constexpr Step kReview{"review_previous", P::conduct,
                       "Đánh giá kết quả thực hiện nghị quyết kỳ trước theo chỉ tiêu, nhiệm vụ", true};
constexpr Step kMemberTasks{"member_tasks", P::conduct, "Đánh giá việc thực hiện nhiệm vụ được giao của đảng viên",
                            false};
constexpr Step kInfo{"information", P::conduct, "Thông tin, định hướng các vấn đề mới, phức tạp", false};
constexpr Step kIdeology{"ideology_criticism", P::conduct,
                         "Tình hình tư tưởng đảng viên; tự phê bình và phê bình", false};
constexpr Step kDiscuss{"discussion", P::conduct, "Đảng viên thảo luận", true};
constexpr Step kConclude{"conclusion", P::closing, "Chủ trì tổng hợp ý kiến, kết luận", true};
constexpr Step kAssign{"assign_tasks", P::closing, "Phân công nhiệm vụ cho đảng viên, có thời hạn", true};
constexpr Step kVote{"vote_resolution", P::closing, "Biểu quyết thông qua nghị quyết (kết luận)", true};
constexpr Step kQuality{"quality_evaluation", P::closing, "Đánh giá chất lượng kỳ sinh hoạt", true};
constexpr Step kReadBack{"read_minutes", P::closing, "Thư ký đọc lại biên bản trước khi bế mạc", true};
// Thematic steps (HD 42 summaries, domain.md §2.5 steps 4-7).
constexpr Step kTopicPurpose{"declare_purpose", P::opening, "Bí thư nêu mục đích, yêu cầu của chuyên đề", true};
constexpr Step kTopicPresent{"present_topic", P::conduct, "Đảng viên được phân công trình bày chuyên đề", true};
constexpr Step kTopicDiscuss{"topic_discussion", P::conduct,
                             "Thảo luận, liên hệ bản thân và đơn vị với nội dung chuyên đề", true};
constexpr Step kTopicConclude{"topic_conclusion", P::closing, "Bí thư kết luận, đánh giá chuyên đề", true};

std::vector<AgendaItem> build(std::initializer_list<Step> steps) {
  std::vector<AgendaItem> out;
  int pos = 0;
  for (const auto& s : steps) {
    AgendaItem it;
    it.position = ++pos;
    it.step_code = std::string(s.code);
    it.phase = s.phase;
    it.title = std::string(s.title);
    it.required = s.required;
    out.push_back(std::move(it));
  }
  return out;
}
}  // namespace

std::string_view toCode(AgendaPhase p) { return detail::enumCode(kPhases, p); }
std::optional<AgendaPhase> agendaPhaseFromCode(std::string_view c) { return detail::enumFromCode(kPhases, c); }
std::string_view label(AgendaPhase p) { return detail::enumLabel(kPhases, p); }

std::vector<AgendaItem> agendaTemplate(MeetingKind k) {
  switch (k) {
    case MeetingKind::regular:
      return build({kDeclare, kSecretary, kRollCall, kDues, kAdopt, kPresent, kReview, kMemberTasks, kInfo,
                    kIdeology, kDiscuss, kConclude, kAssign, kVote, kQuality, kReadBack});
    case MeetingKind::thematic:
      return build({kTopicPurpose, kSecretary, kRollCall, kTopicPresent, kTopicDiscuss, kTopicConclude,
                    kQuality, kReadBack});
    case MeetingKind::combined:
      // The two parts are held one after the other; the minutes are read once, at the end.
      return build({kDeclare, kSecretary, kRollCall, kDues, kAdopt, kPresent, kReview, kMemberTasks, kInfo,
                    kIdeology, kDiscuss, kConclude, kAssign, kVote, kTopicPresent, kTopicDiscuss,
                    kTopicConclude, kQuality, kReadBack});
    case MeetingKind::extraordinary:
      return build({kDeclare, kSecretary, kRollCall, kAdopt, kPresent, kDiscuss, kConclude, kVote, kReadBack});
    case MeetingKind::subgroup:
      // A tổ đảng works under the chi ủy: it carries out the cell's content, it does not resolve.
      return build({kDeclare, kSecretary, kRollCall, kPresent, kDiscuss, kConclude, kAssign, kReadBack});
    case MeetingKind::committee_meeting:
      return build({kDeclare, kSecretary, kRollCall, kAdopt, kPresent, kDiscuss, kConclude, kVote, kReadBack});
  }
  return {};
}

std::string_view agendaTemplateSource(MeetingKind k) {
  switch (k) {
    case MeetingKind::regular:
    case MeetingKind::combined:
      return "HD 12-HD/BTCTW ngày 06/7/2018, Phần II mục 1.2 (mở đầu); HD 42-HD/BTCTW ngày 28/10/2025 "
             "(tóm tắt của bên thứ ba, chưa đối chiếu bản gốc)";
    case MeetingKind::thematic:
      return "HD 42-HD/BTCTW ngày 28/10/2025, sinh hoạt chuyên đề (tóm tắt của bên thứ ba, chưa đối chiếu bản gốc)";
    case MeetingKind::extraordinary:
    case MeetingKind::subgroup:
    case MeetingKind::committee_meeting:
      return "Theo các bước của HD 12-HD/BTCTW ngày 06/7/2018, rút gọn; chi bộ điều chỉnh theo thực tế";
  }
  return "";
}

std::vector<AgendaItem> missingRequiredSteps(const std::vector<AgendaItem>& agenda) {
  std::vector<AgendaItem> out;
  for (const auto& it : agenda)
    if (it.required && !it.done) out.push_back(it);
  return out;
}

}  // namespace chibo
