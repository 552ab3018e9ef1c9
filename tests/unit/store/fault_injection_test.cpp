// Storage faults under real use cases, in the manner of LevelDB's
// fault_injection_test: the SQLite store runs on a VFS that fails the Nth
// write, the Nth sync, or fills the disk (support/fault_vfs.h), and each test
// shows that the use case fails with a clear error, that nothing of it is
// half-written (its rows and its audit row appear together or not at all, in
// the running process and after a restart), and that the next write works.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <string>

#include "app/demo/demo.h"
#include "app/meetings/live.h"
#include "app/meetings/lock.h"
#include "app/meetings/meetings.h"
#include "app/members/members.h"
#include "app/principal.h"
#include "store/store.h"
#include "support/fault_vfs.h"

namespace chibo {
namespace {

namespace fs = std::filesystem;
using testing::FaultVfs;

const Date kToday = *Date::fromYmd(2026, 11, 22);

// What a use case left in the store, compared before and after a fault.
struct Footprint {
  int64_t audit_rows = 0;
  int64_t members = 0;
  std::string meeting_status;
  int64_t meeting_versions = 0;
  std::string attendance;
  bool operator==(const Footprint&) const = default;
};

class FaultInjectionTest : public ::testing::Test {
 protected:
  // The demo ward, written once without faults; each test starts from a copy.
  static void SetUpTestSuite() {
    char t[] = "/tmp/chibo-fault-XXXXXX";
    template_dir_ = mkdtemp(t);
    auto store = openSqliteStore({template_dir_ + "/t.db", true, 1});
    auto tx = store->write();
    loadDemo(*tx, 20260101, kToday);
    tx->commit();
  }
  static void TearDownTestSuite() { fs::remove_all(template_dir_); }

  void SetUp() override {
    char t[] = "/tmp/chibo-fault-XXXXXX";
    dir_ = mkdtemp(t);
    for (const char* suffix : {"", "-wal"})
      if (fs::exists(template_dir_ + "/t.db" + suffix))
        fs::copy_file(template_dir_ + "/t.db" + suffix, dir_ + "/t.db" + suffix);
    vfs_.install();
    reopen();
    auto rtx = store_->read();
    auto admin = rtx->userByUsername("admin");
    ASSERT_TRUE(admin);
    auto p = loadPrincipal(*rtx, admin->id, kToday);
    ASSERT_TRUE(p);
    caller_ = {*p, DateTime{kToday.days() * int64_t(86400) + 10 * 3600}};
    // A meeting held within the last three days whose minutes are complete
    // enough to lock, in any cell. (The store has one read connection: the
    // candidates are listed first, then read through the use case.)
    std::vector<std::pair<Id, Id>> held;  // (meeting, org)
    for (Id org = 1; org < 200; ++org)
      for (const auto& m : rtx->meetingsOfOrg(org, std::nullopt, std::nullopt))
        if (m.meeting.status == MeetingStatus::held) held.push_back({m.meeting.id, org});
    rtx.reset();
    for (auto [id, org] : held) {
      auto v = getMeeting(*store_, caller_, id);
      if (!v || !v->completeness.complete()) continue;
      meeting_ = id;
      cell_ = org;
      break;
    }
    ASSERT_NE(meeting_, 0) << "the demo has a held meeting to lock";
    auto org = store_->read()->org(cell_);
    ASSERT_TRUE(org);
    cell_path_ = org->path;
  }
  void TearDown() override {
    store_.reset();
    vfs_.uninstall();
    fs::remove_all(dir_);
  }

  // A restart: the store closed and opened again from the files on disk.
  void reopen() {
    store_.reset();
    store_ = openSqliteStore({dir_ + "/t.db", false, 1});
  }

  Footprint footprint() {
    auto rtx = store_->read();
    Footprint f;
    f.audit_rows = rtx->auditCount({"/", std::nullopt, std::nullopt, 1, 0});
    f.members = int64_t(rtx->rosterCandidates(cell_path_, kToday).size());
    auto m = rtx->meeting(meeting_);
    f.meeting_status = m ? std::to_string(int(m->meeting.status)) : "none";
    f.meeting_versions = int64_t(rtx->meetingVersions(meeting_).size());
    for (const auto& a : rtx->attendance(meeting_))
      f.attendance += std::to_string(a.mark.member_id) + ":" + std::to_string(int(a.mark.status)) + ";";
    return f;
  }

  MemberFields newMember(int n) {
    MemberFields f;
    f.full_name = "Phạm Thị Lỗi " + std::to_string(n);
    f.birth_date = "1980-05-0" + std::to_string(1 + n % 9);
    f.gender = "female";
    f.cell_id = cell_;
    f.joined_on = "2020-01-01";
    return f;
  }

  // A roll that differs from the stored one: its first member marked late
  // (or present, if already late); the whole roll is replaced by it.
  std::vector<AttendanceItemInput> changedRoll() {
    auto rtx = store_->read();
    std::vector<AttendanceItemInput> items;
    for (const auto& a : rtx->attendance(meeting_)) {
      bool late = a.mark.status == AttendanceStatus::late;
      items.push_back({a.mark.member_id, late ? "present" : "late", std::nullopt, std::nullopt});
      break;
    }
    return items;
  }

