// Wording for the demo's meeting history. Residential cells talk about the
// neighbourhood (khu phố), agency cells about their unit's work; both follow
// the topics real ward reports mention (vệ sinh môi trường, an ninh trật tự,
// quỹ vì người nghèo, chuyển đổi số, …).
#include <algorithm>

#include "app/demo/demo_history.h"
#include "domain/text/vn_text.h"

namespace chibo::demo {
namespace {

template <size_t N>
std::string pick(Rng& rng, const char* const (&pool)[N]) {
  return pool[rng.below(N)];
}

const char* const kResidentialSpeeches[] = {
    "Đề nghị tăng cường tổ tự quản, tuần tra an ninh trật tự ban đêm trong các hẻm.",
    "Phản ánh tình trạng đổ rác không đúng giờ ở đầu hẻm; đề nghị vận động các hộ ký cam kết.",
    "Báo cáo kết quả vận động quỹ vì người nghèo; đề nghị biểu dương các hộ đóng góp tích cực.",
    "Góp ý dự thảo nghị quyết: cần nêu rõ người chịu trách nhiệm từng nhiệm vụ.",
    "Đề nghị chi bộ quan tâm thăm hỏi gia đình chính sách, đảng viên cao tuổi đau ốm.",
    "Nêu ý kiến về việc lấn chiếm vỉa hè buôn bán; đề nghị phối hợp với công an phường.",
    "Đề nghị phổ biến kế hoạch phòng, chống sốt xuất huyết đến từng tổ dân phố.",
    "Tự phê bình vì tháng qua chưa tham gia đầy đủ hoạt động của Ban điều hành khu phố.",
    "Đề nghị hướng dẫn đảng viên cao tuổi cài đặt và sử dụng Sổ tay đảng viên điện tử.",
    "Báo cáo tình hình tư tưởng quần chúng trước việc chỉnh trang, mở rộng hẻm.",
    "Đề nghị giới thiệu quần chúng ưu tú trong Chi đoàn khu phố tham gia lớp nhận thức về Đảng.",
    "Góp ý về việc thu đảng phí qua Cổng dịch vụ công, đề nghị hỗ trợ các đồng chí chưa quen.",
};
const char* const kAgencySpeeches[] = {
    "Báo cáo tiến độ giải quyết hồ sơ hành chính; tỷ lệ đúng hạn đạt yêu cầu.",
    "Đề nghị đẩy mạnh chuyển đổi số, tiếp nhận hồ sơ trực tuyến toàn trình.",
    "Góp ý dự thảo nghị quyết: bổ sung chỉ tiêu về thực hành tiết kiệm, chống lãng phí.",
    "Tự phê bình vì còn để chậm một số văn bản trả lời công dân.",
    "Đề nghị tổ chức học tập chuyên đề năm cho toàn thể đảng viên và quần chúng trong đơn vị.",
    "Phản ánh tư tưởng cán bộ trước việc sắp xếp tổ chức bộ máy; đề nghị chi ủy nắm bắt kịp thời.",
    "Báo cáo kết quả thực hiện nhiệm vụ chuyên môn tháng và đề xuất giải pháp tháng tới.",
    "Đề nghị phát huy vai trò nêu gương của đảng viên trong thực hiện quy chế dân chủ cơ sở.",
    "Góp ý về công tác phát triển đảng viên trong đơn vị; đề nghị phân công đảng viên giúp đỡ quần chúng.",
    "Đề nghị kiện toàn tổ công tác tiếp dân, bố trí trực ngoài giờ hành chính.",
};
const char* const kResidentialTasks[] = {
    "Vận động các hộ dân tham gia ngày Chủ nhật xanh, tổng vệ sinh hẻm",
    "Phối hợp công an khu vực rà soát, nắm tình hình người tạm trú",
    "Vận động đóng góp quỹ vì người nghèo và quỹ đền ơn đáp nghĩa",
    "Thăm hỏi, tặng quà gia đình chính sách và đảng viên cao tuổi đau ốm",
    "Tuyên truyền phòng, chống cháy nổ tại các hộ kinh doanh",
    "Hướng dẫn đảng viên cài đặt, sử dụng Sổ tay đảng viên điện tử",
    "Vận động các hộ ký cam kết không lấn chiếm lòng lề đường",
    "Tổ chức diệt lăng quăng, phòng chống sốt xuất huyết",
    "Rà soát, đề nghị tặng Huy hiệu Đảng đợt 3/2 và 7/11",
    "Nắm tình hình tư tưởng quần chúng, báo cáo chi ủy",
    "Giúp đỡ quần chúng ưu tú hoàn thiện hồ sơ đề nghị kết nạp",
    "Thu đảng phí đầy đủ, hướng dẫn nộp qua Cổng dịch vụ công",
};
const char* const kAgencyTasks[] = {
    "Hoàn thành báo cáo chuyên môn tháng đúng hạn",
    "Rà soát thủ tục hành chính, đề xuất cắt giảm thời gian giải quyết",
    "Triển khai tiếp nhận hồ sơ trực tuyến toàn trình",
    "Tổ chức học tập, quán triệt nghị quyết mới cho đảng viên",
    "Kiểm tra việc thực hiện quy chế dân chủ tại đơn vị",
    "Xây dựng kế hoạch thực hành tiết kiệm, chống lãng phí",
    "Phân công đảng viên giúp đỡ quần chúng phấn đấu vào Đảng",
    "Cập nhật hồ sơ đảng viên trên phần mềm quản lý",
    "Chuẩn bị nội dung sinh hoạt chuyên đề quý",
    "Tổng hợp ý kiến góp ý dự thảo văn kiện của cấp trên",
};
const char* const kWardTopics[] = {
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phong cách quần chúng, dân chủ, nêu gương",
    "Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "Nâng cao vai trò nêu gương của đảng viên nơi cư trú theo Quy định 213-QĐ/TW",
    "Thực hành tiết kiệm, chống lãng phí trong cơ quan và cộng đồng dân cư",
    "Phát huy dân chủ ở cơ sở, xây dựng khu phố văn minh, an toàn",
    "Chuyển đổi số trong công tác đảng và Sổ tay đảng viên điện tử",
    "Xây dựng, chỉnh đốn Đảng; ngăn chặn suy thoái tư tưởng chính trị, tự diễn biến, tự chuyển hóa",
    "Tăng cường khối đại đoàn kết toàn dân tộc ở khu dân cư",
};
const char* const kOwnTopics[] = {
    "Vai trò của đảng viên trong giữ gìn vệ sinh môi trường khu phố",
    "Đảng viên gương mẫu thực hiện nếp sống văn minh đô thị",
    "Công tác phát triển đảng viên ở khu dân cư",
    "Nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "Giữ gìn đoàn kết nội bộ, thực hiện tốt quy chế làm việc của chi bộ",
};
const char* const kFamily[] = {"Có việc gia đình đột xuất", "Đưa người nhà đi khám bệnh", "Đám giỗ ở quê"};
const char* const kOther[] = {"Chăm sóc cháu nhỏ", "Trực bảo vệ tại tổ dân phố", "Tham gia đoàn công tác của phường"};
const char* const kConclusions[] = {
    "Chủ trì kết luận: chi bộ thống nhất đánh giá kết quả tháng qua, tập trung lãnh đạo các nhiệm vụ trọng tâm tháng tới; "
    "phân công cụ thể, có thời hạn.",
    "Chủ trì kết luận: các ý kiến phát biểu thẳng thắn, đúng trọng tâm; chi ủy tiếp thu, hoàn chỉnh nghị quyết và tổ chức "
    "thực hiện.",
    "Chủ trì kết luận: đề nghị mỗi đảng viên nêu cao tinh thần trách nhiệm, hoàn thành nhiệm vụ được giao.",
};

}  // namespace

std::string speechSummary(Rng& rng, bool agency) {
  return agency ? pick(rng, kAgencySpeeches) : pick(rng, kResidentialSpeeches);
}
std::string taskDescription(Rng& rng, bool agency) {
  return agency ? pick(rng, kAgencyTasks) : pick(rng, kResidentialTasks);
}

TargetDraft targetDraft(Rng& rng, bool agency) {
  if (agency) {
    switch (rng.below(3)) {
      case 0: return {"Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 98};
      case 1: return {"Đảng viên tham gia học tập nghị quyết", "%", 100};
      default: return {"Văn bản trả lời đúng hạn", "%", 95};
    }
  }
  switch (rng.below(4)) {
    case 0: return {"Hộ dân ký cam kết giữ vệ sinh", "hộ", double(rng.between(8, 20) * 5)};
    case 1: return {"Vận động quỹ vì người nghèo", "triệu đồng", double(rng.between(5, 20))};
    case 2: return {"Đảng viên đóng đảng phí đúng hạn", "%", 100};
    default: return {"Gia đình chính sách được thăm hỏi", "hộ", double(rng.between(3, 8))};
  }
}

std::string wardTopic(int year, int quarter) {
  constexpr size_t n = sizeof kWardTopics / sizeof kWardTopics[0];
  return kWardTopics[(static_cast<size_t>(year) * 4 + static_cast<size_t>(quarter)) % n];
}

std::string ownTopic(Rng& rng, bool agency) {
  (void)agency;
  return pick(rng, kOwnTopics);
}

std::string absenceText(Rng& rng, AbsenceReason why) {
  switch (why) {
    case AbsenceReason::illness: return rng.chance(30) ? "Nằm viện" : "Ốm, điều trị tại nhà";
    case AbsenceReason::work: return rng.chance(50) ? "Đi công tác" : "Trực ca tại cơ quan";
    case AbsenceReason::family: return pick(rng, kFamily);
    case AbsenceReason::travel: return "Về quê";
    case AbsenceReason::study: return "Học lớp trung cấp lý luận chính trị";
    case AbsenceReason::other: return pick(rng, kOther);
  }
  return "";
}

std::string reviewNote(Rng& rng, TaskStatus outcome) {
  switch (outcome) {
    case TaskStatus::done: return rng.chance(70) ? "Hoàn thành đúng hạn." : "Đã hoàn thành, kết quả tốt.";
    case TaskStatus::late: return "Chậm tiến độ do thời tiết và lực lượng tham gia còn mỏng.";
    case TaskStatus::carried_over: return "Chuyển sang tháng sau, chờ phối hợp với Ban điều hành khu phố.";
    case TaskStatus::dropped: return "Không còn phù hợp; chi bộ thống nhất dừng thực hiện.";
    case TaskStatus::open: break;
  }
  return "";
}

std::string conclusionText(Rng& rng, bool agency) {
  (void)agency;
  return pick(rng, kConclusions);
}

std::string placeOf(const DemoCell& c, const Org& org) {
  if (c.agency) return "Phòng họp " + c.workplace;
  return "Nhà văn hóa " + org.name.substr(std::string("Chi bộ ").size());
}

std::vector<RollSource> rollSources(const DemoWorld& w, OrgIx cell) {
  std::vector<RollSource> out;
  for (MemberIx i = 0; i < w.members.size(); ++i) {
    const DemoMember& dm = w.members[i];
    RollSource src{i, vietnameseNameSortKey(dm.member.full_name), {}, {}};
    for (const auto& p : dm.placements)
      if (p.cell == cell) src.placements.push_back({0, dm.member.id, 0, std::nullopt, p.from, p.to, p.note});
    if (src.placements.empty()) continue;
    for (const auto& s : dm.statuses) src.statuses.push_back({0, dm.member.id, s.kind, s.from, s.to, s.note});
    out.push_back(std::move(src));
  }
  // The server's roll order (Vietnamese names, then id), fixed once: names do not change.
  std::sort(out.begin(), out.end(), [&](const RollSource& a, const RollSource& b) {
    return a.sort_key != b.sort_key ? a.sort_key < b.sort_key : w.members[a.ix].member.id < w.members[b.ix].member.id;
  });
  return out;
}

std::vector<RosterEntry> rollOn(const DemoWorld& w, const std::vector<RollSource>& sources, Date at) {
  std::vector<RosterEntry> out;
  for (const auto& src : sources) {
    auto place = placementOn(src.placements, at);
    if (!place) continue;
    const Member& m = w.members[src.ix].member;
    RosterEntry e{m, *place, stateOn(m, src.statuses, at)};
    if (e.state.on_roll) out.push_back(std::move(e));
  }
  return out;
}

}  // namespace chibo::demo
