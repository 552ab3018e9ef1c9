#include "export/resolution.h"

#include "export/text.h"

namespace chibo {
namespace {

Status validate(const ResolutionInput& in) {
  Validator v;
  if (trimAscii(in.period).empty()) v.add("period", "required", "Chưa ghi kỳ nghị quyết (ví dụ: tháng 3/2026).");
  if (trimAscii(in.chair).empty()) v.add("chair", "required", "Chưa ghi người chủ trì.");
  if (trimAscii(in.secretary).empty()) v.add("secretary", "required", "Chưa ghi thư ký.");
  if (trimAscii(in.signer.name).empty()) v.add("signer.name", "required", "Chưa ghi người ký.");
  if (in.expected < 0 || in.present < 0 || in.present > in.expected)
    v.add("present", "out_of_range", "Số có mặt phải từ 0 đến số đảng viên phải dự.");
  for (size_t i = 0; i < in.previous_tasks.size(); ++i)
    if (trimAscii(in.previous_tasks[i].task).empty())
      v.add("previous_tasks[" + std::to_string(i) + "].task", "required", "Chưa ghi nội dung nhiệm vụ.");
  for (size_t i = 0; i < in.assignments.size(); ++i)
    if (trimAscii(in.assignments[i].task).empty())
      v.add("assignments[" + std::to_string(i) + "].task", "required", "Chưa ghi nội dung nhiệm vụ.");
  if (in.end && *in.end < in.start) v.add("end", "before_start", "Giờ kết thúc trước giờ bắt đầu.");
  checkVote(v, "vote", in.vote);
  if (!v.ok()) return v.error();
  return okStatus();
}

BulletList dashes(const std::vector<std::string>& lines) {
  BulletList b;
  for (const auto& l : lines) b.items.push_back({{l, false, false}});
  return b;
}

// Attendance, duration, chair, secretary and dues, as the Cẩm Lệ sample opens.
Paragraph opening(const ResolutionInput& in) {
  std::string s = "Ngày " + in.start.date().vn() + (in.place.empty() ? "" : ", tại " + in.place) +
                  ", Chi bộ tổ chức sinh hoạt thường kỳ " + in.period + ". Đảng viên phải dự: " +
                  std::to_string(in.expected) + " đồng chí; có mặt: " + std::to_string(in.present) + " đồng chí (" +
                  percentOf(in.present, in.expected) + "); vắng: " + std::to_string(in.expected - in.present) +
                  " đồng chí. Thời gian sinh hoạt: từ " + clockPhrase(in.start);
  if (in.end) {
    long minutes = long((in.end->unix_seconds - in.start.unix_seconds) / 60);
    s += " đến " + clockPhrase(*in.end) + " (" + std::to_string(minutes) + " phút)";
  }
  s += ". Chủ trì: đồng chí " + in.chair + "; thư ký: đồng chí " + in.secretary + ".";
  if (!in.dues_status.empty()) s += " Đảng phí: " + in.dues_status + ".";
  return plainParagraph(s);
}

void evaluation(PartyDocument& d, const ResolutionInput& in) {
  d.body.push_back(Heading{"I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ KỲ TRƯỚC"});
  if (!in.previous_resolution.empty())
    d.body.push_back(plainParagraph("Kết quả thực hiện " + in.previous_resolution + " như sau:"));
  if (!in.previous_tasks.empty()) {
    Table t;
    t.header = {"STT", "Nhiệm vụ theo nghị quyết", "Kết quả thực hiện", "Đánh giá"};
    t.widths = {0.9, 3.4, 3.4, 1.6};
    t.align = {Align::centre, Align::left, Align::left, Align::centre};
    for (size_t i = 0; i < in.previous_tasks.size(); ++i) {
      const auto& r = in.previous_tasks[i];
      t.rows.push_back({std::to_string(i + 1), r.task, r.result, r.status});
    }
    d.body.push_back(t);
  }
  if (!in.strengths.empty()) {
    d.body.push_back(Heading{"1. Ưu điểm", 2});
    d.body.push_back(dashes(in.strengths));
  }
  if (!in.weaknesses.empty()) {
    d.body.push_back(Heading{in.strengths.empty() ? "1. Hạn chế, nguyên nhân" : "2. Hạn chế, nguyên nhân", 2});
    d.body.push_back(dashes(in.weaknesses));
  }
}

void assignments(PartyDocument& d, const ResolutionInput& in) {
  d.body.push_back(Heading{"III. PHÂN CÔNG VÀ TỔ CHỨC THỰC HIỆN"});
  if (!in.assignments.empty()) {
    Table t;
    t.header = {"STT", "Nhiệm vụ", "Người thực hiện", "Thời hạn"};
    t.widths = {0.9, 4.6, 2.4, 1.6};
    t.align = {Align::centre, Align::left, Align::left, Align::centre};
    for (size_t i = 0; i < in.assignments.size(); ++i) {
      const auto& a = in.assignments[i];
      t.rows.push_back({std::to_string(i + 1), a.task, a.assignee, a.due ? a.due->vn() : "Thường xuyên"});
    }
    d.body.push_back(t);
  }
  d.body.push_back(plainParagraph("Chi ủy chịu trách nhiệm triển khai, kiểm tra, đôn đốc thực hiện Nghị quyết; đảng viên "
                        "được phân công chủ động thực hiện và báo cáo kết quả tại kỳ sinh hoạt sau."));
}

}  // namespace

std::vector<std::string> defaultResolutionRecipients() {
  return {"Đảng ủy phường (b/c),", "Đồng chí đảng ủy viên phụ trách chi bộ,", "Các đoàn thể khu phố,",
          "Đảng viên trong chi bộ,", "Sổ tay đảng viên điện tử,", "Lưu chi bộ."};
}

Result<PartyDocument> buildResolution(const ResolutionInput& in) {
  if (auto st = validate(in); !st) return st.error();
  PartyDocument d = startDocument(in.heading, "NGHỊ QUYẾT", "Lãnh đạo thực hiện nhiệm vụ " + in.period);
  d.body.push_back(opening(in));
  d.body.push_back(plainParagraph("Sau khi thảo luận, Chi bộ thống nhất quyết nghị:"));
  evaluation(d, in);

  d.body.push_back(Heading{"II. PHƯƠNG HƯỚNG NHIỆM VỤ " + upperVn(in.period)});
  if (in.directions.empty()) d.body.push_back(plainParagraph("(Chưa ghi phương hướng.)"));
  else d.body.push_back(dashes(in.directions));

  assignments(d, in);

  d.body.push_back(Heading{"IV. TỰ ĐÁNH GIÁ CHẤT LƯỢNG KỲ SINH HOẠT"});
  std::string q = in.quality_rating.empty() ? "Chưa đánh giá." : "Chi bộ tự đánh giá kỳ sinh hoạt đạt chất lượng: " + in.quality_rating + ".";
  if (!in.quality_note.empty()) q += " " + in.quality_note;
  d.body.push_back(plainParagraph(q));

  Paragraph vote = plainParagraph("Nghị quyết được Chi bộ biểu quyết thông qua với " + voteSummary(in.vote) + ".");
  vote.runs.front().italic = true;
  d.body.push_back(vote);

  d.recipients = in.recipients.empty() ? defaultResolutionRecipients() : in.recipients;
  d.signatures = {in.signer};
  return d;
}

}  // namespace chibo
