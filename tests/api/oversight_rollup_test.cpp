// The roll-up dashboard (issue 5 §1, §7): a ward's figures are the sum of its
// cells' and of its months', they match an independent count from the raw
// records (the meetings API and SQL on the database), scope holds, and writes
// through the API move the figures at once.
#include "api/oversight_fixture.h"

namespace chibo::testing {

class OversightRollupTest : public OversightTest {
 protected:
  // The twelve complete months before the current one.
  static std::pair<Date, Date> lastYear() {
    auto [first, last] = lastMonth();
    return {first.addMonths(-11), last};
  }
};

TEST_F(OversightRollupTest, WardEqualsTheSumOfItsCellsAndOfItsMonths) {
  auto c = as("canbo.phuong");
  auto [from, to] = lastYear();
  auto r = c.get(rollupPath(ward_, from, to));
  ASSERT_EQ(r.status, 200) << r.raw;
  const auto& ward = r.obj();
  EXPECT_EQ(ward.at("children").as_array().size(), 19u);
  EXPECT_EQ(ward.at("months").as_array().size(), 12u);
  EXPECT_EQ(num(ward, "cells"), 19);
  EXPECT_EQ(num(ward, "meetings_due"), 19 * 12);  // every month of the window has ended
  EXPECT_GT(num(ward, "meetings_held"), 19 * 12 * 9 / 10);
  EXPECT_LE(num(ward, "meetings_held"), num(ward, "meetings_due"));
  EXPECT_GT(num(ward, "expected"), 0);
  for (const auto& k : countKeys()) {
    int64_t cells = 0, months = 0;
    for (auto& ch : ward.at("children").as_array()) cells += num(ch.as_object(), k);
    for (auto& mo : ward.at("months").as_array()) months += num(mo.as_object(), k);
    EXPECT_EQ(cells, num(ward, k)) << k << " (children)";
    if (k != "cells") EXPECT_EQ(months, num(ward, k)) << k << " (months)";
  }
  EXPECT_NEAR(ward.at("attendance_rate").as_double(), double(num(ward, "present")) / double(num(ward, "expected")), 1e-12);
  EXPECT_NEAR(ward.at("speaker_share").as_double(), double(num(ward, "speakers")) / double(num(ward, "present")), 1e-12);
  EXPECT_GE(ward.at("attendance_rate").as_double(), 0.0);
  EXPECT_LE(ward.at("attendance_rate").as_double(), 1.0);
  EXPECT_EQ(num(ward, "tasks_assigned"),
            num(ward, "tasks_on_time") + num(ward, "tasks_late") + num(ward, "tasks_open") + num(ward, "tasks_dropped"));
  // The city above sums the same cells.
  auto city = c.get(rollupPath(city_, from, to));
  EXPECT_EQ(city.status, 404);  // the ward staff cannot see the city
  auto admin = as("admin").get(rollupPath(city_, from, to));
  ASSERT_EQ(admin.status, 200) << admin.raw;
  for (const auto& k : countKeys()) EXPECT_EQ(num(admin.obj(), k), num(ward, k)) << k;
}

TEST_F(OversightRollupTest, OpenWarningsOnRequestMatchTheWarningList) {
  auto c = as("canbo.phuong");
  auto [from, to] = lastMonth();
  auto plain = c.get(rollupPath(ward_, from, to));
  ASSERT_EQ(plain.status, 200);
  EXPECT_FALSE(plain.obj().contains("open_warnings"));  // only when asked for
  auto r = c.get(rollupPath(ward_, from, to) + "&warnings=1");
  ASSERT_EQ(r.status, 200) << r.raw;
  auto list = c.get("/api/v1/orgs/" + std::to_string(ward_) + "/warnings?limit=1");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(num(r.obj(), "open_warnings"), num(list.obj(), "total"));
  int64_t sum = 0;
  for (auto& ch : r.obj().at("children").as_array()) sum += num(ch.as_object(), "open_warnings");
  // Warnings about the ward itself belong to no child.
  EXPECT_LE(sum, num(r.obj(), "open_warnings"));
  EXPECT_GT(sum, 0);
}

TEST_F(OversightRollupTest, CellFiguresMatchTheMeetingsApiMeetingByMeeting) {
  auto c = as("canbo.phuong");
  auto [first, last] = lastMonth();
  Date from = first.addMonths(-2);
  auto r = c.get(rollupPath(ward_, from, last));
  ASSERT_EQ(r.status, 200) << r.raw;
  for (auto& chv : r.obj().at("children").as_array()) {
    const auto& ch = chv.as_object();
    SCOPED_TRACE(std::string(ch.at("name").as_string()));
    int64_t expected = 0, present = 0, excused = 0, unexcused = 0, speakers = 0, total = 0, resolutions = 0, tasks = 0,
            monitor = 0, duration_sum = 0, duration_n = 0;
    std::set<std::string> monthly;
    auto list = c.get("/api/v1/orgs/" + std::to_string(ch.at("id").as_int64()) + "/meetings?from=" + from.iso() +
                      "&to=" + last.iso());
    ASSERT_EQ(list.status, 200);
    for (auto& mv : list.obj().at("items").as_array()) {
      const auto& brief = mv.as_object();
      std::string status(brief.at("status").as_string());
      if (status != "held" && status != "finalized") continue;
      auto m = c.get(meetingPath(brief.at("id").as_int64())).obj();
      const auto& a = m.at("attendance").as_object();
      ++total;
      expected += num(a, "expected");
      present += num(a, "present");
      excused += num(a, "excused");
      unexcused += num(a, "unexcused");
      std::string kind(m.at("kind").as_string());
      if (kind == "regular" || kind == "combined")
        monthly.insert(std::to_string(num(m, "period_year")) + "-" + std::to_string(num(m, "period_month")));
      std::set<int64_t> here, spoke;
      for (auto& l : m.at("roll").as_array()) {
        const auto& lo = l.as_object();
        if (!lo.at("counts_for_attendance").as_bool() || lo.at("mark").is_null()) continue;
        std::string st(lo.at("mark").as_object().at("status").as_string());
        if (st == "present" || st == "late" || st == "left_early") here.insert(lo.at("member_id").as_int64());
      }
      for (auto& s : m.at("speeches").as_array())
        if (here.count(s.as_object().at("member_id").as_int64())) spoke.insert(s.as_object().at("member_id").as_int64());
      speakers += int64_t(spoke.size());
      resolutions += int64_t(m.at("resolutions").as_array().size());
      tasks += int64_t(m.at("tasks").as_array().size());
      bool mon = false;
      for (auto& g : m.at("guests").as_array()) mon = mon || g.as_object().at("upper_monitor").as_bool();
      monitor += mon;
      if (!m.at("duration_minutes").is_null()) {
        duration_sum += m.at("duration_minutes").as_int64();
        ++duration_n;
      }
    }
    EXPECT_EQ(num(ch, "meetings_total"), total);
    EXPECT_EQ(num(ch, "meetings_held"), int64_t(monthly.size()));
    EXPECT_EQ(num(ch, "expected"), expected);
    EXPECT_EQ(num(ch, "present"), present);
    EXPECT_EQ(num(ch, "excused_absences"), excused);
    EXPECT_EQ(num(ch, "unexcused_absences"), unexcused);
    EXPECT_EQ(num(ch, "speakers"), speakers);
    EXPECT_EQ(num(ch, "resolutions"), resolutions);
    EXPECT_EQ(num(ch, "tasks_assigned"), tasks);
    EXPECT_EQ(num(ch, "monitor_attended"), monitor);
    if (duration_n) EXPECT_NEAR(ch.at("avg_duration_minutes").as_double(), double(duration_sum) / double(duration_n), 1e-9);
  }
}

TEST_F(OversightRollupTest, WardFiguresMatchAnSqlCountOnTheDatabase) {
  auto c = as("canbo.phuong");
  auto [from, to] = lastYear();
  auto r = c.get(rollupPath(ward_, from, to));
  ASSERT_EQ(r.status, 200) << r.raw;
  const auto& w = r.obj();
  auto ward = c.get(path("/api/v1/orgs/", ward_)).obj();
  int from_ym = from.year() * 100 + int(from.month()), to_ym = to.year() * 100 + int(to.month());
  // Written straight from the schema, without the aggregate tables.
  std::string q =
      "WITH ms AS (SELECT m.* FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE o.kind = 'cell' AND o.archived = 0"
      " AND o.path LIKE (SELECT path FROM orgs WHERE id = " + std::to_string(ward_) + ") || '%'"
      " AND m.status IN ('held', 'finalized') AND m.period_year * 100 + m.period_month BETWEEN " +
      std::to_string(from_ym) + " AND " + std::to_string(to_ym) + "),"
      " pres AS (SELECT a.meeting_id, a.member_id FROM attendance a JOIN ms ON ms.id = a.meeting_id"
      "  WHERE a.status IN ('present', 'late', 'left_early')),"
      " spk AS (SELECT DISTINCT s.meeting_id, s.member_id FROM speeches s JOIN pres p"
      "  ON p.meeting_id = s.meeting_id AND p.member_id = s.member_id)"
      " SELECT"
      " (SELECT COUNT(*) FROM ms) AS meetings_total,"
      " (SELECT COUNT(*) FROM (SELECT DISTINCT org_id, period_year, period_month FROM ms"
      "   WHERE kind IN ('regular', 'combined'))) AS meetings_held,"
      " (SELECT COUNT(*) FROM ms WHERE kind IN ('thematic', 'combined')) AS thematic_held,"
      " (SELECT COUNT(*) FROM pres) AS present,"
      " (SELECT COUNT(*) FROM attendance a JOIN ms ON ms.id = a.meeting_id WHERE a.status = 'absent_excused') AS excused,"
      " (SELECT COUNT(*) FROM attendance a JOIN ms ON ms.id = a.meeting_id WHERE a.status = 'absent_unexcused') AS unexcused,"
      " (SELECT COUNT(*) FROM spk) AS speakers,"
      " (SELECT COUNT(*) FROM spk JOIN ms ON ms.id = spk.meeting_id JOIN members mb ON mb.id = spk.member_id"
      "   WHERE mb.birth_day IS NOT NULL AND date(mb.birth_day * 86400, 'unixepoch', '+35 years')"
      "   > date(COALESCE(ms.started_at, ms.planned_start) + 25200, 'unixepoch')) AS young_speakers,"
      " (SELECT COUNT(*) FROM resolutions r JOIN ms ON ms.id = r.meeting_id) AS resolutions,"
      " (SELECT COUNT(*) FROM tasks t JOIN ms ON ms.id = t.meeting_id) AS tasks_assigned,"
      " (SELECT COUNT(*) FROM tasks t JOIN ms ON ms.id = t.meeting_id WHERE t.status = 'done' AND NOT EXISTS"
      "   (SELECT 1 FROM task_reviews r WHERE r.task_id = t.id AND r.outcome IN ('late', 'carried_over'))) AS tasks_on_time,"
      " (SELECT COUNT(*) FROM tasks t JOIN ms ON ms.id = t.meeting_id WHERE t.status = 'dropped') AS tasks_dropped,"
      " (SELECT COUNT(*) FROM task_reviews r JOIN ms ON ms.id = r.meeting_id) AS previous_reviewed,"
      " (SELECT COUNT(*) FROM ms WHERE guests LIKE '%\"upper_monitor\":true%') AS monitor_attended,"
      " (SELECT COALESCE(SUM((ended_at - started_at) / 60), 0) FROM ms WHERE ended_at >= started_at) AS duration_sum,"
      " (SELECT COUNT(*) FROM ms WHERE ended_at >= started_at) AS duration_count;";
  auto rows = sql(q);
  ASSERT_EQ(rows.size(), 1u);
  const auto& s = rows[0].as_object();
  EXPECT_EQ(num(w, "meetings_total"), num(s, "meetings_total"));
  EXPECT_EQ(num(w, "meetings_held"), num(s, "meetings_held"));
  EXPECT_EQ(num(w, "thematic_held"), num(s, "thematic_held"));
  // The demo marks only members who count for attendance, so every present mark is in the numerator.
  EXPECT_EQ(num(w, "present"), num(s, "present"));
  EXPECT_EQ(num(w, "excused_absences"), num(s, "excused"));
  EXPECT_EQ(num(w, "unexcused_absences"), num(s, "unexcused"));
  EXPECT_EQ(num(w, "speakers"), num(s, "speakers"));
  EXPECT_EQ(num(w, "young_speakers"), num(s, "young_speakers"));
  EXPECT_EQ(num(w, "resolutions"), num(s, "resolutions"));
  EXPECT_EQ(num(w, "tasks_assigned"), num(s, "tasks_assigned"));
  EXPECT_EQ(num(w, "tasks_on_time"), num(s, "tasks_on_time"));
  EXPECT_EQ(num(w, "tasks_dropped"), num(s, "tasks_dropped"));
  EXPECT_EQ(num(w, "previous_tasks_reviewed"), num(s, "previous_reviewed"));
  EXPECT_EQ(num(w, "monitor_attended"), num(s, "monitor_attended"));
  ASSERT_GT(num(s, "duration_count"), 0);
  EXPECT_NEAR(w.at("avg_duration_minutes").as_double(), double(num(s, "duration_sum")) / double(num(s, "duration_count")), 1e-9);
  EXPECT_GT(num(w, "young_present"), 0);
  EXPECT_LE(num(w, "young_speakers"), num(w, "young_present"));
  EXPECT_LE(num(w, "new_member_speakers"), num(w, "new_member_present"));
  (void)ward;
}

TEST_F(OversightRollupTest, ScopeMonitorsSeeTheirCellsMembersAreForbiddenOthersNotFound) {
  auto [from, to] = lastMonth();
  auto monitor = as("giamsat.phuong");
  EXPECT_EQ(monitor.get(rollupPath(ward_, from, to)).status, 404);
  auto kp1 = monitor.get(rollupPath(kp1_, from, to));
  ASSERT_EQ(kp1.status, 200) << kp1.raw;
  EXPECT_EQ(num(kp1.obj(), "cells"), 1);
  EXPECT_TRUE(kp1.obj().at("children").as_array().empty());
  EXPECT_EQ(monitor.get(rollupPath(kp2_, from, to)).status, 404);
  EXPECT_EQ(as("dangvien.kp1").get(rollupPath(kp1_, from, to)).status, 403);
  EXPECT_EQ(as("bithu.ubnd").get(rollupPath(kp1_, from, to)).status, 404);
  EXPECT_EQ(as("bithu.kp1").get(rollupPath(kp1_, from, to)).status, 200);
  auto staff = as("canbo.phuong");
  auto bad = staff.get(rollupPath(ward_, to, from));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(staff.get("/api/v1/orgs/" + std::to_string(ward_) + "/rollup?from=2026-02-30").status, 422);
  EXPECT_EQ(staff.get("/api/v1/orgs/" + std::to_string(ward_) + "/rollup?from=2000-01-01&to=2026-01-01").status, 422);
  // Rebuilding needs write access and is audited.
  EXPECT_EQ(monitor.post("/api/v1/orgs/" + std::to_string(kp1_) + "/rollup/rebuild", json::object{}).status, 403);
  auto before = auditCount();
  auto rb = staff.post("/api/v1/orgs/" + std::to_string(kp1_) + "/rollup/rebuild", json::object{});
  ASSERT_EQ(rb.status, 200) << rb.raw;
  EXPECT_GT(num(rb.obj(), "meetings"), 20);
  EXPECT_EQ(auditCount(), before + 1);
}

TEST_F(OversightRollupTest, WritesThroughTheApiMoveTheFiguresAndARebuildAgrees) {
  auto staff = as("canbo.phuong");
  Date from = *Date::fromYmd(2027, 3, 1), to = *Date::fromYmd(2027, 4, 30);
  auto before = staff.get(rollupPath(kp2_, from, to));
  ASSERT_EQ(before.status, 200) << before.raw;
  EXPECT_EQ(num(before.obj(), "meetings_total"), 0);
  EXPECT_EQ(num(before.obj(), "meetings_due"), 0);  // months to come are not due yet
  auto month = [&](int i) { return staff.get(rollupPath(kp2_, from, to)).obj().at("months").as_array().at(size_t(i)).as_object(); };

  // March: a complete record with one task.
  auto march = plan(staff, kp2_, "2027-03-06");
  auto task = completeRecord(staff, march, "2027-03-06");
  int64_t n = num(staff.get(meetingPath(march)).obj().at("attendance").as_object(), "expected");
  auto a = month(0);
  EXPECT_EQ(num(a, "meetings_total"), 1);
  EXPECT_EQ(num(a, "meetings_held"), 1);
  EXPECT_EQ(num(a, "meetings_on_time"), 1);
  EXPECT_EQ(num(a, "meetings_due"), 1);  // a cell that already met in a month to come is due for it
  EXPECT_EQ(num(a, "expected"), n);
  EXPECT_EQ(num(a, "present"), n);
  EXPECT_EQ(num(a, "speakers"), 1);
  EXPECT_EQ(num(a, "resolutions"), 1);
  EXPECT_EQ(num(a, "tasks_assigned"), 1);
  EXPECT_EQ(num(a, "tasks_open"), 1);
  EXPECT_NEAR(a.at("avg_duration_minutes").as_double(), 120.0, 1e-9);
  // The ward moved by exactly the same amounts.
  auto ward = staff.get(rollupPath(ward_, from, to)).obj();
  EXPECT_EQ(num(ward, "present"), n);
  EXPECT_EQ(num(ward, "expected"), n);

  // April reviews March's task as late: March's task figures and April's review figures move.
  auto april = plan(staff, kp2_, "2027-04-03");
  auto roll = expectedIds(staff.get(meetingPath(april)).obj());
  ASSERT_EQ(staff.patch(meetingPath(april), json::object{{"chair_member_id", roll[0]}, {"secretary_member_id", roll[1]}}).status, 200);
  ASSERT_EQ(staff.post(meetingPath(april, "/start"), json::object{{"at", "2027-04-03T19:30"}}).status, 200);
  json::array marks = allPresent(roll);
  marks[0] = json::object{{"member_id", roll[0]}, {"status", "present"}};
  marks[2] = json::object{{"member_id", roll[2]}, {"status", "absent_unexcused"}};
  ASSERT_EQ(staff.put(meetingPath(april, "/attendance"), json::object{{"items", marks}}).status, 200);
  auto rv = staff.put(meetingPath(april, "/task-reviews"),
                      json::object{{"items", json::array{json::object{{"task_id", task}, {"outcome", "late"}}}}});
  ASSERT_EQ(rv.status, 200) << rv.raw;
  a = month(0);
  EXPECT_EQ(num(a, "tasks_open"), 0);
  EXPECT_EQ(num(a, "tasks_late"), 1);
  auto b = month(1);
  EXPECT_EQ(num(b, "meetings_held"), 1);
  EXPECT_EQ(num(b, "present"), int64_t(roll.size()) - 1);
  EXPECT_EQ(num(b, "unexcused_absences"), 1);
  EXPECT_EQ(num(b, "previous_tasks"), 1);
  EXPECT_EQ(num(b, "previous_tasks_reviewed"), 1);
  EXPECT_TRUE(b.at("avg_duration_minutes").is_null());  // not ended yet
  // Done after being late stays late; nothing is open any more.
  ASSERT_EQ(staff.patch("/api/v1/tasks/" + std::to_string(task), json::object{{"status", "done"}}).status, 200);
  a = month(0);
  EXPECT_EQ(num(a, "tasks_late"), 1);
  EXPECT_EQ(num(a, "tasks_on_time"), 0);
  EXPECT_EQ(num(a, "tasks_open"), 0);

  // A rebuild from the raw records gives the same figures, month by month.
  // The ward's own rows (kept by applying each change to the cell's ancestors) agree too, after a
  // rebuild of the cell alone (its sums are taken out above it, then put back) and of the ward.
  auto incremental = staff.get(rollupPath(kp2_, from, to)).obj();
  auto ward_incremental = staff.get(rollupPath(ward_, from, to)).obj();
  for (int64_t node : {kp2_, ward_}) {
    ASSERT_EQ(staff.post("/api/v1/orgs/" + std::to_string(node) + "/rollup/rebuild", json::object{}).status, 200);
    auto rebuilt = staff.get(rollupPath(kp2_, from, to)).obj();
    auto ward_rebuilt = staff.get(rollupPath(ward_, from, to)).obj();
    for (size_t i = 0; i < 2; ++i)
      for (const auto& k : countKeys()) {
        EXPECT_EQ(num(rebuilt.at("months").as_array()[i].as_object(), k),
                  num(incremental.at("months").as_array()[i].as_object(), k))
            << k << " month " << i << " after rebuilding " << node;
        EXPECT_EQ(num(ward_rebuilt.at("months").as_array()[i].as_object(), k),
                  num(ward_incremental.at("months").as_array()[i].as_object(), k))
            << "ward " << k << " month " << i << " after rebuilding " << node;
      }
  }
}

}  // namespace chibo::testing

