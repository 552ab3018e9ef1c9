// The thematic plan and slot polls.
#include "app/meetings/planning.h"

#include <algorithm>
#include <set>

#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/validate.h"

namespace chibo {

Result<ThematicPlanView> getThematicPlan(Store& store, const Caller& c, Id org_id, int year) {
  auto tx = store.read();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  ThematicPlanView v{*org, year, orgAccess(c.principal, org->path), tx->thematicPlan(org_id, year), {}, {}};
  // The orientation comes from every committee above: the ward, the city...
  for (Id anc : pathIds(org->path)) {
    if (anc == org_id) continue;
    for (auto& e : tx->thematicPlan(anc, year)) v.suggestions.push_back(std::move(e));
  }
  for (int q = 1; q <= 4; ++q)
    if (std::none_of(v.items.begin(), v.items.end(), [&](const ThematicPlanRecord& r) { return r.entry.quarter == q; }))
      v.quarters_without_topic.push_back(q);
  return v;
}

Result<ThematicPlanRecord> addThematicEntry(Store& store, const Caller& c, Id org_id, const ThematicFields& in) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (orgAccess(c.principal, org->path) < Access::write) return Error::forbidden();
  Validator v;
  ThematicPlanRecord r;
  r.entry.org_id = org_id;
  if (!in.year) v.add("year", "required", "Vui lòng nhập năm.");
  if (!in.quarter) v.add("quarter", "required", "Vui lòng chọn quý.");
  r.entry.year = in.year.value_or(0);
  r.entry.quarter = in.quarter.value_or(0);
  if (in.suggestion_id) {
    auto s = tx->thematicEntry(*in.suggestion_id);
    auto above = pathIds(org->path);
    bool ok = s && s->entry.org_id != org_id &&
              std::find(above.begin(), above.end(), s->entry.org_id) != above.end();
    if (!ok) {
      v.add("suggestion_id", "not_found", "Không tìm thấy chuyên đề do cấp trên định hướng.");
    } else {
      r.suggestion_id = s->entry.id;
      r.entry.topic = s->entry.topic;
      r.entry.source = s->entry.source;
    }
  }
  if (auto t = cleanText(v, "topic", in.topic, false, 500, "tên chuyên đề"); t && !t->empty()) r.entry.topic = *t;
  if (auto s = cleanText(v, "source", in.source, false, 500, "nguồn định hướng"); s && !s->empty()) r.entry.source = *s;
  if (auto d = parseDateField(v, "approved_on", in.approved_on, false, DateRule::any, c.today(), "ngày chi ủy duyệt"))
    r.entry.approved_by_chi_uy_on = *d;
  if (in.preparer_member_id) {
    auto roll = meetingRoll(*tx, *org, c.today());
    if (std::none_of(roll.begin(), roll.end(), [&](const RosterEntry& e) { return e.member.id == *in.preparer_member_id; }))
      v.add("preparer_member_id", "not_on_roll", "Người chuẩn bị chuyên đề phải là đảng viên của tổ chức.");
    else r.entry.preparer_member_id = in.preparer_member_id;
  }
  if (in.meeting_id) {
    auto m = tx->meeting(*in.meeting_id);
    if (!m || m->meeting.org_id != org_id || !hasTopic(m->meeting.kind))
      v.add("meeting_id", "not_found", "Không tìm thấy cuộc sinh hoạt chuyên đề của tổ chức này.");
    else r.entry.meeting_id = in.meeting_id;
  }
  if (!v.ok()) return v.error();
  if (auto st = validateThematicPlanEntry(r.entry); !st.ok()) return st.error();
  r.entry.id = tx->insertThematicEntry(r);
  std::vector<FieldChange> ch{{"year", std::nullopt, std::to_string(r.entry.year)},
                              {"quarter", std::nullopt, std::to_string(r.entry.quarter)},
                              {"topic", std::nullopt, r.entry.topic}};
  if (r.suggestion_id) ch.push_back({"suggestion_id", std::nullopt, std::to_string(*r.suggestion_id)});
  writeAudit(*tx, c, "thematic_plan.create", "thematic_plan", r.entry.id, *org, std::move(ch));
  tx->commit();
  return r;
}

