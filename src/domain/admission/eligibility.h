#pragma once
// The checks of R-KN-2 (QĐ 24-QĐ/TW mục 1 and 3, now QĐ 294-QĐ/TW): the
// applicant's age in whole months on the chi bộ's consideration date, and who
// may introduce them. Pure: the use case gathers the facts from the store.
#include <optional>
#include <string>
#include <vector>

#include "domain/admission/admission_rules.h"
#include "domain/date.h"
#include "domain/ids.h"
#include "domain/result.h"

namespace chibo {

// Whole months from `birth` to `on` (a month counts once its day is reached;
// born on the 31st, the month is complete on the last day of a shorter month).
// Negative when `on` is before `birth`.
int ageInMonths(Date birth, Date on);

enum class AgeVerdict { ok, too_young, over_limit };
// too_young below min_age_months, over_limit above max_age_months (the
// provincial-level committee's route, R-KN-2), else ok.
AgeVerdict checkAge(const AdmissionRules&, Date birth, Date on);
// The Vietnamese explanation of a verdict that is not ok, naming the route.
std::string ageMessage(const AdmissionRules&, AgeVerdict, int months);

// How the applicant is introduced (giới thiệu).
enum class IntroductionRoute {
  two_members,  // hai đảng viên chính thức
  youth_union,  // nghị quyết giới thiệu của Ban Chấp hành Đoàn + một đảng viên chính thức
};
std::string_view toCode(IntroductionRoute);
std::optional<IntroductionRoute> introductionRouteFromCode(std::string_view);
std::string_view label(IntroductionRoute);

// What the store knows of one introducer on the introduction date.
struct IntroducerFacts {
  Id member_id = 0;
  std::string full_name;
  bool on_roll_of_cell = false;  // on the candidate's cell's roll that day
  bool official = false;         // standing official (not probationary) that day
  Date worked_since;             // "đã công tác cùng từ": declared by the introducer
};

struct Problem {
  std::string code;
  std::string message;  // Vietnamese
};

// The problems with one introducer on `on`: not in the cell, probationary,
// or fewer than introducer_min_months months working together.
std::vector<Problem> introducerProblems(const AdmissionRules&, const IntroducerFacts&, Date on);

// The problems with the introduction as a whole: the route's number of
// introducers (distinct), and the Đoàn resolution for the youth-union route.
std::vector<Problem> introductionProblems(const AdmissionRules&, IntroductionRoute, size_t introducers,
                                          bool has_youth_union_resolution);

}  // namespace chibo
