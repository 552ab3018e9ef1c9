// Early warnings of a subtree, computed from the records with the pure checks
// of domain/rules and the rule set in force for each cell on the day each rule
// is judged at; acknowledging one.
//
// What is looked at, judged on day `at`:
//  - schedule (cells only, not archived): the monthly meeting of each of the
//    last 12 months (R-FREQ-1; under a tổ đảng pilot, R-TOĐẢNG-1, the tổ
//    đảng meetings of a month may stand for it) and the thematic meetings of each quarter that
//    ended in the last 12 months (R-FREQ-2), from the month the cell's first
//    member joined;
//  - each meeting planned in the last 12 months (and the next 40 days): its
//    duration (R-DUR-1) and preparation (R-PREP-1/2);
//  - tasks still pending past their deadline (R-RES-1), and resolutions whose
//    tasks the next monthly meeting did not review (R-RES-1);
//  - each member on the roll on `at`: excused absences in a row and the removal
//    watch over this calendar year's meetings of the cells in the subtree
//    (R-ATT-3, R-ATT-4; exempt members never; under a tổ đảng pilot the tổ đảng
//    meetings of the months it covers too), months of dues unpaid without good
//    reason (R-ATT-4 b, app/dues), and the end of probation (R-DUBI-1);
//  - each candidate of the admission pipeline whose decision is in and whose
//    ceremony is late (R-KN-1).
#include <algorithm>
#include <map>
#include <set>

#include "app/dues/dues.h"
#include "app/oversight/subgroup_months.h"
#include "app/quality/quality_internal.h"
#include "domain/admission/deadlines.h"
#include "store/admission_repo.h"
#include "domain/meeting/numbering.h"
#include "domain/rules/calendar.h"
#include "domain/rules/member_warnings.h"
#include "domain/rules/schedule_warnings.h"

namespace chibo {

int64_t warningIdOf(const std::string& key) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (unsigned char ch : key) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  h &= (uint64_t(1) << 53) - 1;
  return int64_t(h == 0 ? 1 : h);
}