  // Runs `op` with a fault armed by `arm(n)` for n = 1, 2, … until the
  // operation succeeds untouched by the fault. Each failure must be a clear
  // StoreError and leave the footprint as it was, before and after a restart;
  // the success must change it. Returns how many runs failed.
  int failEachStepUntilDone(const std::function<void(int)>& arm, const std::function<bool()>& op,
                            const std::string& what) {
    const Footprint before = footprint();
    for (int n = 1; n < 400; ++n) {
      SCOPED_TRACE(what + ", fault at step " + std::to_string(n));
      arm(n);
      int injected = vfs_.faultsInjected();
      std::string error;
      bool ok = false;
      try {
        ok = op();
      } catch (const StoreError& e) {
        error = e.what();
      }
      bool faulted = vfs_.faultsInjected() > injected;
      vfs_.clear();
      if (!faulted) {
        EXPECT_TRUE(ok) << "no fault was injected, the operation must succeed";
        EXPECT_FALSE(footprint() == before) << "the successful operation left no trace";
        return n - 1;
      }
      if (ok) {  // a fault after the commit point (a checkpoint's write): the work is whole
        EXPECT_FALSE(footprint() == before);
        return n - 1;
      }
      EXPECT_FALSE(error.empty()) << "a failed write must say why";
      EXPECT_EQ(footprint(), before) << "nothing half-written in the running process";
      reopen();
      EXPECT_EQ(footprint(), before) << "nothing half-written after a restart";
    }
    ADD_FAILURE() << what << " never completed";
    return -1;
  }

  static inline std::string template_dir_;
  std::string dir_;
  FaultVfs vfs_;
  std::unique_ptr<Store> store_;
  Caller caller_;
  Id cell_ = 0, meeting_ = 0;
  std::string cell_path_;
};

TEST_F(FaultInjectionTest, WriteFailsMidTransaction_NothingHalfWritten) {
  int run = 0;
  int failed = failEachStepUntilDone([&](int n) { vfs_.failWrite(n); },
                                     [&] { return createMember(*store_, caller_, newMember(++run)).ok(); },
                                     "create a member");
  EXPECT_GE(failed, 1) << "the fault must have hit at least one write of the transaction";
}

TEST_F(FaultInjectionTest, WriteFailsMidTransaction_AttendanceStaysWhole) {
  auto items = changedRoll();
  ASSERT_FALSE(items.empty());
  EXPECT_GE(failEachStepUntilDone([&](int n) { vfs_.failWrite(n); },
                                  [&] { return recordAttendance(*store_, caller_, meeting_, items).ok(); },
                                  "record attendance"),
            1);
}

TEST_F(FaultInjectionTest, WriteFailsMidTransaction_LockStaysWhole) {
  EXPECT_GE(failEachStepUntilDone([&](int n) { vfs_.failWrite(n); },
                                  [&] { return finalizeMeeting(*store_, caller_, meeting_).ok(); }, "lock the minutes"),
            1);
  EXPECT_EQ(store_->read()->meeting(meeting_)->meeting.status, MeetingStatus::finalized);
}

TEST_F(FaultInjectionTest, DiskFull_ClearErrorAndNothingLost) {
  const Footprint before = footprint();
  vfs_.diskFullAfter(1);
  std::string error;
  try {
    (void)createMember(*store_, caller_, newMember(1));
  } catch (const StoreError& e) {
    error = e.what();
  }
  EXPECT_NE(error.find("full"), std::string::npos) << "SQLite's 'database or disk is full', got: " << error;
  EXPECT_EQ(footprint(), before);
  // Still full: locking the minutes fails the same way and leaves them open.
  error.clear();
  try {
    (void)finalizeMeeting(*store_, caller_, meeting_);
  } catch (const StoreError& e) {
    error = e.what();
  }
  EXPECT_NE(error.find("full"), std::string::npos) << error;
  EXPECT_EQ(footprint(), before);
  // Space freed: the same work goes through, and nothing written earlier was lost.
  vfs_.clear();
  reopen();
  EXPECT_EQ(footprint(), before);
  // Locking first: a new member joins the roll and would leave the minutes incomplete.
  ASSERT_TRUE(finalizeMeeting(*store_, caller_, meeting_).ok());
  ASSERT_TRUE(createMember(*store_, caller_, newMember(2)).ok());
  reopen();
  auto after = footprint();
  EXPECT_EQ(after.members, before.members + 1);
  EXPECT_EQ(after.audit_rows, before.audit_rows + 2);
  EXPECT_EQ(after.meeting_versions, before.meeting_versions + 1);
}

// A failed fsync of the WAL at commit: the commit is refused in the running
// process. After a restart the frames may or may not have reached the disk
// (that is what a failed fsync means), so the transaction must be there whole
// or not at all: the lock, its version and its audit row together.
TEST_F(FaultInjectionTest, SyncFails_CommitRefusedAndWholeOrAbsentAfterRestart) {
  const Footprint before = footprint();
  vfs_.failSync(1);
  std::string error;
  try {
    (void)finalizeMeeting(*store_, caller_, meeting_);
  } catch (const StoreError& e) {
    error = e.what();
  }
  ASSERT_EQ(vfs_.faultsInjected(), 1);
  EXPECT_NE(error.find("disk I/O error"), std::string::npos) << error;
  EXPECT_EQ(footprint(), before) << "the running process must not show a commit that failed";
  vfs_.clear();
  reopen();
  auto after = footprint();
  if (!(after == before)) {
    EXPECT_EQ(after.meeting_status, std::to_string(int(MeetingStatus::finalized)));
    EXPECT_EQ(after.meeting_versions, before.meeting_versions + 1);
    EXPECT_EQ(after.audit_rows, before.audit_rows + 1);
  } else {
    ASSERT_TRUE(finalizeMeeting(*store_, caller_, meeting_).ok());
  }
  EXPECT_EQ(store_->read()->meeting(meeting_)->meeting.status, MeetingStatus::finalized);
}

}  // namespace
}  // namespace chibo
