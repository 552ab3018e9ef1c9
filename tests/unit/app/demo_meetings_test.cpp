// The demo's two years of meeting history (issue 3 §8), read back from the
// in-memory store.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "app/demo/demo.h"
#include "domain/meeting/numbering.h"
#include "unit/app/fake_store.h"

namespace chibo {
namespace {

const Date kToday = *Date::fromYmd(2026, 11, 22);

std::unique_ptr<fake::FakeStore> load(uint64_t seed, Date today = kToday) {
  auto s = std::make_unique<fake::FakeStore>();
  auto tx = s->write();
  loadDemo(*tx, seed, today);
  tx->commit();
  return s;
}

class DemoMeetingsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { store_ = load(20260101).release(); }
  static void TearDownTestSuite() { delete store_; }
  const fake::Data& d() { return store_->data(); }
  std::vector<Org> cells() {
    std::vector<Org> out;
    for (const auto& o : d().orgs)
      if (o.kind == OrgKind::cell) out.push_back(o);
    return out;
  }
  static fake::FakeStore* store_;
};
fake::FakeStore* DemoMeetingsTest::store_ = nullptr;

TEST_F(DemoMeetingsTest, EveryCellMeetsMonthlyWithAThematicMeetingEachQuarter) {
  ASSERT_EQ(cells().size(), 19u);
  for (const auto& c : cells()) {
    std::set<std::pair<int, unsigned>> months;
    std::set<std::pair<int, int>> quarters;
    int planned = 0;
    for (const auto& r : d().meetings) {
      const Meeting& m = r.meeting;
      if (m.org_id != c.id) continue;
      if (m.status == MeetingStatus::planned) {
        ++planned;
        EXPECT_GE(m.planned_start.date(), kToday);
        continue;
      }
      EXPECT_LT(m.planned_start.date(), kToday);
      if (countsAsMonthly(m.kind)) months.insert({m.period_year, m.period_month});
      if (countsAsThematic(m.kind)) quarters.insert({m.period_year, quarterOf(m.period_month)});
    }
    EXPECT_GE(months.size(), 23u) << c.name;  // two years, the odd early month of a young cell aside
    EXPECT_GE(quarters.size(), 7u) << c.name;
    EXPECT_GE(planned, 1) << c.name << ": the next meeting is already planned";
  }
}

TEST_F(DemoMeetingsTest, LockedMinutesHaveTheirFirstVersionAndNumbersRunWithoutGaps) {
  std::map<Id, int> versions;
  for (const auto& v : d().versions) {
    EXPECT_EQ(v.version, 1);
    EXPECT_EQ(v.kind, "finalize");
    EXPECT_NE(v.snapshot.find("\"attendance\""), std::string::npos);
    ++versions[v.meeting_id];
  }
  int locked = 0;
  for (const auto& r : d().meetings) {
    if (r.meeting.status != MeetingStatus::finalized) continue;
    ++locked;
    EXPECT_EQ(versions[r.meeting.id], 1);
    ASSERT_TRUE(r.locked_at && r.meeting.ended_at);
    EXPECT_GT(*r.locked_at, *r.meeting.ended_at);
    EXPECT_LT(r.locked_at->date(), kToday);
    EXPECT_TRUE(r.minutes_read_back_at);
  }
  EXPECT_GT(locked, 19 * 24);
  // R-DOC-1: per (org, term) the numbers are 1..n.
  std::map<std::pair<Id, Id>, std::vector<int>> seq;
  for (const auto& [term, res] : d().resolutions) seq[{res.org_id, term.value_or(0)}].push_back(*res.number);
  for (const auto& [key, numbers] : seq) EXPECT_TRUE(auditSequence(numbers).ok()) << key.first;
  EXPECT_GT(seq.size(), 19u);  // the history spans a change of term
}

TEST_F(DemoMeetingsTest, AttendanceIsMostlyHighWithAFewMembersDriftingAway) {
  std::map<Id, std::pair<int, int>> per_meeting;  // present, marked
  std::map<Id, int> unexcused_last_year;
  std::map<Id, Date> day;
  for (const auto& r : d().meetings) day[r.meeting.id] = r.meeting.planned_start.date();
  for (const auto& [mid, a] : d().attendance) {
    auto& pm = per_meeting[mid];
    pm.first += isPresent(a.mark.status);
    ++pm.second;
    if (a.mark.status == AttendanceStatus::absent_unexcused && day[mid] >= kToday.addDays(-365))
      ++unexcused_last_year[a.mark.member_id];
    if (a.mark.status == AttendanceStatus::absent_excused) EXPECT_TRUE(a.mark.reason);
  }
  int high = 0;
  for (const auto& [mid, pm] : per_meeting) high += 100 * pm.first >= 85 * pm.second;
  EXPECT_GE(high * 100, int(per_meeting.size()) * 75) << high << " of " << per_meeting.size();
  int drifting = 0;  // R-ATT-4 has someone to flag
  for (const auto& [member, n] : unexcused_last_year) drifting += n >= 3;
  EXPECT_GE(drifting, 5);
}

TEST_F(DemoMeetingsTest, TasksAreReviewedAtTheNextMeetingAndSomeAreLateOrStillOpen) {
  std::map<TaskStatus, int> by_status;
  for (const auto& t : d().tasks) {
    ++by_status[t.status];
    EXPECT_TRUE(t.deadline);
    EXPECT_FALSE(t.assignee_member_ids.empty());
    if (t.status != TaskStatus::open) EXPECT_TRUE(t.reviewed_in_meeting_id) << t.description;
  }
  EXPECT_GT(by_status[TaskStatus::done], 500);
  EXPECT_GT(by_status[TaskStatus::open], 19);  // the last month's, awaiting their review
  EXPECT_GT(by_status[TaskStatus::dropped] + by_status[TaskStatus::late] + by_status[TaskStatus::carried_over], 20);
  EXPECT_GE(d().reviews.size(), d().tasks.size() - size_t(by_status[TaskStatus::open]));
  EXPECT_GT(d().speeches.size(), d().meetings.size() * 2);
}

TEST_F(DemoMeetingsTest, CellsAdoptTheWardsSuggestedTopics) {
  int adopted = 0, own = 0;
  for (const auto& p : d().plan) {
    if (p.suggestion_id) ++adopted;
    else if (p.entry.meeting_id) ++own;
  }
  EXPECT_GT(adopted, 3 * own);
  EXPECT_GT(own, 0);
}

TEST(DemoMeetingsDeterminism, SameSeedSameMeetingsAndOtherDatesWork) {
  auto rows = [](const fake::Data& d) {
    std::ostringstream o;
    for (const auto& r : d.meetings)
      o << r.meeting.org_id << toCode(r.meeting.kind) << r.meeting.topic << r.meeting.planned_start.unix_seconds
        << toCode(r.meeting.status) << "\n";
    for (const auto& [mid, a] : d.attendance) o << mid << a.mark.member_id << toCode(a.mark.status) << "\n";
    for (const auto& t : d.tasks) o << t.meeting_id << t.description << toCode(t.status) << "\n";
    for (const auto& v : d.versions) o << v.snapshot << "\n";
    return o.str();
  };
  auto a = load(5), b = load(5);
  EXPECT_EQ(rows(a->data()), rows(b->data()));
  // Any `today` gives a complete history (the generator refuses incomplete minutes).
  for (Date today : {*Date::fromYmd(2025, 7, 1), *Date::fromYmd(2031, 1, 5)}) EXPECT_NO_THROW(load(9, today));
}

}  // namespace
}  // namespace chibo