namespace quality {
namespace {

bool held(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

std::string two(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string meetingName(const MeetingRecord& m) {
  return std::string(label(m.meeting.kind)) + " ngày " + meetingDay(m).vn();
}

std::string resolutionName(const Resolution& r) {
  if (r.number) {
    auto slash = r.symbol.find('/');
    return formatNumber(*r.number, r.doc_type, slash == std::string::npos ? "CB" : r.symbol.substr(slash + 1));
  }
  return r.title.empty() ? std::string(label(r.doc_type)) : r.title;
}

struct Collector {
  const std::map<std::string, WarningAck>& acks;
  std::vector<WarningView> out;

  void add(Warning w, const Org& org, std::string key, std::string subject_name, Date since) {
    WarningView v;
    v.id = warningIdOf(key);
    if (auto it = acks.find(key); it != acks.end()) v.ack = it->second;
    v.key = std::move(key);
    v.warning = std::move(w);
    v.org = org;
    v.subject_name = std::move(subject_name);
    v.since = since;
    out.push_back(std::move(v));
  }
};

class SubtreeWarnings {
 public:
  SubtreeWarnings(ReadTx& tx, const RuleCatalog& cat, const Caller& c, Date at, Collector& out)
      : tx_(tx), cat_(cat), rr_(cat, tx), at_(at), out_(out) {
    judged_at_ = at == c.today() ? c.now : DateTime{localStart(at.addDays(1)).unix_seconds - 1};
    window_from_ = at.addMonths(-12);
  }

  void cell(const Org& cell) {
    auto cands = tx_.rosterCandidates(cell.path, std::nullopt);
    std::optional<Date> active_from;
    for (const auto& cand : cands)
      if (!active_from || cand.placement.from < *active_from) active_from = cand.placement.from;
    auto meetings = tx_.meetingsOfOrg(cell.id, localStart(at_.addMonths(-13)), localStart(at_.addDays(41)));
    cells_[cell.id] = meetings;
    if (!active_from) return;  // nobody ever placed here: not an active cell

    std::vector<MeetingOccurrence> occ;
    for (const auto& m : meetings)
      occ.push_back({m.meeting.id, m.meeting.kind, m.meeting.status, m.meeting.period_year, m.meeting.period_month});

    // R-FREQ-1: the last 12 months, judged with the rules of each month's last day.
    // Under a tổ đảng pilot the months it covers may be held by the tổ đảng (R-TOĐẢNG-1).
    Date first = *Date::fromYmd(at_.year(), at_.month(), 1);
    auto pilot = tx_.subgroupPilot(cell.id);
    std::vector<Id> subgroup_ids;
    std::vector<SubgroupMeetingFacts> subgroup_meetings;
    if (pilot) {
      auto subgroups = subgroupsOf(tx_, cell.id);
      for (const auto& sg : subgroups) subgroup_ids.push_back(sg.id);
      Date lo = first.addMonths(-11);
      subgroup_meetings = subgroupMeetingFacts(tx_, subgroups, monthKey(lo.year(), lo.month()),
                                               monthKey(first.year(), first.month()));
      // The members' attendance rules (R-ATT-3, R-ATT-4) count a tổ đảng's meeting in the months
      // it stands for the cell's monthly meeting.
      for (const auto& sg : subgroups)
        for (auto& rec : tx_.meetingsOfOrg(sg.id, localStart(at_.addMonths(-13)), localStart(at_.addDays(41))))
          if (standsForMonthly(rec.meeting.kind) &&
              pilotCovers(*pilot, monthKey(rec.meeting.period_year, rec.meeting.period_month)))
            pilot_meetings_.push_back(std::move(rec));
    }
    for (int k = 11; k >= 0; --k) {
      Date mo = first.addMonths(-k);
      int y = mo.year();
      unsigned m = mo.month();
      const RuleSet* rs = rr_.find(cell.path, lastDayOfMonth(y, m));
      if (!rs) continue;
      Date due = dayOfMonthClamped(y, m, rs->monthly_meeting_due_day.value);
      if (*active_from > due) continue;
      std::optional<SubgroupMonth> by_subgroups;
      if (pilot && pilotCovers(*pilot, monthKey(y, m)))
        by_subgroups = judgeSubgroupMonth(subgroup_ids, subgroup_meetings, y, m);
      for (auto& w : monthlyMeetingWarnings(*rs, cell.id, occ, y, m, at_, by_subgroups ? &*by_subgroups : nullptr))
        out_.add(std::move(w), cell, "monthly_meeting_missing:org:" + std::to_string(cell.id) + ":" +
                                         std::to_string(y) + "-" + two(m),
                 cell.name, due.addDays(1));
    }
    // R-FREQ-2: quarters that ended in the last 12 months, with the rules of the quarter's last day.
    for (int y = at_.year() - 1; y <= at_.year(); ++y)
      for (int q = 1; q <= 4; ++q) {
        Date end = quarterEnd(y, q);
        if (end >= at_ || end < window_from_ || *active_from > quarterStart(y, q)) continue;
        const RuleSet* rs = rr_.find(cell.path, end);
        if (!rs) continue;
        for (auto& w : thematicMeetingWarnings(*rs, cell.id, occ, y, q, at_))
          out_.add(std::move(w), cell,
                   "thematic_meeting_missing:org:" + std::to_string(cell.id) + ":" + std::to_string(y) + "-Q" +
                       std::to_string(q),
                   cell.name, end.addDays(1));
      }

    // Each meeting: duration and preparation, with the rules of its day.
    for (const auto& m : meetings) {
      const Meeting& mt = m.meeting;
      if (mt.status == MeetingStatus::cancelled || mt.planned_start.date() < window_from_) continue;
      Date day = meetingDay(m);
      const RuleSet* rs = rr_.find(cell.path, day);
      if (!rs) continue;
      if (held(mt.status) && day <= at_) {
        auto d = durationMinutes(mt);
        // The roll size matters only for a large-cell minimum; read it only then.
        if (d && *d < minDurationFor(*rs, mt.kind, 1 << 30).value) {
          int roll = 0;
          for (const auto& cand : tx_.rosterCandidates(cell.path, day))
            if (covers(cand.placement, day) && stateOn(cand.member, cand.statuses, day).on_roll) ++roll;
          for (auto& w : durationWarnings(*rs, mt, roll))
            out_.add(std::move(w), cell, "meeting_too_short:meeting:" + std::to_string(mt.id), meetingName(m), day);
        }
      }
      // A record copied from the paper minutes book cannot show when the chi ủy
      // prepared or when notices and documents went out: R-PREP-1/2 do not judge it.
      if (mt.from_paper_book) continue;
      for (auto& w : preparationWarnings(*rs, mt, m.prep, judged_at_)) {
        Date since = day;
        if (w.code == "documents_published_late" && m.prep.documents_published_at)
          since = m.prep.documents_published_at->date();
        else if (w.code == "documents_not_published")
          since = documentsDeadline(mt.planned_start, rs->documents_days_before.value).addDays(1);
        std::string key = w.code + ":meeting:" + std::to_string(mt.id);
        out_.add(std::move(w), cell, std::move(key), meetingName(m), since);
      }
    }

    // R-RES-1: tasks past their deadline, with the rules in force today.
    if (const RuleSet* rs = rr_.find(cell.path, at_); rs) {
      auto pending = tx_.pendingTasksBefore(cell.id, localStart(at_.addDays(1)));
      std::map<Id, const Task*> byId;
      for (const auto& t : pending) byId[t.id] = &t;
      for (auto& w : overdueTaskWarnings(*rs, pending, at_)) {
        const Task* t = byId.at(w.subject_id);
        out_.add(std::move(w), cell, "task_overdue:task:" + std::to_string(t->id), t->description,
                 t->deadline->addDays(1));
      }
    }
    // R-RES-1: a resolution whose tasks the next monthly meeting did not review.
    for (size_t i = 0; i < meetings.size(); ++i) {
      const auto& m = meetings[i];
      if (m.meeting.status == MeetingStatus::cancelled || !countsAsMonthly(m.meeting.kind)) continue;
      Date day = meetingDay(m);
      if (day < window_from_ || day > at_) continue;
      std::optional<Date> next;
      for (size_t j = i + 1; j < meetings.size() && !next; ++j)
        if (countsAsMonthly(meetings[j].meeting.kind) && held(meetings[j].meeting.status)) next = meetingDay(meetings[j]);
      if (!next || *next > at_) continue;
      auto resolutions = tx_.resolutionsOfMeeting(m.meeting.id);
      if (resolutions.empty()) continue;
      const RuleSet* rs = rr_.find(cell.path, *next);
      if (!rs) continue;
      auto tasks = tx_.tasksOfMeeting(m.meeting.id);
      for (const auto& r : resolutions) {
        ResolutionFollowUp fu{r.id, resolutionName(r), {}, next};
        for (const auto& t : tasks)
          if (t.resolution_id && *t.resolution_id == r.id) fu.tasks.push_back(t);
        for (auto& w : resolutionReviewWarnings(*rs, fu, at_))
          out_.add(std::move(w), cell, "resolution_tasks_not_reviewed:resolution:" + std::to_string(r.id),
                   fu.number_text, *next);
      }
    }
  }

  // R-ATT-3, R-ATT-4, R-DUBI-1 for every member on the roll of the subtree on `at`.
  void members(const Org& root, const std::map<Id, Org>& readable_cells) {
    std::map<Id, std::vector<MeetingOutcome>> outcomes;
    auto count = [&](const MeetingRecord& m) {
      Date d = meetingDay(m);
      if (!held(m.meeting.status) || d.year() != at_.year() || d > at_) return;
      for (const auto& a : tx_.attendance(m.meeting.id))
        outcomes[a.mark.member_id].push_back({d, outcomeOf(a.mark.status)});
    };
    for (const auto& [cell_id, meetings] : cells_)
      for (const auto& m : meetings)
        if (countsForAttendanceRules(m.meeting.kind)) count(m);
    for (const auto& m : pilot_meetings_) count(m);
    for (const auto& cand : tx_.rosterCandidates(root.path, at_)) {
      if (!covers(cand.placement, at_)) continue;
      MemberState st = stateOn(cand.member, cand.statuses, at_);
      if (!st.on_roll) continue;
      auto cit = readable_cells.find(cand.placement.cell_id);
      if (cit == readable_cells.end()) continue;
      const Org& cell = cit->second;
      // The Điều lệ's rules judge members on every day it is in force; the
      // excused-absence streak (R-ATT-3) comes from the meeting guidance.
      const MemberRules* mr = rr_.findMembers(cell.path, at_);
      if (!mr) continue;
      const RuleSet* rs = rr_.find(cell.path, at_);
      const Member& mb = cand.member;
      const std::string year = std::to_string(at_.year());

      MemberYear y;
      y.member_id = mb.id;
      y.full_name = mb.full_name;
      y.year = at_.year();
      y.exempt = st.exempt || st.temp_exempt;
      if (auto it = outcomes.find(mb.id); it != outcomes.end()) y.meetings = it->second;
      // (a) alone here: the dues counter is judged below, under its own key.
      auto lastOf = [&](AttendanceOutcome o) {
        Date last = at_;
        bool any = false;
        for (const auto& x : y.meetings)
          if (x.outcome == o && (!any || x.date > last)) last = x.date, any = true;
        return last;
      };
      for (auto& w : rs ? excusedStreakWarnings(*rs, y) : std::vector<Warning>{}) {
        std::string key = w.code + ":member:" + std::to_string(mb.id) + ":" + year;
        out_.add(std::move(w), cell, std::move(key), mb.full_name, lastOf(AttendanceOutcome::excused));
      }
      for (auto& w : removalWatchWarnings(*mr, y)) {
        std::string key = w.code + ":member:" + std::to_string(mb.id) + ":" + year;
        out_.add(std::move(w), cell, std::move(key), mb.full_name, lastOf(AttendanceOutcome::unexcused));
      }
      // R-ATT-4 (b): months of dues unpaid without good reason, a counter of its own
      // (not added to the meetings'), kept under its own key.
      MemberYear dues_year{mb.id, mb.full_name, y.year, y.exempt, {}, {}};
      dues_year.unpaid_dues_months =
          memberUnpaidDuesMonths(tx_, cat_, mb, cand.statuses, at_.year(), at_, &dues_recorded_);
      if (!dues_year.unpaid_dues_months.empty()) {
        const int last = int(dues_year.unpaid_dues_months.back());
        const Date since = ymLastDay(at_.year() * 100 + last).addDays(1);
        for (auto& w : removalWatchWarnings(*mr, dues_year)) {
          std::string key = w.code + ":member:" + std::to_string(mb.id) + ":dues:" + year;
          out_.add(std::move(w), cell, std::move(key), mb.full_name, std::min(since, at_));
        }
      }

      if (mb.admission_ceremony_date && !mb.official_date && st.standing == StatusKind::probationary) {
        // The chi bộ's vote on official status (recorded in the admission
        // pipeline) is the review R-DUBI-1 asks for.
        auto cand = tx_.admission().candidateOfMember(mb.id);
        bool reviewed = cand && (cand->stage == AdmissionStage::official_voted || cand->stage == AdmissionStage::official ||
                                 cand->stage == AdmissionStage::refused);
        Probation p{mb.id, mb.full_name, *mb.admission_ceremony_date, reviewed};
        Date end = probationEnd(*mr, p);
        for (auto& w : probationWarnings(*mr, p, at_, cat_.holidays)) {
          Date since = w.code == "probation_ending" ? end.addDays(-mr->probation_notice_days.value)
                       : w.code == "probation_review_due" ? end
                                                          : probationReviewDeadline(*mr, p, cat_.holidays).addDays(1);
          std::string key = w.code + ":member:" + std::to_string(mb.id);
          out_.add(std::move(w), cell, std::move(key), mb.full_name, since);
        }
      }
    }
  }

  // R-KN-1: a decision received and no ceremony within the working days allowed.
  void admission(const Org& cell) {
    for (const auto& cand : tx_.admission().candidatesOfCell(cell.id)) {
      if (cand.stage != AdmissionStage::decided) continue;
      Date received = cand.stage_date;
      for (const auto& s : tx_.admission().stages(cand.id))
        if (s.stage == AdmissionStage::decided) received = s.received_on.value_or(s.day);
      const AdmissionRules* ar = admissionRulesInForce(cat_.admission, received);
      if (!ar) continue;
      for (auto& w : ceremonyWarnings(*ar, cell.id, cand.full_name, received, at_, cat_.holidays)) {
        std::string key = w.code + ":candidate:" + std::to_string(cand.id) + ":ceremony";
        out_.add(std::move(w), cell, std::move(key), cand.full_name,
                 ceremonyDeadline(*ar, received, cat_.holidays).addDays(1));
      }
    }
  }

 private:
  ReadTx& tx_;
  const RuleCatalog& cat_;
  DuesRecordedCache dues_recorded_;  // each cell's recorded dues months, read once a pass
  RuleResolver rr_;
  Date at_;
  Collector& out_;
  DateTime judged_at_;
  Date window_from_;
  std::map<Id, std::vector<MeetingRecord>> cells_;
  std::vector<MeetingRecord> pilot_meetings_;  // tổ đảng meetings standing for a cell's monthly meeting
};

int rank(Severity s) {
  switch (s) {
    case Severity::serious: return 2;
    case Severity::warning: return 1;
    case Severity::info: return 0;
  }
  return 0;
}

}  // namespace

std::vector<WarningView> computeWarnings(ReadTx& tx, const RuleCatalog& cat, const Caller& c, const Org& root,
                                         Date at) {
  std::map<std::string, WarningAck> acks;
  for (auto& a : tx.warningAcks(root.path)) acks.emplace(a.key, std::move(a));
  Collector out{acks, {}};
  SubtreeWarnings sw(tx, cat, c, at, out);

  // The readable cells of the subtree, breadth first.
  std::map<Id, Org> cells;
  std::vector<Org> queue{root};
  for (size_t i = 0; i < queue.size(); ++i) {
    const Org o = queue[i];
    if (o.kind == OrgKind::cell && !o.archived && orgAccess(c.principal, o.path) >= Access::read) {
      cells[o.id] = o;
      sw.cell(o);
      sw.admission(o);
    }
    if (o.kind == OrgKind::committee)
      for (auto& ch : tx.orgChildren(o.id)) queue.push_back(std::move(ch));
  }
  sw.members(root, cells);
  return std::move(out.out);
}

void sortWarnings(std::vector<WarningView>& ws) {
  std::sort(ws.begin(), ws.end(), [](const WarningView& a, const WarningView& b) {
    if (rank(a.warning.severity) != rank(b.warning.severity)) return rank(a.warning.severity) > rank(b.warning.severity);
    if (a.since != b.since) return a.since > b.since;
    return a.key < b.key;
  });
}

}  // namespace quality

}  // namespace chibo
