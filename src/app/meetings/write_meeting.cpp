// Planning and editing a meeting, opening and closing it, its preparation
// checklist and its agenda. Each use case is one write transaction with its
// audit row; a rejected request writes nothing.
#include <algorithm>
#include <set>

#include "app/audit_write.h"
#include "app/meetings/meeting_fields.h"
#include "app/oversight/aggregates.h"
#include "app/validate.h"
#include "app/quality/kept_warnings.h"
#include "app/notices/notices.h"

namespace chibo {
namespace {

// Links a thematic plan entry of the same org to the meeting being written.
std::optional<ThematicPlanRecord> planToLink(Validator& v, ReadTx& tx, const std::optional<Id>& plan_id, Id org_id,
                                             MeetingKind kind, Id meeting_id) {
  if (!plan_id) return std::nullopt;
  auto plan = tx.thematicEntry(*plan_id);
  if (!plan || plan->entry.org_id != org_id) {
    v.add("thematic_plan_id", "not_found", "Không tìm thấy chuyên đề trong kế hoạch của tổ chức này.");
  } else if (!hasTopic(kind)) {
    v.add("thematic_plan_id", "not_thematic", "Chỉ sinh hoạt chuyên đề mới gắn với kế hoạch chuyên đề.");
  } else if (plan->entry.meeting_id && *plan->entry.meeting_id != meeting_id) {
    v.add("thematic_plan_id", "already_linked", "Chuyên đề này đã gắn với một cuộc sinh hoạt khác.");
  } else {
    return plan;
  }
  return std::nullopt;
}

std::string agendaText(const std::vector<AgendaItem>& items) {
  std::string s;
  for (const auto& a : items)
    s += std::to_string(a.position) + ". " + (a.done ? "[x] " : "[ ] ") + a.title +
         (a.notes.empty() ? "" : " — " + a.notes) + (a.required ? "" : " (tùy chọn)") + "\n";
  return s;
}

std::optional<std::string> instantText(const std::optional<DateTime>& t) {
  return t ? std::optional<std::string>(t->iso()) : std::nullopt;
}

}  // namespace

Result<MeetingView> createMeeting(Store& store, const Caller& c, Id org_id, const MeetingFields& in) {
  auto tx = store.write();
  auto org = tx->org(org_id);
  if (!org || orgAccess(c.principal, org->path) == Access::none) return Error::notFound();
  if (orgAccess(c.principal, org->path) < Access::write) return Error::forbidden();
  Validator v;
  if (in.status && *in.status != "planned")
    v.add("status", "read_only", "Cuộc họp mới luôn ở trạng thái dự kiến.");
  MeetingFields f = in;
  auto kind = in.kind ? meetingKindFromCode(*in.kind) : std::nullopt;
  auto plan = planToLink(v, *tx, in.thematic_plan_id, org_id, kind.value_or(MeetingKind::regular), 0);
  if (plan && !f.topic) f.topic = plan->entry.topic;  // adopting a planned topic names the meeting
  MeetingRecord rec;
  rec.meeting.org_id = org_id;
  rec.created_at = c.now;
  applyMeetingFields(v, *tx, c, *org, f, rec, true);
  if (!v.ok()) return v.error();
  rec.term_id = termOn(*tx, org_id, meetingDate(rec));
  Id id = tx->insertMeeting(rec);
  rec.meeting.id = id;
  tx->replaceAgenda(id, agendaTemplate(rec.meeting.kind));
  if (plan) {
    plan->entry.meeting_id = id;
    tx->updateThematicEntry(*plan);
  }
  MeetingRecord blank;
  blank.meeting.kind = rec.meeting.kind;
  writeAudit(*tx, c, "meeting.create", "meeting", id, *org, meetingDiff(blank, rec));
  aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
  noticeMeetingPlanned(*tx, rec, *org, c.now);  // reminders and notices: the outbox rides the write
  tx->commit();
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> updateMeeting(Store& store, const Caller& c, Id id, const MeetingFields& in) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "sửa thông tin cuộc họp"); !st.ok()) return st.error();
  if (in.version && *in.version != ctx->rec.meeting.version)
    return Error::conflict("version_conflict", "Cuộc họp đã được người khác sửa. Vui lòng tải lại và thử lại.");
  Validator v;
  MeetingRecord rec = ctx->rec;
  applyMeetingFields(v, *tx, c, ctx->org, in, rec, false);
  if (in.status) {
    auto s = meetingStatusFromCode(*in.status);
    if (!s) {
      v.add("status", "invalid_choice", "Trạng thái không hợp lệ.");
    } else if (*s != rec.meeting.status) {
      if (*s != MeetingStatus::cancelled)
        v.add("status", "use_lifecycle", "Dùng chức năng bắt đầu, kết thúc, khóa biên bản để đổi trạng thái.");
      else if (!mayTransition(rec.meeting.status, *s))
        return Error::conflict("invalid_transition", "Chỉ hủy được cuộc họp chưa tổ chức.");
      else
        rec.meeting.status = *s;
    }
  }
  auto plan = planToLink(v, *tx, in.thematic_plan_id, rec.meeting.org_id, rec.meeting.kind, id);
  if (!v.ok()) return v.error();
  // Entering a meeting after the fact: a start time means it was held.
  if (rec.meeting.started_at && rec.meeting.status == MeetingStatus::planned) rec.meeting.status = MeetingStatus::held;
  rec.term_id = termOn(*tx, rec.meeting.org_id, meetingDate(rec));
  auto changes = meetingDiff(ctx->rec, rec);
  if (plan && plan->entry.meeting_id != id) {
    plan->entry.meeting_id = id;
    tx->updateThematicEntry(*plan);
    changes.push_back({"thematic_plan_id", std::nullopt, std::to_string(plan->entry.id)});
  }
  if (!changes.empty()) {
    rec.meeting.version = ctx->rec.meeting.version + 1;  // while open; locking starts the minutes at 1
    tx->updateMeeting(rec);
    writeAudit(*tx, c, "meeting.update", "meeting", id, ctx->org, std::move(changes));
    aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
    // Reminders and notices: a planned meeting moved to another time tells its members.
    if (rec.meeting.planned_start != ctx->rec.meeting.planned_start)
      noticeMeetingMoved(*tx, rec, ctx->org, ctx->rec.meeting.planned_start, c.now);
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> startMeeting(Store& store, const Caller& c, Id id, const std::optional<std::string>& at) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "bắt đầu cuộc họp"); !st.ok()) return st.error();
  if (ctx->rec.meeting.status != MeetingStatus::planned)
    return Error::conflict("already_started", "Cuộc họp đã bắt đầu.");
  Validator v;
  auto t = parseInstant(v, "at", at, c.now, "Giờ bắt đầu");
  if (!v.ok()) return v.error();
  MeetingRecord rec = ctx->rec;
  rec.meeting.started_at = t && *t ? **t : c.now;
  rec.meeting.status = MeetingStatus::held;
  rec.term_id = termOn(*tx, rec.meeting.org_id, meetingDate(rec));
  tx->updateMeeting(rec);
  writeAudit(*tx, c, "meeting.start", "meeting", id, ctx->org, meetingDiff(ctx->rec, rec));
  aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> endMeeting(Store& store, const Caller& c, Id id, const std::optional<std::string>& at,
                               bool minutes_read_back) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "kết thúc cuộc họp"); !st.ok()) return st.error();
  if (!ctx->rec.meeting.started_at) return Error::conflict("not_started", "Cuộc họp chưa bắt đầu.");
  Validator v;
  auto t = parseInstant(v, "at", at, c.now, "Giờ kết thúc");
  if (!v.ok()) return v.error();
  MeetingRecord rec = ctx->rec;
  rec.meeting.ended_at = t && *t ? **t : c.now;
  if (minutes_read_back && !rec.minutes_read_back_at) rec.minutes_read_back_at = rec.meeting.ended_at;
  if (auto st = validateMeeting(rec.meeting); !st.ok()) {
    Validator e;  // report the end time under the field the client sent
    for (const auto& fe : st.error().field_errors) e.add(fe.field == "ended_at" ? "at" : fe.field, fe.code, fe.message);
    return e.error();
  }
  tx->updateMeeting(rec);
  writeAudit(*tx, c, "meeting.end", "meeting", id, ctx->org, meetingDiff(ctx->rec, rec));
  aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> updatePreparation(Store& store, const Caller& c, Id id, const PreparationFields& in) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "sửa việc chuẩn bị"); !st.ok()) return st.error();
  Validator v;
  MeetingRecord rec = ctx->rec;
  PreparationChecklist& p = rec.prep;
  if (auto t = parseInstant(v, "chi_uy_meeting_at", in.chi_uy_meeting_at, c.now, "Giờ họp chi ủy")) p.chi_uy_meeting_at = *t;
  if (auto t = parseInstant(v, "draft_resolution_at", in.draft_resolution_at, c.now, "Giờ có dự thảo")) rec.draft_resolution_at = *t;
  if (auto t = parseInstant(v, "notice_members_at", in.notice_members_at, c.now, "Giờ thông báo đảng viên")) p.notice_members_at = *t;
  if (auto t = parseInstant(v, "notice_monitor_at", in.notice_monitor_at, c.now, "Giờ thông báo cấp ủy viên phụ trách")) p.notice_monitor_at = *t;
  if (auto t = parseInstant(v, "documents_published_at", in.documents_published_at, c.now, "Giờ đăng tài liệu")) p.documents_published_at = *t;
  p.draft_resolution_attached = rec.draft_resolution_at.has_value();
  if (in.content_preparer_member_id) {
    auto roll = meetingRoll(*tx, ctx->org, meetingDate(rec));
    bool found = false;
    for (const auto& e : roll) found |= e.member.id == *in.content_preparer_member_id;
    if (found) p.content_preparer_member_id = in.content_preparer_member_id;
    else v.add("content_preparer_member_id", "not_on_roll", "Người chuẩn bị nội dung phải là đảng viên của tổ chức.");
  }
  if (!v.ok()) return v.error();
  const auto& o = ctx->rec;
  std::vector<FieldChange> ch;
  diffField(ch, "chi_uy_meeting_at", instantText(o.prep.chi_uy_meeting_at), instantText(p.chi_uy_meeting_at));
  diffField(ch, "content_preparer_member_id", auditValue(o.prep.content_preparer_member_id), auditValue(p.content_preparer_member_id));
  diffField(ch, "draft_resolution_at", instantText(o.draft_resolution_at), instantText(rec.draft_resolution_at));
  diffField(ch, "notice_members_at", instantText(o.prep.notice_members_at), instantText(p.notice_members_at));
  diffField(ch, "notice_monitor_at", instantText(o.prep.notice_monitor_at), instantText(p.notice_monitor_at));
  diffField(ch, "documents_published_at", instantText(o.prep.documents_published_at), instantText(p.documents_published_at));
  if (!ch.empty()) {
    tx->updateMeeting(rec);
    writeAudit(*tx, c, "meeting.preparation", "meeting", id, ctx->org, std::move(ch));
    keptWarningsOnOrgWrite(*tx, rec.meeting.org_id, c.now);  // R-PREP-1/2 judge these stamps
    // Reminders and notices: the members learn the documents are up.
    if (p.documents_published_at && !o.prep.documents_published_at)
      noticeDocumentsPublished(*tx, rec, ctx->org, c.now);
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> replaceAgenda(Store& store, const Caller& c, Id id, const std::vector<AgendaItemInput>& items) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "sửa chương trình"); !st.ok()) return st.error();
  auto current = tx->agenda(id);
  Validator v;
  std::set<Id> seen;
  std::vector<AgendaItem> out;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& in = items[i];
    std::string p = "items[" + std::to_string(i) + "].";
    AgendaItem a;
    if (in.id) {
      auto it = std::find_if(current.begin(), current.end(), [&](const AgendaItem& x) { return x.id == *in.id; });
      if (it == current.end() || !seen.insert(*in.id).second) {
        v.add(p + "id", it == current.end() ? "not_found" : "duplicate", "Mục chương trình không hợp lệ.");
        continue;
      }
      a = *it;
    }
    if (auto t = cleanText(v, p + "title", in.title, !in.id, 500, "nội dung mục")) {
      if (t->empty()) v.add(p + "title", "required", "Vui lòng nhập nội dung mục.");
      else a.title = *t;
    }
    if (in.phase) {
      if (auto ph = agendaPhaseFromCode(*in.phase)) a.phase = *ph;
      else v.add(p + "phase", "invalid_choice", "Phần của chương trình không hợp lệ.");
    }
    if (auto n = cleanText(v, p + "notes", in.notes, false, 5000, "ghi chú")) a.notes = *n;
    if (in.required) a.required = *in.required;
    if (in.done && *in.done != a.done) {
      a.done = *in.done;
      a.done_at = a.done ? std::optional<DateTime>(c.now) : std::nullopt;
    }
    a.position = static_cast<int>(out.size()) + 1;
    out.push_back(std::move(a));
  }
  if (!v.ok()) return v.error();
  auto before = agendaText(current), after = agendaText(out);
  if (before != after) {
    tx->replaceAgenda(id, out);
    writeAudit(*tx, c, "meeting.agenda", "meeting", id, ctx->org, {{"agenda", before, after}});
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, id);
}

}  // namespace chibo