namespace chibo::testing {

// Quality grades (issue 5 §1) are the grades GET /meetings/{id}/score gives,
// counted only for fully scored meetings, and they follow an evaluation at once.
TEST_F(OversightRollupTest, GradesAreTheScoresOfFullyScoredMeetingsAndFollowAnEvaluation) {
  auto staff = as("canbo.phuong");
  auto [from, to] = lastYear();
  auto cell = staff.get(rollupPath(kp1_, from, to));
  ASSERT_EQ(cell.status, 200) << cell.raw;
  ASSERT_TRUE(cell.obj().contains("grades")) << "the demo's evaluated meetings carry grades";
  // Count by hand from the score of every held meeting of the cell in the window.
  std::map<std::string, int64_t> byHand;
  int64_t pending_id = 0;
  auto list = staff.get("/api/v1/orgs/" + std::to_string(kp1_) + "/meetings?from=" + from.iso() + "&to=" + to.iso() +
                        "&limit=200");
  ASSERT_EQ(list.status, 200) << list.raw;
  for (auto& item : list.obj().at("items").as_array()) {
    const auto& m = item.as_object();
    std::string st(m.at("status").as_string());
    if (st != "held" && st != "finalized") continue;
    auto s = staff.get(meetingPath(m.at("id").as_int64()) + "/score");
    ASSERT_EQ(s.status, 200) << s.raw;
    if (s.obj().at("pending").as_bool()) {
      if (!pending_id && m.at("kind").as_string() == "regular") pending_id = m.at("id").as_int64();
      continue;
    }
    ++byHand[std::string(s.obj().at("grade").as_string())];
  }
  const auto& g = cell.obj().at("grades").as_object();
  for (const char* k : {"good", "fair", "average", "poor"}) EXPECT_EQ(num(g, k), byHand[k]) << k;

  // The committee evaluates a meeting still waiting for points: its grade joins the count.
  ASSERT_NE(pending_id, 0) << "the demo leaves some meetings unevaluated";
  auto e = staff.put(meetingPath(pending_id, "/evaluation"),
                     json::object{{"evaluator", "committee"},
                                  {"criteria", json::object{{"conduct", 30}, {"chairing", 10}, {"principles", 5}}}});
  ASSERT_EQ(e.status, 200) << e.raw;
  ASSERT_FALSE(e.obj().at("pending").as_bool()) << e.raw;
  std::string grade(e.obj().at("grade").as_string());
  auto after = staff.get(rollupPath(kp1_, from, to));
  ASSERT_EQ(after.status, 200);
  const auto& g2 = after.obj().at("grades").as_object();
  for (const char* k : {"good", "fair", "average", "poor"})
    EXPECT_EQ(num(g2, k), num(g, k) + (grade == k ? 1 : 0)) << k;
  // And a rebuild from the raw records agrees.
  ASSERT_EQ(staff.post("/api/v1/orgs/" + std::to_string(kp1_) + "/rollup/rebuild", json::object{}).status, 200);
  auto rebuilt = staff.get(rollupPath(kp1_, from, to));
  EXPECT_EQ(json::serialize(rebuilt.obj().at("grades")), json::serialize(after.obj().at("grades")));
}

}  // namespace chibo::testing

