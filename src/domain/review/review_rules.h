#pragma once
// The year-end classification rules as data (QĐ 366-QĐ/TW ngày 30/8/2025,
// HD 43-HD/BTCTW ngày 31/10/2025), chosen by the reviewed year's last day.
// Every value carries its source: the party members' quota on "hoàn thành
// xuất sắc" is not confirmed by a document for party members, so it is a
// setting a committee may change, not a constant (QĐ 366-QĐ/TW, HD 43-HD/BTCTW).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/rules/cited.h"

namespace chibo {

// What the "xuất sắc" quota is a share of.
enum class QuotaBasis {
  good,      // of those classified "hoàn thành tốt nhiệm vụ" (the civil-service rule, NĐ 335/2025)
  reviewed,  // of everyone classified in the round
};

struct ReviewRules {
  std::string id;               // the file's id, e.g. "evaluation-qd366-2025"
  std::string name;
  std::string issuer_document;
  int version = 1;
  Date effective_from;
  std::optional<Date> effective_to;
  // Point bands on the 100-point scale: a level needs at least its floor.
  Cited<int> excellent_min_points;  // 90
  Cited<int> good_min_points;       // 70
  Cited<int> done_min_points;       // 50
  // The share of "xuất sắc" allowed, in percent of `quota_basis`; 0 = no quota.
  Cited<int> excellent_quota_percent;
  Cited<QuotaBasis> quota_basis;
  // Conditions beside the points (1 = checked from the record, 0 = not checked).
  Cited<int> excellent_needs_all_tasks_on_time;  // 100% of tasks on time
  Cited<int> good_needs_all_tasks_on_time;       // 100% of tasks on time
  // An organisation "hoàn thành nhiệm vụ" has at most this share of its tasks late.
  Cited<int> collective_done_max_late_percent;   // 20
  // An organisation "hoàn thành xuất sắc" has no member "không hoàn thành nhiệm vụ".
  Cited<int> collective_excellent_no_failing_member;
};

// The rules in force on `day` (ruleSetInForce); none when no set covers it.
const ReviewRules* reviewRulesOn(const std::vector<ReviewRules>& all, Date day);

std::string_view toCode(QuotaBasis);
std::optional<QuotaBasis> quotaBasisFromCode(std::string_view);

}  // namespace chibo
