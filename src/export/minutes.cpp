#include "export/minutes.h"

#include "export/text.h"

namespace chibo {
namespace {

Status validate(const MinutesInput& in) {
  Validator v;
  if (trimAscii(in.chair.name).empty()) v.add("chair.name", "required", "Chưa ghi người chủ trì.");
  if (trimAscii(in.secretary.name).empty()) v.add("secretary.name", "required", "Chưa ghi thư ký.");
  const auto& c = in.counts;
  if (c.official < 0 || c.probationary < 0 || c.temp_in < 0 || c.exempt < 0 || c.temp_out < 0 || c.expected < 0 ||
      c.present < 0) {
    v.add("counts", "negative", "Số liệu đảng viên không được âm.");
  } else if (c.present > c.expected) {
    v.add("counts.present", "exceeds_expected", "Số có mặt lớn hơn số đảng viên phải dự.");
  } else if (c.present + int(in.absent_with_reason.size()) + int(in.absent_without_reason.size()) != c.expected) {
    // Every member who had to attend is either present or named as absent.
    v.add("counts.present", "attendance_mismatch",
          "Số có mặt cộng số vắng (có và không có lý do) phải bằng số đảng viên phải dự.");
  }
  for (size_t i = 0; i < in.absent_with_reason.size(); ++i) {
    const auto& a = in.absent_with_reason[i];
    std::string f = "absent_with_reason[" + std::to_string(i) + "]";
    if (trimAscii(a.name).empty()) v.add(f + ".name", "required", "Chưa ghi tên đảng viên vắng.");
    if (trimAscii(a.reason).empty()) v.add(f + ".reason", "required", "Chưa ghi lý do vắng.");
  }
  for (size_t i = 0; i < in.absent_without_reason.size(); ++i)
    if (trimAscii(in.absent_without_reason[i]).empty())
      v.add("absent_without_reason[" + std::to_string(i) + "]", "required", "Chưa ghi tên đảng viên vắng.");
  if (in.end && *in.end < in.start) v.add("end", "before_start", "Giờ kết thúc trước giờ bắt đầu.");
  if (in.vote) checkVote(v, "vote", *in.vote);
  if (!v.ok()) return v.error();
  return okStatus();
}

std::vector<TextRun> item(std::string label, std::string value) {
  return {{std::move(label), true, false}, {std::move(value), false, false}};
}

// Section I: when, where, who, and the cell's numbers.
void attendance(PartyDocument& d, const MinutesInput& in) {
  d.body.push_back(Heading{"I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN"});
  BulletList who;
  who.items.push_back(item("Thời gian: ", "bắt đầu lúc " + clockPhrase(in.start) + ", ngày " + in.start.date().vn() + "."));
  if (!in.place.empty()) who.items.push_back(item("Địa điểm: ", endSentence(in.place)));
  who.items.push_back(item("Chủ trì: ", comrade(in.chair) + "."));
  who.items.push_back(item("Thư ký: ", comrade(in.secretary) + "."));
  if (!in.guests.empty()) {
    std::string g;
    for (const auto& p : in.guests) g += (g.empty() ? "" : "; ") + comrade(p);
    who.items.push_back(item("Khách mời: ", g + "."));
  }
  d.body.push_back(who);

  const auto& c = in.counts;
  BulletList nums;
  nums.items.push_back(item("Tổng số đảng viên của Chi bộ: ",
                            std::to_string(c.official + c.probationary) + " đồng chí (chính thức: " +
                                std::to_string(c.official) + ", dự bị: " + std::to_string(c.probationary) + ")."));
  nums.items.push_back(item("Đảng viên sinh hoạt tạm thời đến: ", std::to_string(c.temp_in) + " đồng chí."));
  nums.items.push_back(item("Miễn công tác và sinh hoạt đảng: ", std::to_string(c.exempt) + " đồng chí."));
  nums.items.push_back(item("Đi sinh hoạt tạm thời nơi khác: ", std::to_string(c.temp_out) + " đồng chí."));
  nums.items.push_back(item("Đảng viên phải dự sinh hoạt: ", std::to_string(c.expected) + " đồng chí; có mặt: " +
                                                              std::to_string(c.present) + " đồng chí (" +
                                                              percentOf(c.present, c.expected) + ")."));
  std::string withReason = std::to_string(in.absent_with_reason.size()) + " đồng chí";
  nums.items.push_back(item("Vắng có lý do: ", withReason + (in.absent_with_reason.empty() ? "." : ":")));
  d.body.push_back(nums);
  if (!in.absent_with_reason.empty()) {
    BulletList who_absent;
    who_absent.marker = "+";
    who_absent.level = 1;
    for (const auto& a : in.absent_with_reason)
      who_absent.items.push_back({{endSentence("Đồng chí " + a.name + ": " + a.reason), false, false}});
    d.body.push_back(who_absent);
  }
  BulletList rest;
  std::string without = std::to_string(in.absent_without_reason.size()) + " đồng chí";
  if (!in.absent_without_reason.empty()) {
    without += " (";
    for (size_t i = 0; i < in.absent_without_reason.size(); ++i)
      without += (i ? ", " : "") + std::string("đồng chí ") + in.absent_without_reason[i];
    without += ")";
  }
  rest.items.push_back(item("Vắng không có lý do: ", without + "."));
  if (!in.dues_status.empty()) rest.items.push_back(item("Đảng phí: ", endSentence(in.dues_status)));
  d.body.push_back(rest);
}

// Sections II and III: the programme, then what was said under each item.
void proceedings(PartyDocument& d, const MinutesInput& in) {
  d.body.push_back(Heading{"II. NỘI DUNG SINH HOẠT"});
  BulletList programme;
  for (size_t i = 0; i < in.agenda.size(); ++i)
    programme.items.push_back({{std::to_string(i + 1) + ". " + in.agenda[i].title, false, false}});
  programme.marker = "";
  if (programme.items.empty()) d.body.push_back(plainParagraph("(Không ghi nội dung.)"));
  else d.body.push_back(programme);

  d.body.push_back(Heading{"III. DIỄN BIẾN SINH HOẠT"});
  for (size_t i = 0; i < in.agenda.size(); ++i) {
    const auto& a = in.agenda[i];
    d.body.push_back(Heading{std::to_string(i + 1) + ". " + a.title, 2});
    bool recorded = false;
    if (!a.content.empty() || !a.presenter.empty()) {
      std::string who = a.presenter.empty() ? "" : "Đồng chí " + a.presenter + " trình bày: ";
      // Notes written over several lines keep their lines.
      size_t start = 0;
      bool first = true;
      while (start <= a.content.size()) {
        size_t nl = a.content.find('\n', start);
        const std::string raw = a.content.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        const std::string line(trimAscii(raw));
        if (!line.empty() || (first && !who.empty())) d.body.push_back(plainParagraph((first ? who : "") + line));
        if (!line.empty()) first = false;
        if (nl == std::string::npos) break;
        start = nl + 1;
      }
      recorded = true;
    }
    if (!a.records.empty()) {
      BulletList recs;
      for (const auto& r : a.records) recs.items.push_back({{endSentence(r), false, false}});
      d.body.push_back(recs);
      recorded = true;
    }
    if (!a.discussion.empty()) {
      Paragraph label = plainParagraph("Ý kiến thảo luận (theo thứ tự phát biểu):");
      label.runs.front().italic = true;
      d.body.push_back(label);
      BulletList notes;
      for (const auto& n : a.discussion) notes.items.push_back(item("Đồng chí " + n.name + ": ", n.summary));
      d.body.push_back(notes);
      recorded = true;
    }
    if (!a.conclusion.empty()) {
      d.body.push_back(labelledParagraph("Chủ trì kết luận: ", a.conclusion));
      recorded = true;
    }
    if (!recorded) {
      Paragraph none = plainParagraph("Không ghi nhận nội dung ở bước này.");
      none.runs.front().italic = true;
      d.body.push_back(none);
    }
  }
}

}  // namespace

Result<PartyDocument> buildMinutes(const MinutesInput& in) {
  if (auto st = validate(in); !st) return st.error();
  PartyDocument d = startDocument(in.heading, "BIÊN BẢN", in.title);
  attendance(d, in);
  proceedings(d, in);

  d.body.push_back(Heading{"IV. KẾT LUẬN CỦA CHỦ TRÌ"});
  d.body.push_back(plainParagraph(in.conclusion.empty() ? "Chủ trì chưa ghi kết luận chung." : in.conclusion));

  int next = 5;
  if (in.vote) {
    d.body.push_back(Heading{"V. BIỂU QUYẾT"});
    d.body.push_back(labelledParagraph("Biểu quyết " + in.vote_subject + ": ", voteSummary(*in.vote) + "."));
    std::string rule;
    if (!in.vote_rule.empty()) rule = "Quy tắc biểu quyết: " + in.vote_rule;
    if (in.vote_passed)
      rule += std::string(rule.empty() ? "Kết quả: " : "; kết quả: ") + (*in.vote_passed ? "thông qua" : "không thông qua");
    if (!rule.empty()) d.body.push_back(plainParagraph(rule + "."));
    next = 6;
  }

  static const char* kRoman[] = {"", "I", "II", "III", "IV", "V", "VI"};
  d.body.push_back(Heading{std::string(kRoman[next]) + ". KẾT THÚC"});
  std::string close = "Buổi sinh hoạt kết thúc lúc ";
  if (in.end) {
    close += clockPhrase(*in.end);
    close += in.end->date() == in.start.date() ? " cùng ngày." : ", ngày " + in.end->date().vn() + ".";
  } else {
    close += "…… giờ …… phút cùng ngày.";
  }
  d.body.push_back(plainParagraph(close));
  if (in.read_back)
    d.body.push_back(plainParagraph("Biên bản đã được đọc lại cho Chi bộ nghe; các đồng chí dự sinh hoạt nhất trí với nội dung biên bản."));

  d.signatures = {{"", "THƯ KÝ", in.secretary.name}, {"", "CHỦ TRÌ", in.chair.name}};
  return d;
}

}  // namespace chibo
