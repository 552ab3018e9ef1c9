#pragma once
// Synthetic data sets of growing size for the benchmarks (chibo demo --scale):
// a ward (~640 members), a province (~250,000 members in 60 wards) and the
// nation (5.6 million members in ~300,000 cells), each with three years of
// monthly cell meetings and their attendance.
//
// The tree is central committee -> provinces -> wards -> cells (-> tổ đảng in
// cells of 40 members or more). Every member has one open cell period (a few
// also an older one in another cell of the ward, closed before the meeting
// history starts), a standing (probationary then official) and, for a few, an
// overlay status (exempt, temporarily away) that keeps them off the roll.
//
// Deterministic: the same spec, seed and `today` give the same rows, byte for
// byte, except the password hash the caller passes in. Each cell draws from its
// own random stream (seeded by seed and its global index), so the rows of one
// cell do not depend on how many cells came before it.
//
// Rows are streamed into a BulkLoader cell by cell; memory stays flat whatever
// the scale.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/ids.h"
#include "store/bulk.h"

namespace chibo::scale {

struct ScaleSpec {
  std::string name;            // "ward", "province", "national", or a test's own
  int provinces = 1;
  int wards_per_province = 1;
  int cells_per_ward = 19;
  int64_t members = 640;       // exactly this many members, spread over the cells
  int months = 36;             // monthly meetings per cell, the last one in the current month
  int agenda_months = 3;       // meetings of the last N months get their full agenda
};

// The three named scales; none for an unknown name.
std::optional<ScaleSpec> specByName(std::string_view name);

struct ScaleAccount {
  std::string username;
  std::string role;            // admin | committee | cell
  Id org_id = 0;
  std::string description;
};

struct ScaleSummary {
  int64_t orgs = 0, cells = 0, wards = 0, members = 0, meetings = 0, attendance_rows = 0, rows = 0;
  Id first_ward_id = 0;
  std::vector<ScaleAccount> accounts;  // the first few (admin, first province and ward, first cell)
  int64_t accounts_total = 0;
};

// The password every synthetic account shares (like the demo's).
inline constexpr const char* kScalePassword = "chibo-demo";

// Streams the whole data set into `out` (the caller calls out.finish()).
// `password_hash` is stored for every account (hash once: ~90 ms each).
ScaleSummary generate(BulkLoader& out, const ScaleSpec& spec, uint64_t seed, Date today,
                      const std::string& password_hash);

}  // namespace chibo::scale
