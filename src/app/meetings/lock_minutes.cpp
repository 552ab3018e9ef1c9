// Finalising (locking) the minutes, amending them afterwards, and the history.
#include "app/audit_write.h"
#include "app/meetings/lock.h"
#include "app/meetings/meeting_access.h"
#include "app/meetings/meeting_fields.h"
#include "app/oversight/aggregates.h"
#include "app/validate.h"

namespace chibo {
namespace {

Error incomplete(const CompletenessReport& rep) {
  std::vector<FieldError> fe;
  for (const auto& m : rep.missing) fe.push_back({m.field, m.code, m.message});
  return {ErrorKind::validation, "incomplete",
          "Biên bản chưa đủ nội dung để khóa: còn " + std::to_string(rep.missing.size()) + " mục.", std::move(fe)};
}

MeetingVersion version(const Caller& c, const MeetingView& v, std::string kind, std::string reason,
                       std::vector<FieldChange> changes) {
  return {v.record.meeting.id, v.record.meeting.version, std::move(kind), std::move(reason), std::move(changes),
          meetingSnapshot(v), c.principal.user_id ? std::optional<Id>(c.principal.user_id) : std::nullopt,
          c.principal.username, c.now};
}

}  // namespace

Result<MeetingView> finalizeMeeting(Store& store, const Caller& c, Id id) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "khóa biên bản"); !st.ok()) return st.error();
  auto view = buildMeetingView(*tx, c, *ctx);
  if (!view.completeness.complete()) return incomplete(view.completeness);
  if (!mayTransition(ctx->rec.meeting.status, MeetingStatus::finalized))
    return Error::conflict("not_held", "Cuộc họp chưa được tổ chức nên chưa khóa được biên bản.");
  MeetingRecord rec = ctx->rec;
  rec.meeting.status = MeetingStatus::finalized;
  rec.meeting.version = 1;  // edits while open counted versions of the plan; the locked minutes start at 1
  rec.locked_at = c.now;
  if (c.principal.user_id) rec.locked_by_user_id = c.principal.user_id;
  tx->updateMeeting(rec);
  // A resolution is issued with the meeting: it bears the meeting's date unless one was entered.
  for (auto r : tx->resolutionsOfMeeting(id))
    if (!r.issued_on) {
      r.issued_on = meetingDate(rec);
      tx->updateResolution(r);
    }
  MeetingCtx locked{rec, ctx->org, ctx->access};
  auto after = buildMeetingView(*tx, c, locked);
  tx->insertMeetingVersion(version(c, after, "finalize", "Khóa biên bản", {}));
  auto changes = meetingDiff(ctx->rec, rec);
  changes.push_back({"locked_at", std::nullopt, c.now.iso()});
  writeAudit(*tx, c, "meeting.finalize", "meeting", id, ctx->org, std::move(changes));
  aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  tx.reset();
  return getMeeting(store, c, id);
}

Result<MeetingView> amendMeeting(Store& store, const Caller& c, Id id, const AmendmentFields& in) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  Validator v;
  auto reason = cleanText(v, "reason", in.reason, false, 2000, "lý do sửa đổi");
  if (!v.ok()) return v.error();
  Amendment a;
  a.meeting_id = id;
  a.version = in.version.value_or(ctx->rec.meeting.version) + 1;
  a.reason = reason.value_or("");
  if (auto st = validateAmendment(ctx->rec.meeting, a); !st.ok()) return st.error();

  MeetingRecord rec = ctx->rec;
  if (in.meeting.kind) v.add("meeting.kind", "immutable", "Không đổi được loại sinh hoạt.");
  if (in.meeting.status) v.add("meeting.status", "immutable", "Sửa đổi không đổi trạng thái biên bản.");
  Validator fv;
  applyMeetingFields(fv, *tx, c, ctx->org, in.meeting, rec, false);
  for (const auto& fe : fv.errors()) v.add("meeting." + fe.field, fe.code, fe.message);
  std::optional<std::vector<AttendanceRecord>> roll;
  if (in.attendance) {
    auto rows = rollMarks(*tx, *ctx, *in.attendance, c.now);
    if (!rows) {
      for (const auto& fe : rows.error().field_errors) v.add("attendance." + fe.field, fe.code, fe.message);
    } else {
      roll = *rows;
    }
  }
  if (!v.ok()) return v.error();
  auto changes = meetingDiff(ctx->rec, rec);
  if (roll) {
    auto before = tx->attendance(id);
    for (auto& r : *roll)  // unchanged marks keep their time and source
      for (const auto& b : before)
        if (b.mark.member_id == r.mark.member_id && b.mark.status == r.mark.status && b.mark.reason == r.mark.reason &&
            b.mark.reason_text == r.mark.reason_text)
          r = b;
    auto ach = attendanceDiff(before, *roll);
    if (!ach.empty()) tx->replaceAttendance(id, *roll);
    changes.insert(changes.end(), ach.begin(), ach.end());
  }
  if (changes.empty())
    return Error::validation({{"meeting", "no_changes", "Sửa đổi không thay đổi nội dung nào của biên bản."}});
  rec.meeting.version = a.version;
  tx->updateMeeting(rec);
  MeetingCtx next{rec, ctx->org, ctx->access};
  auto view = buildMeetingView(*tx, c, next);
  tx->insertMeetingVersion(version(c, view, "amendment", a.reason, changes));
  auto audited = changes;
  audited.insert(audited.begin(), {{"version", std::to_string(ctx->rec.meeting.version), std::to_string(a.version)},
                                   {"reason", std::nullopt, a.reason}});
  writeAudit(*tx, c, "meeting.amend", "meeting", id, ctx->org, std::move(audited));
  aggregatesOnMeetingWrite(*tx, id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  tx.reset();
  return getMeeting(store, c, id);
}

Result<std::vector<MeetingVersion>> meetingHistory(Store& store, const Caller& c, Id id) {
  auto tx = store.read();
  auto ctx = loadMeeting(*tx, c, id);
  if (!ctx) return ctx.error();
  return tx->meetingVersions(id);
}

}  // namespace chibo
