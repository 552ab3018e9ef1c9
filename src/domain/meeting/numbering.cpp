#include "domain/meeting/numbering.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "domain/meeting/enum_table.h"

namespace chibo {
namespace {
using detail::EnumRow;
constexpr std::array<EnumRow<DocType>, 7> kTypes{{
    {DocType::resolution, "resolution", "Nghị quyết"},
    {DocType::minutes, "minutes", "Biên bản"},
    {DocType::conclusion, "conclusion", "Kết luận"},
    {DocType::report, "report", "Báo cáo"},
    {DocType::plan, "plan", "Kế hoạch"},
    {DocType::notice, "notice", "Thông báo"},
    {DocType::decision, "decision", "Quyết định"},
}};
}  // namespace

std::string_view toCode(DocType t) { return detail::enumCode(kTypes, t); }
std::optional<DocType> docTypeFromCode(std::string_view c) { return detail::enumFromCode(kTypes, c); }
std::string_view label(DocType t) { return detail::enumLabel(kTypes, t); }

std::string_view docSymbol(DocType t) {
  switch (t) {
    case DocType::resolution: return "NQ";
    case DocType::minutes: return "BB";
    case DocType::conclusion: return "KL";
    case DocType::report: return "BC";
    case DocType::plan: return "KH";
    case DocType::notice: return "TB";
    case DocType::decision: return "QĐ";
  }
  return "";
}

int nextNumber(const std::vector<int>& existing) {
  int high = 0;
  for (int n : existing) high = std::max(high, n);
  return high + 1;
}

std::string formatNumber(int n, DocType type, std::string_view issuer) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return "Số " + std::string(buf) + "-" + std::string(docSymbol(type)) + "/" + std::string(issuer);
}

Status validateNumber(const std::vector<int>& existing, int proposed) {
  if (std::find(existing.begin(), existing.end(), proposed) != existing.end())
    return Error::conflict("duplicate_number", "Số văn bản " + std::to_string(proposed) + " đã được cấp.");
  Validator v;
  if (proposed < 1) {
    v.add("number", "out_of_range", "Số văn bản phải từ 01 trở lên.");
  } else if (int next = nextNumber(existing); proposed != next) {
    v.add("number", "number_gap",
          "Số văn bản phải liên tục: số tiếp theo là " + std::to_string(next) + ".");
  }
  if (!v.ok()) return v.error();
  return okStatus();
}

SequenceProblems auditSequence(const std::vector<int>& existing) {
  std::map<int, int> count;
  for (int n : existing) ++count[n];
  SequenceProblems p;
  for (auto [n, c] : count)
    if (c > 1) p.duplicates.push_back(n);
  int high = count.empty() ? 0 : count.rbegin()->first;
  for (int n = 1; n <= high; ++n)
    if (!count.count(n)) p.missing.push_back(n);
  return p;
}

}  // namespace chibo