Result<MeetingView> proposeSlots(Store& store, const Caller& c, Id meeting_id, const std::vector<std::string>& starts) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "đề xuất thời gian họp"); !st.ok()) return st.error();
  if (ctx->rec.meeting.status != MeetingStatus::planned)
    return Error::conflict("already_started", "Cuộc họp đã bắt đầu, không cần chọn thời gian.");
  Validator v;
  if (starts.empty()) v.add("slots", "required", "Vui lòng đề xuất ít nhất một thời điểm.");
  if (starts.size() > 20) v.add("slots", "too_many", "Đề xuất tối đa 20 thời điểm.");
  std::set<DateTime> wanted;
  for (size_t i = 0; i < starts.size(); ++i)
    if (auto t = parseInstant(v, "slots[" + std::to_string(i) + "]", starts[i], c.now, "Thời điểm"); t && *t)
      wanted.insert(**t);
  if (!v.ok()) return v.error();
  std::vector<FieldChange> ch;
  auto have = tx->slots(meeting_id);
  for (const auto& t : wanted) {
    if (std::any_of(have.begin(), have.end(), [&](const MeetingSlot& s) { return s.start == t; })) continue;
    tx->insertSlot({0, meeting_id, t});
    ch.push_back({"slot", std::nullopt, t.iso()});
  }
  if (!ch.empty()) {
    writeAudit(*tx, c, "meeting.slots", "meeting", meeting_id, ctx->org, std::move(ch));
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, meeting_id);
}

Result<MeetingView> markAvailability(Store& store, const Caller& c, Id meeting_id, std::optional<Id> member_id,
                                     const std::vector<Id>& slot_ids) {
  auto tx = store.write();
  auto ctx = loadMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "chọn thời gian có thể dự"); !st.ok()) return st.error();
  if (ctx->rec.meeting.status != MeetingStatus::planned)
    return Error::conflict("already_started", "Cuộc họp đã bắt đầu, không cần chọn thời gian.");
  Id who = member_id.value_or(c.principal.member_id.value_or(0));
  bool self = c.principal.member_id && who == *c.principal.member_id;
  if (!self && ctx->access < Access::write) return Error::forbidden();
  Validator v;
  auto roll = meetingRoll(*tx, ctx->org, meetingDate(ctx->rec));
  if (std::none_of(roll.begin(), roll.end(), [&](const RosterEntry& e) { return e.member.id == who; }))
    v.add("member_id", "not_on_roll", "Đảng viên không có trong danh sách của tổ chức.");
  auto own = tx->slots(meeting_id);
  for (size_t i = 0; i < slot_ids.size(); ++i)
    if (std::none_of(own.begin(), own.end(), [&](const MeetingSlot& s) { return s.id == slot_ids[i]; }))
      v.add("slot_ids[" + std::to_string(i) + "]", "not_found", "Thời điểm không thuộc cuộc họp này.");
  if (!v.ok()) return v.error();
  std::string before, after;
  for (const auto& k : tx->slotMarks(meeting_id))
    if (k.member_id == who) before += std::to_string(k.slot_id) + ",";
  std::set<Id> sorted(slot_ids.begin(), slot_ids.end());
  for (Id s : sorted) after += std::to_string(s) + ",";
  if (before != after) {
    tx->replaceSlotMarks(meeting_id, who, {sorted.begin(), sorted.end()}, c.now);
    writeAudit(*tx, c, "meeting.availability", "meeting", meeting_id, ctx->org,
               {{"availability[" + std::to_string(who) + "]", before, after}});
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, meeting_id);
}

}  // namespace chibo
