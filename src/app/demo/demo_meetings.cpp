// Two years of meeting history for every demo cell (issue 3 §8): a regular
// meeting every month, a thematic one each quarter (residential cells hold it
// separately; agency cells combine it with the regular meeting), the ward's
// suggested topics adopted by most cells, attendance mostly 85–100 % with a
// few members drifting away, speakers, resolutions, tasks done and late, and
// the next meeting already planned. Deterministic: one random stream of its
// own ("meetings"), so the rest of the demo is unchanged by it.
#include <map>

#include "app/demo/demo_history.h"

namespace chibo::demo {
namespace {

constexpr int kMonthsBack = 24;
constexpr int kDaysAhead = 40;  // planned meetings this far ahead exist already

// Most members come nine times in ten, the very old less; a few plain members
// (no role, no account, no special status, in the cell all along) drift away
// in the last year.
void chooseHabits(const DemoWorld& w, HistoryCell& h, Rng& rng, Date first) {
  std::vector<MemberIx> steady;
  for (const auto& src : h.sources) {
    const DemoMember& dm = w.members[src.ix];
    int age = ageOn(*dm.member.birth_date, w.today);
    h.habits[dm.member.id] = Habit{age >= 80 ? rng.between(72, 88) : rng.between(88, 99), std::nullopt};
    const auto& p = dm.placements.back();
    if (!dm.assigned && dm.placements.size() == 1 && !p.to && p.from <= first && age < 70) steady.push_back(src.ix);
  }
  int drifters = h.cell->agency ? (rng.chance(25) ? 1 : 0) : (h.cell->size >= 50 ? 2 : 1);
  rng.shuffle(steady);
  for (int i = 0; i < drifters && i < int(steady.size()); ++i)
    h.habits[w.members[steady[size_t(i)]].member.id].drift_from = first.addMonths(rng.between(12, 19));
}

using Suggestions = std::map<std::pair<int, int>, Id>;  // (year, quarter) -> the ward's entry

void adoptTopic(Rng& rng, const DemoCell& c, const Suggestions& s, CalendarEntry& e) {
  e.year = e.start.date().year();
  e.quarter = quarterOf(e.start.date().month());
  auto it = s.find({e.year, e.quarter});
  if (it != s.end() && rng.chance(80)) {
    e.topic = wardTopic(e.year, e.quarter);
    e.suggestion_id = it->second;
  } else {
    e.topic = ownTopic(rng, c.agency);
  }
}

std::vector<CalendarEntry> calendarOf(const DemoCell& c, Rng& rng, Date first, Date horizon, const Suggestions& s) {
  std::vector<CalendarEntry> out;
  for (Date month = first; month <= horizon; month = month.addMonths(1)) {
    Date day = month.addDays(c.agency ? rng.between(4, 14) : rng.between(2, 11));
    CalendarEntry e;
    e.start = c.agency ? localTime(day, 14, 0) : localTime(day, 19, 30);
    // The middle month of each quarter carries the thematic meeting.
    bool topic_month = month.month() % 3 == 2;
    if (topic_month && c.agency) {
      e.kind = MeetingKind::combined;
      adoptTopic(rng, c, s, e);
    }
    if (day <= horizon) out.push_back(e);
    if (topic_month && !c.agency) {
      CalendarEntry t;
      t.kind = MeetingKind::thematic;
      Date tday = day.addDays(rng.between(7, 14));
      t.start = localTime(tday, 19, 30);
      adoptTopic(rng, c, s, t);
      if (tday <= horizon) out.push_back(t);
    }
  }
  return out;
}

// A meeting still to come: planned, its agenda from the template, the chi ủy
// already preparing it if it is close.
void writePlanned(WriteTx& tx, const DemoWorld& w, HistoryCell& h, Rng& rng, const CalendarEntry& e) {
  const Date day = e.start.date();
  MeetingRecord rec;
  Meeting& m = rec.meeting;
  m.org_id = h.org.id;
  m.kind = e.kind;
  m.topic = e.topic;
  m.planned_start = e.start;
  m.place = placeOf(*h.cell, h.org);
  m.period_year = day.year();
  m.period_month = day.month();
  for (const auto& r : w.roles)
    if (r.org == h.cell->org && r.role == MemberRole::secretary && !r.to) m.chair_member_id = w.member_ids.at(r.member);
  for (const auto& t : h.terms)
    if (t.start <= day && (!t.end || day <= *t.end)) rec.term_id = t.id;
  Date yesterday = w.today.addDays(-1);
  rec.created_at = localTime(std::min(day.addDays(-15), yesterday), 8, 0);
  if (day.addDays(-6) <= yesterday) rec.prep.chi_uy_meeting_at = localTime(day.addDays(-6), 19, 0);
  if (day.addDays(-3) <= yesterday) rec.prep.notice_members_at = localTime(day.addDays(-3), 8, 0);
  m.id = tx.insertMeeting(rec);
  tx.replaceAgenda(m.id, agendaTemplate(e.kind));
  if (e.year) {
    ThematicPlanRecord plan;
    plan.entry = {0, h.org.id, e.year, e.quarter, e.topic,
                  e.suggestion_id ? "Định hướng chuyên đề của Đảng ủy phường" : "Chi bộ tự chọn", std::nullopt,
                  std::nullopt, m.id};
    plan.suggestion_id = e.suggestion_id;
    tx.insertThematicEntry(plan);
  }
  (void)rng;
}

}  // namespace

void writeMeetingHistory(WriteTx& tx, const DemoWorld& w) {
  Rng rng(w.seed, "meetings");
  const Date today = w.today;
  const Date first = Date::fromYmd(today.year(), today.month(), 1)->addMonths(-kMonthsBack);
  const Date horizon = today.addDays(kDaysAhead);

  // The ward's orientation: one suggested topic per quarter for every year the history touches.
  Suggestions suggestions;
  const Org& ward = w.orgs[w.ward].org;
  for (int y = first.year(); y <= horizon.year(); ++y)
    for (int q = 1; q <= 4; ++q) {
      ThematicPlanRecord r;
      r.entry = {0, ward.id, y, q, wardTopic(y, q), "Định hướng chuyên đề năm " + std::to_string(y) + " của Đảng ủy phường",
                 std::nullopt, Date::fromYmd(y - 1, 12, 15), std::nullopt};
      suggestions[{y, q}] = tx.insertThematicEntry(r);
    }

  for (const DemoCell& c : w.cells) {
    HistoryCell h;
    h.cell = &c;
    h.org = w.orgs[c.org].org;
    h.terms = tx.terms(h.org.id);
    h.sources = rollSources(w, c.org);
    chooseHabits(w, h, rng, first);
    auto calendar = calendarOf(c, rng, first, horizon, suggestions);
    for (size_t i = 0; i < calendar.size(); ++i) {
      const CalendarEntry& e = calendar[i];
      int days_ago = today.days() - e.start.date().days();
      if (days_ago <= 0) {
        writePlanned(tx, w, h, rng, e);
        continue;
      }
      // Locking follows a day or two after the meeting; the latest may still be open.
      writeHeldMeeting(tx, w, h, rng, e, days_ago >= 3);
    }
  }
}

}  // namespace chibo::demo
