#include "app/audit/audit_labels.h"

#include <array>
#include <cstdlib>
#include <utility>

#include "domain/date.h"
#include "domain/meeting/attendance.h"
#include "domain/meeting/meeting.h"
#include "domain/meeting/task.h"

namespace chibo {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array kActions{
    Pair{"auth.login", "Đăng nhập"},
    Pair{"demo.load", "Nạp dữ liệu mẫu"},
    Pair{"attachment.upload", "Tải lên tài liệu cuộc họp"},
    Pair{"attachment.delete", "Xóa tài liệu cuộc họp"},
    Pair{"calendar_token.create", "Tạo liên kết lịch họp"},
    Pair{"calendar_token.delete", "Hủy liên kết lịch họp"},
    Pair{"meeting.create", "Lập kế hoạch cuộc họp"},
    Pair{"meeting.update", "Sửa thông tin cuộc họp"},
    Pair{"meeting.status", "Đổi trạng thái cuộc họp"},
    Pair{"meeting.kind", "Đổi loại sinh hoạt"},
    Pair{"meeting.agenda", "Sửa chương trình, ghi chép biên bản"},
    Pair{"meeting.preparation", "Ghi công tác chuẩn bị"},
    Pair{"meeting.start", "Bắt đầu cuộc họp"},
    Pair{"meeting.end", "Kết thúc cuộc họp"},
    Pair{"meeting.attendance", "Điểm danh"},
    Pair{"meeting.checkin", "Điểm danh bằng mã QR"},
    Pair{"meeting.checkin_token", "Tạo mã QR điểm danh"},
    Pair{"meeting.speech", "Ghi ý kiến phát biểu"},
    Pair{"meeting.slots", "Đề xuất thời gian họp"},
    Pair{"meeting.availability", "Chọn thời gian có thể dự họp"},
    Pair{"meeting.evaluate", "Chấm điểm chất lượng sinh hoạt"},
    Pair{"meeting.observation", "Ghi nhận của cấp ủy viên phụ trách"},
    Pair{"meeting.finalize", "Khóa biên bản"},
    Pair{"meeting.amend", "Sửa đổi biên bản đã khóa"},
    Pair{"meeting.locked_edit_rejected", "Từ chối sửa biên bản đã khóa"},
    Pair{"member.create", "Thêm đảng viên"},
    Pair{"member.update", "Sửa thông tin đảng viên"},
    Pair{"member.transfer", "Chuyển sinh hoạt"},
    Pair{"member.status.create", "Thêm trạng thái"},
    Pair{"member.status.update", "Sửa, kết thúc trạng thái"},
    Pair{"monitor.assign", "Phân công cấp ủy viên phụ trách"},
    Pair{"monitor.end", "Kết thúc phân công phụ trách"},
    Pair{"org.create", "Tạo đơn vị"},
    Pair{"org.update", "Sửa đơn vị"},
    Pair{"org.term.create", "Thêm nhiệm kỳ"},
    Pair{"resolution.create", "Thông qua nghị quyết, kết luận"},
    Pair{"resolution.update", "Sửa nghị quyết, kết luận"},
    Pair{"resolution.vote", "Ghi kết quả biểu quyết"},
    Pair{"role.assign", "Giao vai trò"},
    Pair{"role.end", "Kết thúc vai trò"},
    Pair{"rollup.rebuild", "Tính lại số liệu tổng hợp"},
    Pair{"rules.attach", "Áp dụng quy định của đảng ủy"},
    Pair{"rules.reattach", "Sửa thời gian áp dụng quy định"},
    Pair{"subgroup_pilot.attach", "Áp dụng thí điểm sinh hoạt theo tổ đảng"},
    Pair{"subgroup_pilot.change", "Sửa thời gian thí điểm sinh hoạt theo tổ đảng"},
    Pair{"subgroup_pilot.detach", "Thôi áp dụng thí điểm sinh hoạt theo tổ đảng"},
    Pair{"scale.load", "Nạp dữ liệu thử tải"},
    Pair{"task.create", "Giao nhiệm vụ"},
    Pair{"task.update", "Cập nhật nhiệm vụ"},
    Pair{"task.review", "Đánh giá nhiệm vụ kỳ trước"},
    Pair{"thematic_plan.create", "Thêm chuyên đề vào kế hoạch"},
    Pair{"user.create", "Tạo tài khoản"},
    Pair{"warning.ack", "Ghi nhận cảnh báo"},
    Pair{"dues.collect", "Thu đảng phí"},
    Pair{"dues.basis", "Ghi căn cứ đóng đảng phí"},
    Pair{"dues.relief.create", "Ghi miễn, giảm đảng phí"},
    Pair{"dues.relief.delete", "Xóa miễn, giảm đảng phí"},
    Pair{"review_round.open", "Mở đợt kiểm điểm, xếp loại cuối năm"},
    Pair{"member_review.self_assess", "Đảng viên tự kiểm điểm, tự xếp loại"},
    Pair{"member_review.cell_vote", "Chi bộ biểu quyết mức xếp loại"},
    Pair{"member_review.decide", "Cấp ủy quyết định xếp loại"},
    Pair{"member_review.appeal", "Xem xét lại xếp loại theo kiến nghị"},
    Pair{"cell_review.classify", "Xếp loại chi bộ"},
    Pair{"candidate.create", "Đưa quần chúng ưu tú vào danh sách"},
    Pair{"candidate.update", "Sửa thông tin quần chúng ưu tú"},
    Pair{"candidate.stage", "Ghi nhận bước phát triển đảng viên"},
    Pair{"candidate.introducer.add", "Thêm người giới thiệu vào Đảng"},
    Pair{"candidate.introducer.remove", "Bỏ người giới thiệu vào Đảng"},
    Pair{"candidate.document.upload", "Tải lên tài liệu hồ sơ kết nạp"},
    Pair{"candidate.document.delete", "Xóa tài liệu hồ sơ kết nạp"},
};

constexpr std::array kTargets{
    Pair{"member", "Đảng viên"},     Pair{"org", "Tổ chức"},          Pair{"role", "Vai trò"},
    Pair{"monitor_assignment", "Phân công phụ trách"}, Pair{"user", "Tài khoản"}, Pair{"meeting", "Cuộc họp"},
    Pair{"speech", "Ý kiến phát biểu"}, Pair{"resolution", "Nghị quyết, kết luận"}, Pair{"task", "Nhiệm vụ"},
    Pair{"attachment", "Tài liệu"}, Pair{"thematic_plan", "Kế hoạch chuyên đề"}, Pair{"warning", "Cảnh báo"},
    Pair{"rule_attachment", "Quy định áp dụng"}, Pair{"subgroup_pilot", "Thí điểm sinh hoạt theo tổ đảng"}, Pair{"calendar_token", "Liên kết lịch"},
    Pair{"review_round", "Đợt kiểm điểm cuối năm"}, Pair{"member_review", "Bản kiểm điểm của đảng viên"},
    Pair{"cell_review", "Xếp loại chi bộ"},
    Pair{"candidate", "Quần chúng ưu tú, người xin vào Đảng"},
};

constexpr std::array kFields{
    Pair{"address", "Địa chỉ"},
    Pair{"admission_ceremony_date", "Ngày kết nạp"},
    Pair{"admission_decision_date", "Ngày quyết định kết nạp"},
    Pair{"agenda", "Chương trình, ghi chép các bước"},
    Pair{"agenda_item_id", "Mục chương trình"},
    Pair{"archived", "Ngừng hoạt động"},
    Pair{"assessment", "Đánh giá kết quả"},
    Pair{"assignee_member_ids", "Người thực hiện"},
    Pair{"assignments", "Phân công thực hiện"},
    Pair{"attempted", "Thao tác bị từ chối"},
    Pair{"birth_date", "Ngày sinh"},
    Pair{"card_no", "Số thẻ đảng viên"},
    Pair{"cell_id", "Chi bộ"},
    Pair{"cell_period_closed", "Kết thúc sinh hoạt tại chi bộ"},
    Pair{"cell_type", "Loại hình chi bộ"},
    Pair{"chair_member_id", "Chủ trì"},
    Pair{"checkin_token_expires_at", "Mã QR hết hạn lúc"},
    Pair{"chi_uy_meeting_at", "Chi ủy họp chuẩn bị lúc"},
    Pair{"code", "Mã"},
    Pair{"conclusion", "Kết luận của chủ trì"},
    Pair{"content_preparer_member_id", "Người chuẩn bị nội dung"},
    Pair{"data_set", "Bộ dữ liệu"},
    Pair{"date", "Ngày"},
    Pair{"deadline", "Thời hạn"},
    Pair{"description", "Nội dung"},
    Pair{"direction", "Phương hướng nhiệm vụ"},
    Pair{"doc_type", "Loại văn bản"},
    Pair{"documents_published_at", "Gửi tài liệu lúc"},
    Pair{"draft_resolution_at", "Có dự thảo nghị quyết lúc"},
    Pair{"ended_at", "Kết thúc lúc"},
    Pair{"from", "Từ ngày"},
    Pair{"from_paper_book", "Nhập lại từ sổ biên bản giấy"},
    Pair{"full_name", "Họ và tên"},
    Pair{"gender", "Giới tính"},
    Pair{"grassroots", "Cơ sở"},
    Pair{"guests", "Khách mời"},
    Pair{"id", "Số hiệu"},
    Pair{"issued_on", "Ngày ban hành"},
    Pair{"key", "Cảnh báo"},
    Pair{"kind", "Loại"},
    Pair{"level", "Cấp"},
    Pair{"locked_at", "Khóa biên bản lúc"},
    Pair{"meetings", "Số cuộc họp"},
    Pair{"member_id", "Đảng viên"},
    Pair{"minutes_read_back_at", "Đọc lại biên bản lúc"},
    Pair{"name", "Tên"},
    Pair{"note", "Ghi chú"},
    Pair{"notice_members_at", "Thông báo đảng viên lúc"},
    Pair{"notice_monitor_at", "Báo cấp ủy viên phụ trách lúc"},
    Pair{"number", "Số văn bản"},
    Pair{"official_date", "Ngày chính thức"},
    Pair{"period", "Kỳ"},
    Pair{"phone", "Số điện thoại"},
    Pair{"place", "Địa điểm"},
    Pair{"planned_start", "Thời gian dự kiến"},
    Pair{"progress_note", "Tiến độ"},
    Pair{"result_note", "Kết quả"},
    Pair{"reviewed_in_meeting_id", "Đánh giá tại cuộc họp"},
    Pair{"rule_id", "Quy định"},
    Pair{"from_month", "Từ tháng"},
    Pair{"to_month", "Đến tháng"},
    Pair{"decision", "Văn bản quyết định"},
    Pair{"secretary_member_id", "Thư ký"},
    Pair{"self_assessment", "Tự đánh giá chất lượng"},
    Pair{"serving", "Đang đảm nhiệm"},
    Pair{"slot", "Thời gian đề xuất"},
    Pair{"started_at", "Bắt đầu lúc"},
    Pair{"status", "Trạng thái"},
    Pair{"subgroup_id", "Tổ đảng"},
    Pair{"suggestion_id", "Chuyên đề gợi ý"},
    Pair{"targets", "Chỉ tiêu"},
    Pair{"thematic_plan_id", "Chuyên đề trong kế hoạch"},
    Pair{"title", "Tiêu đề"},
    Pair{"to", "Đến ngày"},
    Pair{"topic", "Chủ đề"},
    Pair{"username", "Tên đăng nhập"},
    Pair{"vote", "Biểu quyết"},
    Pair{"workplace", "Nơi làm việc"},
    Pair{"year", "Năm"},
    Pair{"review_level", "Mức xếp loại"},
    Pair{"review_stage", "Bước kiểm điểm"},
    Pair{"review_members", "Số đảng viên kiểm điểm"},
    Pair{"self_review", "Bản tự kiểm điểm"},
    Pair{"points", "Điểm"},
    Pair{"reason", "Lý do"},
    Pair{"version", "Phiên bản"},
    Pair{"summary", "Tóm tắt ý kiến"},
    Pair{"quarter", "Quý"},
    Pair{"minutes", "Biên bản"},
    Pair{"meeting", "Cuộc họp"},
    Pair{"amount", "Số tiền"},
    Pair{"percent", "Mức miễn, giảm"},
    Pair{"stage", "Bước phát triển đảng viên"},
    Pair{"reference", "Số văn bản"},
    Pair{"route", "Hình thức giới thiệu"},
    Pair{"received_on", "Ngày nhận quyết định"},
    Pair{"youth_union_resolution", "Nghị quyết giới thiệu của Đoàn"},
    Pair{"votes_for", "Số phiếu tán thành"},
    Pair{"votes_total", "Tổng số phiếu"},
    Pair{"age_months", "Tuổi (tháng) ngày chi bộ xét"},
    Pair{"helper_member_id", "Người giúp đỡ"},
    Pair{"helpers", "Người giúp đỡ"},
    Pair{"introducer", "Người giới thiệu"},
    Pair{"worked_since", "Công tác cùng từ ngày"},
};

// The judgement criteria of the rubrics in rules/, for "self.conduct" and
// "committee.conduct" (evaluation changes).
constexpr std::array kCriteria{
    Pair{"duration", "Thời lượng sinh hoạt"},
    Pair{"attendance", "Tỷ lệ đảng viên dự họp"},
    Pair{"preparation", "Công tác chuẩn bị"},
    Pair{"conduct", "Nội dung và cách thức tiến hành sinh hoạt"},
    Pair{"chairing", "Điều hành của đồng chí chủ trì"},
    Pair{"principles", "Chấp hành nguyên tắc tổ chức sinh hoạt đảng"},
    Pair{"resolution_results", "Kết quả thực hiện nghị quyết kỳ trước"},
    Pair{"closing", "Kết thúc: kết luận, biểu quyết, đọc lại biên bản"},
    Pair{"speakers", "Tỷ lệ đảng viên phát biểu"},
    Pair{"note", "Nhận xét"},
};

template <size_t N>
std::optional<std::string_view> find(const std::array<Pair, N>& table, std::string_view key) {
  for (const auto& [k, v] : table)
    if (k == key) return v;
  return std::nullopt;
}

bool endsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// "attendance[15]" -> 15.
std::optional<Id> attendanceId(std::string_view field) {
  const std::string_view head = "attendance[";
  if (field.substr(0, head.size()) != head || field.back() != ']') return std::nullopt;
  std::string digits(field.substr(head.size(), field.size() - head.size() - 1));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return Id(std::strtoll(digits.c_str(), nullptr, 10));
}

// "dues[15]" -> 15: a member's line of a dues sheet.
std::optional<Id> duesId(std::string_view field) {
  const std::string_view head = "dues[";
  if (field.substr(0, head.size()) != head || field.back() != ']') return std::nullopt;
  std::string digits(field.substr(head.size(), field.size() - head.size() - 1));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return Id(std::strtoll(digits.c_str(), nullptr, 10));
}

std::vector<Id> idList(const std::string& s) {
  std::vector<Id> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t comma = s.find(',', start);
    std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty() && part.find_first_not_of("0123456789 ") == std::string::npos)
      out.push_back(Id(std::strtoll(part.c_str(), nullptr, 10)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool isMemberField(std::string_view f) { return endsWith(f, "_member_id") || f == "member_id"; }

std::string nameOr(const std::map<Id, std::string>& names, Id id) {
  auto it = names.find(id);
  return it == names.end() || it->second.empty() ? "đảng viên số " + std::to_string(id) : it->second;
}

}  // namespace

std::string_view auditActionLabel(std::string_view action) {
  if (auto v = find(kActions, action)) return *v;
  return "Thao tác khác";
}

std::string_view auditTargetLabel(std::string_view target_type) {
  if (auto v = find(kTargets, target_type)) return *v;
  return "Đối tượng khác";
}

std::string auditFieldLabel(std::string_view field, const std::map<Id, std::string>& names) {
  if (auto id = attendanceId(field)) return "Điểm danh: " + nameOr(names, *id);
  if (auto id = duesId(field)) return "Đảng phí: " + nameOr(names, *id);
  if (auto v = find(kFields, field)) return std::string(*v);
  for (auto [prefix, who] : {Pair{"self.", "Chi bộ tự chấm"}, Pair{"committee.", "Cấp trên chấm"}})
    if (field.substr(0, prefix.size()) == prefix) {
      auto c = find(kCriteria, field.substr(prefix.size()));
      return std::string(who) + ": " + std::string(c ? *c : "tiêu chí khác");
    }
  return "Thông tin khác";
}

void auditMemberIds(const FieldChange& c, std::map<Id, std::string>& names) {
  if (auto id = attendanceId(c.field)) names.emplace(*id, "");
  if (auto id = duesId(c.field)) names.emplace(*id, "");
  if (isMemberField(c.field) || endsWith(c.field, "_member_ids"))
    for (const auto& v : {c.before, c.after})
      if (v)
        for (Id id : idList(*v)) names.emplace(id, "");
}

std::optional<std::string> auditValueText(std::string_view target_type, std::string_view field,
                                          const std::optional<std::string>& value,
                                          const std::map<Id, std::string>& names) {
  if (!value) return value;
  const std::string& v = *value;
  if (v == "true") return std::string("Có");
  if (v == "false") return std::string("Không");
  if (endsWith(field, "_member_ids") || isMemberField(field)) {
    std::string out;
    for (Id id : idList(v)) out += (out.empty() ? "" : ", ") + nameOr(names, id);
    return out.empty() ? v : out;
  }
  if (attendanceId(field)) {
    // "absent_excused (Công tác: trực ca)": the status code first.
    size_t sp = v.find(' ');
    std::string code = v.substr(0, sp);
    if (auto st = attendanceStatusFromCode(code)) return std::string(label(*st)) + (sp == std::string::npos ? "" : v.substr(sp));
    return v;
  }
  if (field == "status") {
    if (target_type == "task")
      if (auto st = taskStatusFromCode(v)) return std::string(label(*st));
    if (target_type == "meeting")
      if (auto st = meetingStatusFromCode(v)) return std::string(label(*st));
  }
  if (field == "kind" && target_type == "meeting")
    if (auto k = meetingKindFromCode(v)) return std::string(label(*k));
  if (v.size() == 10)
    if (auto d = Date::parseIso(v)) return d->vn();
  if (v.size() >= 16 && v[4] == '-' && v[7] == '-' && v[10] == 'T')
    if (auto t = DateTime::parseIso(v)) return t->vn();
  return v;
}

}  // namespace chibo
