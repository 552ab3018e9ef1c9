#pragma once
// The demo data set: Đảng ủy phường Tân Định under the Thành ủy Thành phố Hồ
// Chí Minh, with 19 cells (9 residential khu phố, 10 agency cells), 640 members
// on the roll of which 102 serving (đương chức), roles, monitors and log-in
// accounts. Figures from the ward's own account (seed 000, 2009).
//
// Deterministic: the same seed and `today` give the same rows, byte for byte,
// except the password hash (libsodium salts it). Nothing reads the clock or
// std::random_device.
//
// The 640 rule. A member counts when, on `today`, a cell period in the ward's
// subtree covers the date (placementOn) and stateOn() says on_roll, i.e. no
// terminal status (chuyển đi, xóa tên, khai trừ, từ trần) has begun: exactly
// what GET /orgs/{ward}/members?at=today counts as "on_roll". That includes
// members away on temporary transfer (sinh hoạt tạm thời đi), incoming
// temporary members (sinh hoạt tạm thời đến) and exempt members. Two more
// member rows exist that are NOT counted: one deceased and one transferred out
// of the ward, both last year.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/scope.h"
#include "store/store.h"

namespace chibo {

// The password of every demo account.
inline constexpr const char* kDemoPassword = "chibo-demo";

struct DemoAccount {
  std::string username;     // e.g. "bithu.kp1"
  std::string password;     // kDemoPassword
  UserRole role = UserRole::member;
  std::string org_name;     // the org the grant is on
  std::string description;  // Vietnamese, names the linked member if any
};

struct DemoSummary {
  Id ward_id = 0;
  int cells = 0;    // cells under the ward
  int members = 0;  // on the ward's roll on `today` (the 640 rule above)
  int serving = 0;  // of those, serving members
  std::vector<DemoAccount> accounts;
};

// Writes the demo data set through `tx` (the caller commits). Expects a store
// without the demo's usernames: throws std::logic_error before writing anything
// if "admin" already exists. Store failures propagate as StoreError. Hashes the
// shared password once (~90 ms).
//
// Meeting history: two years of meetings for every cell up to `today`, and the
// next ones planned (see demo_meetings.cpp): attendance, speeches, resolutions
// numbered per term, tasks and their reviews, the ward's thematic plan, and
// locked minutes with their first version.
//
// Audit: one row per created org, member and account, action "demo.load",
// actor none (actor_username "system"), at `today` 07:00. The org's, member's or
// account's periods, terms, roles, monitor assignments, grants and meetings are
// part of that row's subject and get no row of their own.
//
// New members: six people in the pipeline of Chi bộ Khu phố 1 and 2 at
// different stages, one ceremony overdue (demo_admission.cpp); no audit rows.
//
// `with_admission`: also the new-member pipeline (below), through
// tx.admission(); `chibo demo` asks for it, the unit tests' fake store has no
// repositories and leaves it out.
DemoSummary loadDemo(WriteTx& tx, uint64_t seed, Date today, bool with_admission = false);

}  // namespace chibo
