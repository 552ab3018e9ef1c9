#include "domain/admission/eligibility.h"

namespace chibo {

int ageInMonths(Date birth, Date on) {
  if (on < birth) return -1;
  int months = (on.year() - birth.year()) * 12 + int(on.month()) - int(birth.month());
  // The month is complete when the birth day is reached, or when `on` is the
  // last day of a month shorter than the birth day.
  bool reached = on.day() >= birth.day() || on.addDays(1).day() == 1;
  if (!reached) --months;
  return months;
}

AgeVerdict checkAge(const AdmissionRules& r, Date birth, Date on) {
  int m = ageInMonths(birth, on);
  if (m < r.min_age_months.value) return AgeVerdict::too_young;
  if (m > r.max_age_months.value) return AgeVerdict::over_limit;
  return AgeVerdict::ok;
}

namespace {
std::string yearsMonths(int months) {
  std::string s = std::to_string(months / 12) + " tuổi";
  if (months % 12) s += " " + std::to_string(months % 12) + " tháng";
  return s;
}
}  // namespace

std::string ageMessage(const AdmissionRules& r, AgeVerdict v, int months) {
  if (v == AgeVerdict::too_young)
    return "Người xin vào Đảng mới " + yearsMonths(months) + " vào ngày chi bộ xét, chưa đủ " +
           yearsMonths(r.min_age_months.value) + " (tính theo tháng).";
  if (v == AgeVerdict::over_limit)
    return "Người xin vào Đảng đã " + yearsMonths(months) + " vào ngày chi bộ xét, quá " +
           yearsMonths(r.max_age_months.value) +
           ": phải được cấp ủy trực thuộc Trung ương (tỉnh ủy, thành ủy) xem xét, quyết định; ghi số văn bản đồng ý của cấp ủy đó.";
  return "";
}

std::string_view toCode(IntroductionRoute r) { return r == IntroductionRoute::youth_union ? "youth_union" : "two_members"; }

std::optional<IntroductionRoute> introductionRouteFromCode(std::string_view s) {
  if (s == "two_members") return IntroductionRoute::two_members;
  if (s == "youth_union") return IntroductionRoute::youth_union;
  return std::nullopt;
}

std::string_view label(IntroductionRoute r) {
  return r == IntroductionRoute::youth_union ? "Nghị quyết giới thiệu của Đoàn và một đảng viên chính thức"
                                             : "Hai đảng viên chính thức giới thiệu";
}

std::vector<Problem> introducerProblems(const AdmissionRules& r, const IntroducerFacts& f, Date on) {
  std::vector<Problem> out;
  const std::string who = "Đồng chí " + f.full_name;
  if (!f.on_roll_of_cell)
    out.push_back({"introducer_not_in_cell", who + " không sinh hoạt ở chi bộ của người xin vào Đảng vào ngày " + on.vn() + "."});
  else if (!f.official)
    out.push_back({"introducer_not_official", who + " chưa là đảng viên chính thức nên không được giới thiệu người vào Đảng."});
  if (f.worked_since > on.addMonths(-r.introducer_min_months.value))
    out.push_back({"introducer_too_recent", who + " mới công tác cùng người xin vào Đảng từ ngày " + f.worked_since.vn() +
                                                ", chưa đủ " + std::to_string(r.introducer_min_months.value) +
                                                " tháng (đến ngày " + on.vn() + ")."});
  return out;
}

std::vector<Problem> introductionProblems(const AdmissionRules& r, IntroductionRoute route, size_t introducers,
                                          bool has_youth_union_resolution) {
  std::vector<Problem> out;
  size_t need = size_t(route == IntroductionRoute::youth_union ? r.youth_union_introducers.value
                                                              : r.introducers_required.value);
  if (introducers != need)
    out.push_back({"introducer_count", std::string(label(route)) + ": cần đúng " + std::to_string(need) +
                                           " đảng viên chính thức giới thiệu (đang có " + std::to_string(introducers) +
                                           ")."});
  if (route == IntroductionRoute::youth_union && !has_youth_union_resolution)
    out.push_back({"youth_union_resolution_required", "Thiếu số, ngày nghị quyết giới thiệu của Ban Chấp hành Đoàn."});
  return out;
}

}  // namespace chibo
