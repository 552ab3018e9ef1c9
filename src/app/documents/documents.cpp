// Mapping the records of a meeting, an org's year and a committee's month onto
// the export builders' inputs.
#include "app/documents/documents.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "app/documents/resolution_facts.h"
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"
#include "app/oversight/rollup.h"
#include "app/quality/quality.h"
#include "domain/meeting/vn_format.h"
#include "domain/text/vn_text.h"
#include "export/attendance_list.h"
#include "export/minutes.h"
#include "export/task_list.h"
#include "export/text.h"

namespace chibo {
namespace {

DateTime startOfDay(Date d) { return DateTime{int64_t(d.days()) * 86400 - 7 * 3600}; }  // 00:00 UTC+7
bool isHeld(MeetingStatus s) { return s == MeetingStatus::held || s == MeetingStatus::finalized; }

std::string dashedDate(Date d) {
  std::string vn = d.vn();  // 05/03/2026
  std::replace(vn.begin(), vn.end(), '/', '-');
  return vn;
}

// The administrative place of the HD 36 place-date line: the name after
// "phường", "xã", "thị trấn" or "đặc khu" in the nearest committee that has one.
std::string placeOf(ReadTx& tx, const Org& org) {
  auto ids = pathIds(org.path);
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    auto o = *it == org.id ? std::optional<Org>(org) : tx.org(*it);
    if (!o) continue;
    for (const char* word : {"phường ", "Phường ", "xã ", "Xã ", "thị trấn ", "Thị trấn ", "đặc khu ", "Đặc khu "}) {
      auto at = o->name.find(word);
      if (at != std::string::npos) return o->name.substr(at + std::string(word).size());
    }
  }
  return "";
}

DocumentHeading headingOf(ReadTx& tx, const Org& org, Date date) {
  DocumentHeading h;
  if (org.parent_id)
    if (auto parent = tx.org(*org.parent_id)) h.superior_body = upperVn(parent->name);
  h.issuing_body = upperVn(org.name);
  h.place = placeOf(tx, org);
  h.date = date;
  return h;
}

// "sinh hoạt chi bộ thường kỳ tháng 3/2026", lower case: it follows "dự" in lists.
std::string meetingPhrase(const MeetingRecord& rec) {
  const Meeting& m = rec.meeting;
  std::string period = "tháng " + std::to_string(m.period_month) + "/" + std::to_string(m.period_year);
  switch (m.kind) {
    case MeetingKind::regular: return "sinh hoạt chi bộ thường kỳ " + period;
    case MeetingKind::combined:
      return "sinh hoạt chi bộ thường kỳ kết hợp chuyên đề " + period + (m.topic.empty() ? "" : ": " + m.topic);
    case MeetingKind::thematic: return "sinh hoạt chuyên đề " + period + (m.topic.empty() ? "" : ": " + m.topic);
    case MeetingKind::extraordinary: return "sinh hoạt chi bộ bất thường ngày " + meetingDate(rec).vn();
    case MeetingKind::subgroup: return "sinh hoạt tổ đảng " + period;
    case MeetingKind::committee_meeting: return "họp ngày " + meetingDate(rec).vn();
  }
  return "";
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string l = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    auto t = trimAscii(l);
    if (!t.empty()) out.emplace_back(t);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

// "Bí thư Chi bộ Khu phố 1" when the member holds a role in the org that day.
std::string positionIn(ReadTx& tx, Id member_id, const Org& org, Date day) {
  for (const auto& r : tx.rolesOfMember(member_id))
    if (r.org_id == org.id && covers(r, day)) return std::string(label(r.role)) + " " + org.name;
  return "";
}

std::string nameOf(const MeetingView& v, std::optional<Id> id) {
  if (!id) return "";
  auto it = v.names.find(*id);
  return it == v.names.end() ? "" : it->second;
}

std::string absenceReason(const AbsenceLine& a) {
  std::string r = a.reason ? std::string(label(*a.reason)) : "";
  if (!a.reason_text.empty()) r += r.empty() ? a.reason_text : " (" + a.reason_text + ")";
  return r.empty() ? "có lý do" : r;
}

std::string assigneeNames(const std::vector<Id>& ids, const std::map<Id, std::string>& names) {
  std::string s;
  for (Id id : ids) {
    auto it = names.find(id);
    if (it == names.end() || it->second.empty()) continue;
    s += (s.empty() ? "Đồng chí " : ", đồng chí ") + it->second;
  }
  return s;
}

// The document the minutes and the resolution speak of: the monthly resolution
// when there is one, else the first one adopted.
const ResolutionView* mainResolution(const MeetingView& v) {
  for (const auto& rv : v.resolutions)
    if (rv.resolution.doc_type == DocType::resolution) return &rv;
  return v.resolutions.empty() ? nullptr : &v.resolutions.front();
}

// The holder of the secretary role of the org on `day`, else the chair.
std::string signerName(ReadTx& tx, const MeetingView& v, Date day) {
  for (const auto& r : tx.rolesInOrg(v.org.id))
    if (r.role == MemberRole::secretary && covers(r, day))
      if (auto m = tx.member(r.member_id)) return m->full_name;
  return nameOf(v, v.record.meeting.chair_member_id);
}

Signature cellSignature(const Org& org, std::string name) {
  return org.kind == OrgKind::committee ? Signature{"T/M ĐẢNG ỦY", "BÍ THƯ", std::move(name)}
                                        : Signature{"T/M CHI ỦY", "BÍ THƯ", std::move(name)};
}

Result<MeetingView> heldMeetingView(ReadTx& tx, const Caller& c, Id meeting_id) {
  auto ctx = loadMeeting(tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (ctx->rec.meeting.status == MeetingStatus::cancelled)
    return Error::conflict("meeting_cancelled", "Cuộc họp đã hủy, không có văn bản.");
  if (!isHeld(ctx->rec.meeting.status))
    return Error::conflict("not_held", "Cuộc họp chưa diễn ra nên chưa có văn bản.");
  return buildMeetingView(tx, c, *ctx);
}

}  // namespace

std::string asciiFileStem(const std::string& stem) {
  std::string folded = foldForSearch(stem), out;
  for (char ch : folded) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (ok) out += ch;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "tai-lieu" : out;
}

Result<DocumentOut> minutesDocument(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const Meeting& m = v.record.meeting;
  const Date day = meetingDate(v.record);

  MinutesInput in;
  in.heading = headingOf(*tx, v.org, day);
  in.title = capitalised(meetingPhrase(v.record));
  in.start = m.started_at.value_or(m.planned_start);
  in.end = m.ended_at;
  in.place = m.place;
  if (m.chair_member_id) in.chair = {nameOf(v, m.chair_member_id), positionIn(*tx, *m.chair_member_id, v.org, day)};
  if (m.secretary_member_id)
    in.secretary = {nameOf(v, m.secretary_member_id), positionIn(*tx, *m.secretary_member_id, v.org, day)};
  for (const auto& g : m.guests) in.guests.push_back({g.name, g.position});

  const AttendanceSummary& a = v.attendance;
  in.counts.official = a.roll.official;
  in.counts.probationary = a.roll.probationary;
  in.counts.temp_in = a.roll.incoming;
  in.counts.exempt = a.roll.exempt;
  in.counts.temp_out = a.roll.away;
  in.counts.expected = a.expected;
  in.counts.present = a.present;
  for (const auto& x : a.excused_list) in.absent_with_reason.push_back({x.full_name, absenceReason(x)});
  for (const auto& x : a.unexcused_list) in.absent_without_reason.push_back(x.full_name);
  for (Id id : a.unmarked_ids) in.absent_without_reason.push_back(nameOf(v, id) + " (chưa điểm danh)");

  // Speeches under the agenda item they were given at; the rest under the discussion step.
  std::map<Id, size_t> item_of;
  std::optional<size_t> discussion;
  for (const auto& item : v.agenda) {
    item_of[item.id] = in.agenda.size();
    if (!discussion && (item.step_code == "discussion" || item.step_code == "topic_discussion"))
      discussion = in.agenda.size();
    in.agenda.push_back({item.title, "", item.notes, {}, ""});
  }
  for (const auto& s : v.speeches) {
    std::optional<size_t> at;
    if (s.agenda_item_id)
      if (auto it = item_of.find(*s.agenda_item_id); it != item_of.end()) at = it->second;
    if (!at) {
      if (!discussion) {
        discussion = in.agenda.size();
        in.agenda.push_back({"Thảo luận", "", "", {}, ""});
      }
      at = discussion;
    }
    in.agenda[*at].discussion.push_back({nameOf(v, s.member_id), s.summary});
  }
  in.conclusion = v.record.conclusion;
  if (const auto* rv = mainResolution(v)) {
    const Resolution& r = rv->resolution;
    if (r.vote) in.vote = VoteTally{r.vote->eligible, r.vote->votes_for, r.vote->against};
    in.vote_subject = r.doc_type == DocType::conclusion ? "thông qua Kết luận" : "thông qua Nghị quyết";
  }
  in.read_back = v.record.minutes_read_back_at.has_value();

  auto doc = buildMinutes(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Biên bản " + v.org.name + " ngày " + dashedDate(day)};
}

Result<DocumentOut> resolutionDocument(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const ResolutionView* rv = mainResolution(v);
  if (!rv) return Error{ErrorKind::not_found, "no_resolution", "Cuộc họp chưa thông qua nghị quyết hay kết luận nào.", {}};
  const Resolution& r = rv->resolution;
  const Meeting& m = v.record.meeting;
  const Date day = meetingDate(v.record);

  ResolutionFacts f;
  f.heading = headingOf(*tx, v.org, r.issued_on.value_or(day));
  f.heading.number = rv->number_text;
  f.doc_type = upperVn(label(r.doc_type));
  f.title = r.title;
  const std::string lead = "Lãnh đạo thực hiện nhiệm vụ ";
  f.period = "tháng " + std::to_string(m.period_month) + "/" + std::to_string(m.period_year);
  f.direction_period = r.title.rfind(lead, 0) == 0 && r.title.size() > lead.size() ? r.title.substr(lead.size()) : f.period;
  f.start = m.started_at.value_or(m.planned_start);
  f.end = m.ended_at;
  f.place = m.place;
  f.expected = v.attendance.expected;
  f.present = v.attendance.present;
  f.chair = nameOf(v, m.chair_member_id);
  f.secretary = nameOf(v, m.secretary_member_id);

  // The resolution under review: the latest one the carried tasks came from.
  std::optional<Id> previous;
  for (const auto& t : v.carried_tasks)
    if (t.task.resolution_id && t.task.resolution_id != r.id && (!previous || *t.task.resolution_id > *previous))
      previous = t.task.resolution_id;
  if (previous)
    if (auto pr = tx->resolution(*previous)) {
      std::string num = resolutionView(*pr).number_text;
      if (auto sp = num.find(' '); sp != std::string::npos) num = num.substr(sp + 1);
      f.previous_resolution = std::string(label(pr->doc_type)) + (num.empty() ? "" : " số " + num) +
                              (pr->issued_on ? " ngày " + pr->issued_on->vn() : "");
    }
  for (const auto& t : v.carried_tasks) {
    std::string result = t.review && !t.review->note.empty() ? t.review->note : t.task.result_note;
    std::string status = t.review ? std::string(label(t.review->outcome)) : "Chưa đánh giá";
    f.previous_tasks.push_back({t.task.description, result, status});
  }
  f.assessment = lines(r.sections.assessment);
  f.directions = lines(r.sections.direction);
  for (const auto& t : v.tasks)
    if (t.task.resolution_id == r.id)
      f.assignments.push_back({t.task.description, assigneeNames(t.task.assignee_member_ids, v.names), t.task.deadline});
  f.assignment_notes = lines(r.sections.assignments);
  f.self_assessment = r.sections.self_assessment;
  if (r.vote) f.vote = VoteTally{r.vote->eligible, r.vote->votes_for, r.vote->against};
  f.signer = cellSignature(v.org, signerName(*tx, v, day));

  auto doc = buildResolutionDocument(f);
  if (!doc) return doc.error();
  std::string stem = std::string(label(r.doc_type)) + " " + v.org.name;
  if (r.number) {
    std::string n = std::to_string(*r.number);
    stem += " số " + std::string(n.size() < 2 ? "0" : "") + n;
  }
  return DocumentOut{std::move(*doc), stem + " ngày " + dashedDate(r.issued_on.value_or(day))};
}

Result<DocumentOut> attendanceDocument(Store& store, const Caller& c, Id meeting_id) {
  auto tx = store.read();
  auto view = heldMeetingView(*tx, c, meeting_id);
  if (!view) return view.error();
  const MeetingView& v = *view;
  const Date day = meetingDate(v.record);
  AttendanceListInput in;
  in.heading = headingOf(*tx, v.org, day);
  in.meeting = meetingPhrase(v.record);
  std::map<Id, const AbsenceLine*> excused;
  for (const auto& x : v.attendance.excused_list) excused[x.member_id] = &x;
  for (const auto& line : v.roll) {
    if (line.excluded) continue;  // not expected that day (exempt, away, special duty)
    AttendanceRow row;
    row.name = line.full_name;
    row.standing = line.state.incoming ? "SHTT đến"
                   : line.state.standing == StatusKind::probationary ? "Dự bị" : "Chính thức";
    row.present = line.mark && isPresent(line.mark->mark.status);
    if (auto it = excused.find(line.member_id); it != excused.end()) row.absence_reason = absenceReason(*it->second);
    in.rows.push_back(std::move(row));
  }
  in.signatures = {cellSignature(v.org, signerName(*tx, v, day))};
  auto doc = buildAttendanceList(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Danh sách dự họp " + v.org.name + " ngày " + dashedDate(day)};
}

Result<DocumentOut> taskListDocument(Store& store, const Caller& c, Id org_id, int year) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org) return Error::notFound();
  if (orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (year < 1930 || year > 9999) return Error::validation({{"year", "out_of_range", "Năm không hợp lệ."}});
  TaskListInput in;
  in.heading = headingOf(*tx, *org, c.today());
  in.year = year;
  std::map<Id, std::string> names;
  std::map<Id, std::string> sources;
  auto first = *Date::fromYmd(year, 1, 1);
  for (const auto& rec : tx->meetingsOfOrg(org->id, startOfDay(first.addMonths(-1)), startOfDay(first.addMonths(13)))) {
    if (!isHeld(rec.meeting.status) || rec.meeting.period_year != year) continue;
    for (const auto& t : tx->tasksOfMeeting(rec.meeting.id)) {
      for (Id a : t.assignee_member_ids)
        if (!names.count(a))
          if (auto mm = tx->member(a)) names[a] = mm->full_name;
      std::string source;
      if (t.resolution_id) {
        auto it = sources.find(*t.resolution_id);
        if (it == sources.end()) {
          std::string s;
          if (auto r = tx->resolution(*t.resolution_id)) {
            s = resolutionView(*r).number_text;
            if (s.rfind("Số ", 0) == 0) s = std::string(docSymbol(r->doc_type)) + " " + s.substr(std::string("Số ").size());
          }
          it = sources.emplace(*t.resolution_id, s).first;
        }
        source = it->second;
      }
      in.tasks.push_back({t.description, assigneeNames(t.assignee_member_ids, names), t.deadline, source,
                          std::string(label(t.status))});
    }
  }
  std::string signer;
  for (const auto& r : tx->rolesInOrg(org->id))
    if (r.role == MemberRole::secretary && covers(r, c.today()))
      if (auto mm = tx->member(r.member_id)) signer = mm->full_name;
  in.signatures = {cellSignature(*org, signer)};
  auto doc = buildTaskList(in);
  if (!doc) return doc.error();
  return DocumentOut{std::move(*doc), "Nhiệm vụ năm " + std::to_string(year) + " " + org->name};
}

// --- the monthly briefing

namespace {

std::optional<double> ratio(int num, int den) {
  return den > 0 ? std::optional<double>(double(num) / den) : std::nullopt;
}

XlsxCell percentCell(std::optional<double> r) { return r ? XlsxCell(XlsxPercent{*r}) : XlsxCell(std::monostate{}); }

std::string percentText(std::optional<double> r) { return r ? vnPercent(*r * 100) : "–"; }

struct CellLine {
  Org cell;
  RollupFigures f;
};

std::vector<XlsxCell> figureCells(const RollupFigures& f) {
  const StatsCounts& s = f.sums;
  std::optional<double> avg = s.duration_count ? std::optional<double>(double(s.duration_sum) / s.duration_count) : std::nullopt;
  return {int64_t(f.meetings_due),
          int64_t(s.monthly_held),
          int64_t(s.monthly_on_time),
          int64_t(s.meetings),
          avg ? XlsxCell(double(int(*avg * 10 + 0.5)) / 10) : XlsxCell(std::monostate{}),
          int64_t(s.expected),
          int64_t(s.present),
          percentCell(ratio(s.present, s.expected)),
          int64_t(s.unexcused),
          int64_t(s.speakers),
          percentCell(ratio(s.speakers, s.present)),
          percentCell(ratio(s.young_speakers, s.young_present)),
          percentCell(ratio(s.new_speakers, s.new_present)),
          int64_t(s.resolutions),
          int64_t(s.tasks_on_time),
          int64_t(s.tasks_late),
          int64_t(s.tasks_open),
          int64_t(s.monitor_present)};
}

const std::vector<std::string>& figureHeader() {
  static const std::vector<std::string> h{
      "Phải sinh hoạt", "Đã sinh hoạt", "Đúng kỳ", "Số cuộc họp", "Thời lượng TB (phút)", "Đảng viên phải dự",
      "Có mặt", "Tỷ lệ dự họp", "Vắng không lý do", "Số người phát biểu", "Tỷ lệ phát biểu",
      "Tỷ lệ phát biểu ĐV trẻ", "Tỷ lệ phát biểu ĐV mới", "Nghị quyết", "Nhiệm vụ đúng hạn", "Nhiệm vụ chậm",
      "Nhiệm vụ đang thực hiện", "Cấp ủy viên dự"};
  return h;
}

// Best first: met, then attendance rate, then speaker share, then fewer unexcused absences.
bool better(const CellLine& a, const CellLine& b) {
  auto key = [](const CellLine& l) {
    const StatsCounts& s = l.f.sums;
    return std::make_tuple(s.monthly_held > 0 ? 1 : 0, ratio(s.present, s.expected).value_or(-1),
                           ratio(s.speakers, s.present).value_or(-1), -s.unexcused);
  };
  auto ka = key(a), kb = key(b);
  if (ka != kb) return ka > kb;
  return a.cell.path < b.cell.path;
}

std::string cellSummary(const CellLine& l) {
  const StatsCounts& s = l.f.sums;
  if (s.monthly_held == 0) return l.cell.name + ": chưa sinh hoạt thường kỳ trong tháng";
  return l.cell.name + ": dự họp " + std::to_string(s.present) + "/" + std::to_string(s.expected) + " (" +
         percentText(ratio(s.present, s.expected)) + "), phát biểu " + percentText(ratio(s.speakers, s.present)) +
         ", vắng không lý do " + std::to_string(s.unexcused);
}

}  // namespace

Result<BriefingOut> briefing(Store& store, const Caller& c, Id org_id, int year, unsigned month,
                             const RuleCatalog* rules) {
  std::optional<Org> org;
  std::vector<CellLine> cells;
  RollupView totals, trend;
  const int ym = yearMonth(year, month);
  {
    auto tx = store.read();
    org = tx->org(org_id);
    if (!org) return Error::notFound();
    Access a = orgAccess(c.principal, org->path);
    if (a == Access::none) return Error::notFound();
    if (a < Access::read) return Error::forbidden();
    if (org->kind != OrgKind::committee)
      return Error{ErrorKind::validation, "not_a_committee", "Báo cáo giao ban lập cho đảng ủy (đảng bộ).",
                   {{"id", "not_a_committee", "Báo cáo giao ban lập cho đảng ủy (đảng bộ)."}}};
    if (year < 1930 || year > 9999 || month < 1 || month > 12)
      return Error::validation({{"month", "invalid_month", "Tháng không hợp lệ (định dạng YYYY-MM)."}});
  }
  ensureAggregates(store, c.now);
  {
    auto tx = store.read();
    const int now_ym = ymOf(c.today());
    std::map<Id, size_t> index;
    for (const auto& o : tx->orgSubtree(org->path)) {
      if (o.kind != OrgKind::cell || o.archived) continue;
      CellLine l{o, {}};
      l.f.cells = 1;
      l.f.meetings_due = ym < now_ym ? 1 : 0;
      cells.push_back(std::move(l));
    }
    // Tree order, as the dashboard lists children: by parent, then code, then name.
    auto parentPath = [](const Org& o) { return o.path.substr(0, o.path.rfind('/', o.path.size() - 2) + 1); };
    std::sort(cells.begin(), cells.end(), [&](const CellLine& a, const CellLine& b) {
      return std::make_tuple(parentPath(a.cell), a.cell.code, a.cell.name) < std::make_tuple(parentPath(b.cell), b.cell.code, b.cell.name);
    });
    for (size_t i = 0; i < cells.size(); ++i) index[cells[i].cell.id] = i;
    for (const auto& row : tx->cellMonthStats(org->path, ym, ym)) {
      auto it = index.find(row.cell_id);
      if (it == index.end()) continue;
      CellLine& l = cells[it->second];
      l.f.sums += row.counts;
      if (ym >= now_ym && row.counts.monthly_held > 0) l.f.meetings_due = 1;
    }
    totals = computeRollup(*tx, *org, ym, ym, c.today(), false);
    int from = ym;
    for (int i = 0; i < 11; ++i) from = from % 100 == 1 ? (from / 100 - 1) * 100 + 12 : from - 1;
    trend = computeRollup(*tx, *org, from, ym, c.today(), false);
  }
  std::vector<WarningView> warnings;
  if (rules) {
    WarningQuery q;
    q.page.limit = 500;
    if (auto w = listWarnings(store, *rules, c, org->id, q)) warnings = std::move(w->items);
  }

  const std::string period = "tháng " + std::to_string(month) + "/" + std::to_string(year);
  BriefingOut out;
  out.file_stem = "Báo cáo giao ban " + period.substr(std::string("tháng ").size()) + " " + org->name;
  std::replace(out.file_stem.begin(), out.file_stem.end(), '/', '-');

  // --- workbook: per-cell figures (first sheet: what a CSV export shows), trend, best/weakest, warnings.
  XlsxBook& book = out.book;
  book.title = "Báo cáo giao ban " + period + " – " + org->name;
  book.author = c.principal.username;
  XlsxSheet cellsSheet;
  cellsSheet.name = "Chi bộ";
  cellsSheet.title = "Kết quả sinh hoạt chi bộ " + period + " – " + org->name;
  cellsSheet.header = {"STT", "Chi bộ"};
  for (const auto& h : figureHeader()) cellsSheet.header.push_back(h);
  int stt = 0;
  for (const auto& l : cells) {
    std::vector<XlsxCell> row{int64_t(++stt), l.cell.name};
    auto fig = figureCells(l.f);
    row.insert(row.end(), fig.begin(), fig.end());
    cellsSheet.rows.push_back(std::move(row));
  }
  {
    std::vector<XlsxCell> row{std::monostate{}, std::string("Tổng cộng")};
    auto fig = figureCells(totals.figures);
    row.insert(row.end(), fig.begin(), fig.end());
    cellsSheet.rows.push_back(std::move(row));
  }
  cellsSheet.column_widths = {6, 34};
  for (size_t i = 0; i < figureHeader().size(); ++i) cellsSheet.column_widths.push_back(13);
  book.sheets.push_back(std::move(cellsSheet));

  XlsxSheet trendSheet;
  trendSheet.name = "Xu hướng 12 tháng";
  trendSheet.title = "Diễn biến 12 tháng đến " + period + " – " + org->name;
  trendSheet.header = {"Tháng"};
  for (const auto& h : figureHeader()) trendSheet.header.push_back(h);
  for (const auto& mo : trend.months) {
    std::vector<XlsxCell> row{std::to_string(mo.month) + "/" + std::to_string(mo.year)};
    auto fig = figureCells(mo.figures);
    row.insert(row.end(), fig.begin(), fig.end());
    trendSheet.rows.push_back(std::move(row));
  }
  trendSheet.column_widths = {10};
  book.sheets.push_back(std::move(trendSheet));

  std::vector<CellLine> ranked = cells;
  std::sort(ranked.begin(), ranked.end(), better);
  size_t n = std::min<size_t>(3, ranked.size() / 2);
  std::vector<CellLine> best(ranked.begin(), ranked.begin() + long(n));
  std::vector<CellLine> weakest(ranked.end() - long(n), ranked.end());
  std::reverse(weakest.begin(), weakest.end());
  XlsxSheet rankSheet;
  rankSheet.name = "Nổi bật";
  rankSheet.title = "Chi bộ tốt nhất và yếu nhất " + period +
                    " (xếp theo: đã sinh hoạt, tỷ lệ dự họp, tỷ lệ phát biểu, vắng không lý do)";
  rankSheet.header = {"Nhóm", "Chi bộ", "Đã sinh hoạt", "Tỷ lệ dự họp", "Tỷ lệ phát biểu", "Vắng không lý do"};
  auto rankRow = [](const char* group, const CellLine& l) {
    const StatsCounts& s = l.f.sums;
    return std::vector<XlsxCell>{std::string(group), l.cell.name, int64_t(s.monthly_held),
                                 percentCell(ratio(s.present, s.expected)), percentCell(ratio(s.speakers, s.present)),
                                 int64_t(s.unexcused)};
  };
  for (const auto& l : best) rankSheet.rows.push_back(rankRow("Tốt nhất", l));
  for (const auto& l : weakest) rankSheet.rows.push_back(rankRow("Cần quan tâm", l));
  rankSheet.column_widths = {14, 34, 12, 12, 14, 14};
  book.sheets.push_back(std::move(rankSheet));

  if (rules) {
    XlsxSheet warnSheet;
    warnSheet.name = "Cảnh báo";
    warnSheet.title = "Cảnh báo sớm đang mở – " + org->name;
    warnSheet.header = {"Mức độ", "Chi bộ", "Đối tượng", "Nội dung", "Quy định"};
    for (const auto& w : warnings)
      if (!w.ack)
        warnSheet.rows.push_back({std::string(label(w.warning.severity)), w.org.name, w.subject_name,
                                  w.warning.message, w.warning.rule});
    warnSheet.column_widths = {12, 30, 26, 80, 10};
    book.sheets.push_back(std::move(warnSheet));
  }

  // --- the same as a party document (báo cáo).
  auto tx = store.read();
  DocumentHeading h = headingOf(*tx, *org, c.today());
  PartyDocument& d = out.doc;
  d = PartyDocument{};
  d.superior_body = h.superior_body;
  d.issuing_body = h.issuing_body;
  d.place = h.place;
  d.date = h.date;
  d.doc_type = "BÁO CÁO";
  d.title = "Kết quả sinh hoạt chi bộ " + period;
  const StatsCounts& t = totals.figures.sums;
  d.body.push_back(Heading{"I. TÌNH HÌNH CHUNG"});
  d.body.push_back(plainParagraph(
      "Trong " + period + ", " + std::to_string(t.monthly_held) + "/" + std::to_string(totals.figures.meetings_due) +
      " chi bộ phải sinh hoạt đã tổ chức sinh hoạt thường kỳ (" + std::to_string(t.monthly_on_time) +
      " đúng kỳ); tổng số " + std::to_string(t.meetings) + " cuộc sinh hoạt, trong đó " +
      std::to_string(t.thematic_held) + " cuộc có nội dung chuyên đề. Đảng viên dự họp " + std::to_string(t.present) +
      "/" + std::to_string(t.expected) + " lượt (" + percentText(ratio(t.present, t.expected)) + "); vắng không lý do " +
      std::to_string(t.unexcused) + " lượt. Tỷ lệ đảng viên dự họp có phát biểu " +
      percentText(ratio(t.speakers, t.present)) + " (đảng viên trẻ: " +
      percentText(ratio(t.young_speakers, t.young_present)) + "; đảng viên mới kết nạp: " +
      percentText(ratio(t.new_speakers, t.new_present)) + "). Các chi bộ ban hành " + std::to_string(t.resolutions) +
      " nghị quyết, kết luận; nhiệm vụ giao trong tháng: " + std::to_string(t.tasks_on_time) + " hoàn thành đúng hạn, " +
      std::to_string(t.tasks_late) + " chậm, " + std::to_string(t.tasks_open) + " đang thực hiện. Cấp ủy viên dự " +
      std::to_string(t.monitor_present) + " cuộc sinh hoạt."));
  d.body.push_back(Heading{"II. KẾT QUẢ TỪNG CHI BỘ"});
  Table table;
  table.header = {"STT", "Chi bộ", "Đã SH", "Có mặt / phải dự", "Tỷ lệ", "Vắng KLD", "Phát biểu", "NV đúng hạn / chậm / đang"};
  table.widths = {1.1, 3.2, 1.0, 1.6, 1.2, 1.0, 1.2, 1.9};
  table.align = {Align::centre, Align::left, Align::centre, Align::centre, Align::centre, Align::centre, Align::centre,
                 Align::centre};
  stt = 0;
  auto tableRow = [&](std::string no, const std::string& name, const RollupFigures& f) {
    const StatsCounts& s = f.sums;
    return std::vector<std::string>{std::move(no), name, std::to_string(s.monthly_held) + "/" + std::to_string(f.meetings_due),
                                    std::to_string(s.present) + "/" + std::to_string(s.expected),
                                    percentText(ratio(s.present, s.expected)), std::to_string(s.unexcused),
                                    percentText(ratio(s.speakers, s.present)),
                                    std::to_string(s.tasks_on_time) + " / " + std::to_string(s.tasks_late) + " / " +
                                        std::to_string(s.tasks_open)};
  };
  for (const auto& l : cells) table.rows.push_back(tableRow(std::to_string(++stt), l.cell.name, l.f));
  table.rows.push_back(tableRow("", "Tổng cộng", totals.figures));
  d.body.push_back(table);
  d.body.push_back(Heading{"III. CHI BỘ TỐT NHẤT VÀ CHI BỘ CẦN QUAN TÂM"});
  d.body.push_back(plainParagraph("Xếp theo: đã sinh hoạt thường kỳ, tỷ lệ dự họp, tỷ lệ phát biểu, số vắng không lý do."));
  BulletList bl, wl;
  for (const auto& l : best) bl.items.push_back({{cellSummary(l), false, false}});
  for (const auto& l : weakest) wl.items.push_back({{cellSummary(l), false, false}});
  d.body.push_back(labelledParagraph("Tốt nhất:", ""));
  if (!bl.items.empty()) d.body.push_back(bl);
  d.body.push_back(labelledParagraph("Cần quan tâm:", ""));
  if (!wl.items.empty()) d.body.push_back(wl);
  if (rules) {
    d.body.push_back(Heading{"IV. CẢNH BÁO SỚM"});
    BulletList ws;
    for (const auto& w : warnings)
      if (!w.ack) ws.items.push_back({{w.org.name + ": " + w.warning.message, false, false}});
    if (ws.items.empty()) d.body.push_back(plainParagraph("Không có cảnh báo đang mở."));
    else d.body.push_back(ws);
  }
  d.signatures = {{"T/M ĐẢNG ỦY", "", ""}};
  d.recipients = {"Cấp ủy cấp trên (b/c),", "Các đồng chí đảng ủy viên,", "Các chi bộ trực thuộc,", "Lưu văn phòng."};
  return out;
}

}  // namespace chibo