namespace chibo::testing {

// The ward reads its own monthly rows (kept with every write), not its cells':
// archiving a cell must still take exactly that cell out, and restoring it put
// it back, at once and in every month.
TEST_F(OversightRollupTest, ArchivingACellTakesExactlyItsFiguresOutOfTheWardAndRestoringPutsThemBack) {
  auto staff = as("canbo.phuong");
  auto admin = as("admin");
  auto [from, to] = lastYear();
  auto ward = staff.get(rollupPath(ward_, from, to));
  ASSERT_EQ(ward.status, 200) << ward.raw;
  json::object kp2;
  for (auto& ch : ward.obj().at("children").as_array())
    if (ch.as_object().at("id").as_int64() == kp2_) kp2 = ch.as_object();
  ASSERT_FALSE(kp2.empty());
  ASSERT_GT(num(kp2, "present"), 0);

  auto archive = [&](bool on) {
    auto r = admin.patch("/api/v1/orgs/" + std::to_string(kp2_), json::object{{"archived", on}});
    ASSERT_EQ(r.status, 200) << r.raw;
  };
  archive(true);
  auto without = staff.get(rollupPath(ward_, from, to));
  ASSERT_EQ(without.status, 200) << without.raw;
  for (const auto& k : countKeys()) EXPECT_EQ(num(without.obj(), k), num(ward.obj(), k) - num(kp2, k)) << k;
  EXPECT_EQ(num(without.obj(), "meetings_due"), num(ward.obj(), "meetings_due") - num(kp2, "meetings_due"));
  int64_t month_present = 0;
  for (auto& mo : without.obj().at("months").as_array()) month_present += num(mo.as_object(), "present");
  EXPECT_EQ(month_present, num(without.obj(), "present"));

  archive(false);
  auto back = staff.get(rollupPath(ward_, from, to));
  ASSERT_EQ(back.status, 200) << back.raw;
  for (const auto& k : countKeys()) EXPECT_EQ(num(back.obj(), k), num(ward.obj(), k)) << k;
}

}  // namespace chibo::testing
