// Validating and applying the editable fields of a meeting.
#include "app/meetings/meeting_fields.h"

#include <algorithm>

#include "app/audit_write.h"
#include "app/validate.h"

namespace chibo {
namespace {

bool onRoll(const std::vector<RosterEntry>& roll, Id id) {
  return std::any_of(roll.begin(), roll.end(), [&](const RosterEntry& e) { return e.member.id == id; });
}

std::optional<std::string> instantText(const std::optional<DateTime>& t) {
  return t ? std::optional<std::string>(t->iso()) : std::nullopt;
}

std::string guestsText(const std::vector<Guest>& guests) {
  std::string s;
  for (const auto& g : guests) s += (s.empty() ? "" : "; ") + g.name + (g.position.empty() ? "" : " (" + g.position + ")");
  return s;
}

// The member exists and the caller may at least know of them (their cell, or
// the last one they were in, is within the caller's scope).
bool visibleMember(ReadTx& tx, const Principal& p, Id id) {
  auto m = tx.member(id);
  if (!m) return false;
  std::optional<Org> cell;
  if (m->cell_id) cell = tx.org(*m->cell_id);
  else if (auto periods = tx.cellPeriods(id); !periods.empty()) cell = tx.org(periods.back().cell_id);
  return memberAccess(p, cell ? cell->path : "", id) != Access::none;
}

void applyGuests(Validator& v, ReadTx& tx, const Caller& c, const std::vector<GuestInput>& in,
                 std::vector<Guest>& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    std::string p = "guests[" + std::to_string(i) + "].";
    Guest g;
    auto name = cleanText(v, p + "name", in[i].name, true, 200, "tên đại biểu");
    auto pos = cleanText(v, p + "position", in[i].position, false, 200, "chức vụ");
    // Unknown and out-of-scope ids get the same answer, so ids cannot be
    // enumerated through the guest list.
    if (in[i].member_id && !visibleMember(tx, c.principal, *in[i].member_id))
      v.add(p + "member_id", "not_found", "Không tìm thấy đảng viên.");
    if (!name) continue;
    g.name = *name;
    g.position = pos.value_or("");
    g.member_id = in[i].member_id;
    g.upper_monitor = in[i].upper_monitor.value_or(false);
    out.push_back(std::move(g));
  }
}

}  // namespace

void applyMeetingFields(Validator& v, ReadTx& tx, const Caller& c, const Org& org, const MeetingFields& in,
                        MeetingRecord& rec, bool creating) {
  Meeting& m = rec.meeting;
  if (creating) {
    if (!in.kind) v.add("kind", "required", "Vui lòng chọn loại sinh hoạt.");
    else if (auto k = meetingKindFromCode(*in.kind)) m.kind = *k;
    else v.add("kind", "invalid_choice", "Loại sinh hoạt không hợp lệ.");
    if (!in.planned_start) v.add("planned_start", "required", "Vui lòng nhập thời gian dự kiến.");
  } else if (in.kind && meetingKindFromCode(*in.kind) != m.kind) {
    v.add("kind", "immutable", "Không đổi được loại sinh hoạt; hãy hủy và lập cuộc họp mới.");
  }
  if (auto t = parseInstant(v, "planned_start", in.planned_start, c.now, "Thời gian dự kiến"); t) {
    if (!*t) v.add("planned_start", "required", "Vui lòng nhập thời gian dự kiến.");
    else {
      // The period follows the planned month unless the caller says otherwise.
      bool moved = creating || (*t)->date().month() != m.planned_start.date().month() ||
                   (*t)->date().year() != m.planned_start.date().year();
      m.planned_start = **t;
      if (moved) {
        m.period_year = m.planned_start.date().year();
        m.period_month = m.planned_start.date().month();
      }
    }
  }
  if (auto s = cleanText(v, "topic", in.topic, false, 500, "tên chuyên đề")) m.topic = *s;
  if (auto s = cleanText(v, "place", in.place, false, 300, "địa điểm")) m.place = *s;
  if (auto s = cleanText(v, "conclusion", in.conclusion, false, 20000, "kết luận")) rec.conclusion = *s;
  if (in.from_paper_book) m.from_paper_book = *in.from_paper_book;
  if (in.period_year) m.period_year = *in.period_year;
  if (in.period_month) {
    if (*in.period_month < 1 || *in.period_month > 12) v.add("period_month", "out_of_range", "Tháng phải từ 1 đến 12.");
    else m.period_month = static_cast<unsigned>(*in.period_month);
  }
  if (auto t = parseInstant(v, "started_at", in.started_at, c.now, "Giờ bắt đầu")) m.started_at = *t;
  if (auto t = parseInstant(v, "ended_at", in.ended_at, c.now, "Giờ kết thúc")) m.ended_at = *t;
  if (auto t = parseInstant(v, "minutes_read_back_at", in.minutes_read_back_at, c.now, "Giờ đọc lại biên bản"))
    rec.minutes_read_back_at = *t;
  if (in.guests) applyGuests(v, tx, c, *in.guests, m.guests);

  if (in.chair_member_id || in.secretary_member_id) {
    auto roll = meetingRoll(tx, org, meetingDate(rec));
    if (in.chair_member_id) {
      if (onRoll(roll, *in.chair_member_id)) m.chair_member_id = in.chair_member_id;
      else v.add("chair_member_id", "not_on_roll", "Người chủ trì phải là đảng viên của tổ chức vào ngày họp.");
    }
    if (in.secretary_member_id) {
      if (onRoll(roll, *in.secretary_member_id)) m.secretary_member_id = in.secretary_member_id;
      else v.add("secretary_member_id", "not_on_roll", "Thư ký phải là đảng viên của tổ chức vào ngày họp.");
    }
  }
  if (!v.ok()) return;
  if (auto st = validateMeeting(m); !st.ok())
    for (const auto& fe : st.error().field_errors) v.add(fe.field, fe.code, fe.message);
}

std::vector<FieldChange> meetingDiff(const MeetingRecord& a, const MeetingRecord& b) {
  const Meeting &x = a.meeting, &y = b.meeting;
  std::vector<FieldChange> ch;
  diffField(ch, "kind", std::string(toCode(x.kind)), std::string(toCode(y.kind)));
  diffField(ch, "topic", x.topic, y.topic);
  diffField(ch, "planned_start", x.planned_start.iso(), y.planned_start.iso());
  diffField(ch, "place", x.place, y.place);
  diffField(ch, "chair_member_id", auditValue(x.chair_member_id), auditValue(y.chair_member_id));
  diffField(ch, "secretary_member_id", auditValue(x.secretary_member_id), auditValue(y.secretary_member_id));
  diffField(ch, "guests", guestsText(x.guests), guestsText(y.guests));
  diffField(ch, "started_at", instantText(x.started_at), instantText(y.started_at));
  diffField(ch, "ended_at", instantText(x.ended_at), instantText(y.ended_at));
  diffField(ch, "status", std::string(toCode(x.status)), std::string(toCode(y.status)));
  diffField(ch, "period", std::to_string(x.period_year) + "-" + std::to_string(x.period_month),
            std::to_string(y.period_year) + "-" + std::to_string(y.period_month));
  diffField(ch, "conclusion", a.conclusion, b.conclusion);
  diffField(ch, "from_paper_book", std::string(x.from_paper_book ? "có" : "không"),
            std::string(y.from_paper_book ? "có" : "không"));
  diffField(ch, "minutes_read_back_at", instantText(a.minutes_read_back_at), instantText(b.minutes_read_back_at));
  return ch;
}

}  // namespace chibo
