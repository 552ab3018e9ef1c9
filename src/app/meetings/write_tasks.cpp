// Tasks a resolution assigns, and their follow-up by assignees and the cell.
#include <algorithm>

#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/meetings/resolutions.h"
#include "app/oversight/aggregates.h"
#include "app/validate.h"

namespace chibo {
namespace {

std::string idsText(const std::vector<Id>& ids) {
  std::string s;
  for (Id id : ids) s += (s.empty() ? "" : ",") + std::to_string(id);
  return s;
}

std::vector<FieldChange> taskDiff(const Task& a, const Task& b) {
  std::vector<FieldChange> ch;
  diffField(ch, "description", a.description, b.description);
  diffField(ch, "deadline", auditValue(a.deadline), auditValue(b.deadline));
  diffField(ch, "assignee_member_ids", idsText(a.assignee_member_ids), idsText(b.assignee_member_ids));
  diffField(ch, "status", std::string(toCode(a.status)), std::string(toCode(b.status)));
  diffField(ch, "result_note", a.result_note, b.result_note);
  return ch;
}

// Assignees must be on the roll of the assigning meeting's org on its date.
void applyAssignees(Validator& v, ReadTx& tx, const MeetingCtx& ctx, const std::vector<Id>& ids, Task& t) {
  auto roll = meetingRoll(tx, ctx.org, meetingDate(ctx.rec));
  t.assignee_member_ids.clear();
  for (size_t i = 0; i < ids.size(); ++i) {
    bool on = std::any_of(roll.begin(), roll.end(), [&](const RosterEntry& e) { return e.member.id == ids[i]; });
    if (!on)
      v.add("assignee_member_ids[" + std::to_string(i) + "]", "not_on_roll",
            "Người được giao nhiệm vụ phải là đảng viên của chi bộ vào ngày họp.");
    else
      t.assignee_member_ids.push_back(ids[i]);
  }
}

}  // namespace

Result<TaskView> createTask(Store& store, const Caller& c, Id resolution_id, const TaskFields& in) {
  auto tx = store.write();
  auto r = tx->resolution(resolution_id);
  if (!r) return Error::notFound();
  auto ctx = loadWritableMeeting(*tx, c, r->meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "giao nhiệm vụ"); !st.ok()) return st.error();
  Validator v;
  Task t;
  t.meeting_id = r->meeting_id;
  t.resolution_id = r->id;
  t.description = cleanText(v, "description", in.description, true, 2000, "nội dung nhiệm vụ").value_or("");
  if (auto d = parseDateField(v, "deadline", in.deadline, true, DateRule::any, c.today(), "thời hạn hoàn thành"))
    t.deadline = *d;
  if (in.assignee_member_ids) applyAssignees(v, *tx, *ctx, *in.assignee_member_ids, t);
  if (in.status) {
    if (auto s = taskStatusFromCode(*in.status)) t.status = *s;
    else v.add("status", "invalid_choice", "Trạng thái nhiệm vụ không hợp lệ.");
  }
  if (!v.ok()) return v.error();
  // The domain's own rules: at least one assignee, no duplicates, a deadline.
  if (auto st = validateTask(t); !st.ok()) return st.error();
  t.id = tx->insertTask(t);
  Task blank;
  writeAudit(*tx, c, "task.create", "task", t.id, ctx->org, taskDiff(blank, t));
  aggregatesOnTaskWrite(*tx, t.id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  return TaskView{t, isOverdue(t, c.today()), std::nullopt};
}

Result<TaskView> updateTask(Store& store, const Caller& c, Id task_id, const TaskFields& in) {
  auto tx = store.write();
  auto cur = tx->task(task_id);
  if (!cur) return Error::notFound();
  auto rec = tx->meeting(cur->meeting_id);
  auto org = rec ? tx->org(rec->meeting.org_id) : std::nullopt;
  if (!rec || !org) return Error::notFound();
  Access a = orgAccess(c.principal, org->path);
  const auto& who = cur->assignee_member_ids;
  bool assignee = c.principal.member_id && std::find(who.begin(), who.end(), *c.principal.member_id) != who.end();
  if (a == Access::none && !assignee) return Error::notFound();
  bool writer = a == Access::write;
  bool edits_record = in.description || in.deadline || in.assignee_member_ids || in.result_note;
  if (!writer && (!assignee || edits_record)) return Error::forbidden();
  // What the meeting assigned is part of its minutes; the follow-up is not.
  if (edits_record && rec->meeting.status == MeetingStatus::finalized && (in.description || in.deadline || in.assignee_member_ids))
    return lockedError();
  Validator v;
  Task t = *cur;
  if (auto s = cleanText(v, "description", in.description, false, 2000, "nội dung nhiệm vụ")) {
    if (s->empty()) v.add("description", "required", "Chưa ghi nội dung nhiệm vụ.");
    else t.description = *s;
  }
  if (auto d = parseDateField(v, "deadline", in.deadline, false, DateRule::any, c.today(), "thời hạn hoàn thành")) {
    if (!*d) v.add("deadline", "required", "Nhiệm vụ phải có thời hạn hoàn thành.");
    else t.deadline = *d;
  }
  if (in.assignee_member_ids) applyAssignees(v, *tx, MeetingCtx{*rec, *org, a}, *in.assignee_member_ids, t);
  if (auto s = cleanText(v, "result_note", in.result_note, false, 2000, "kết quả")) t.result_note = *s;
  if (in.status) {
    auto s = taskStatusFromCode(*in.status);
    if (!s) v.add("status", "invalid_choice", "Trạng thái nhiệm vụ không hợp lệ.");
    // Late, carried over and dropped are judgements of the cell at a review.
    else if (!writer && *s != TaskStatus::open && *s != TaskStatus::done)
      v.add("status", "not_allowed", "Người được giao chỉ báo đang thực hiện hoặc đã hoàn thành.");
    else t.status = *s;
  }
  auto note = cleanText(v, "progress_note", in.progress_note, false, 2000, "báo cáo tiến độ");
  if (!v.ok()) return v.error();
  if (auto st = validateTask(t); !st.ok()) return st.error();
  auto changes = taskDiff(*cur, t);
  if (note && !note->empty()) changes.push_back({"progress_note", std::nullopt, *note});
  if (!changes.empty()) {
    tx->updateTask(t);
    if (note && !note->empty()) {
      ProgressNote pn{c.today(), *note, c.principal.member_id};
      tx->insertProgressNote(t.id, pn, c.now);
      t.notes.push_back(pn);
    }
    writeAudit(*tx, c, "task.update", "task", t.id, *org, std::move(changes));
    aggregatesOnTaskWrite(*tx, t.id, c.now);  // issue 5: the figures land with the write
    tx->commit();
  }
  return TaskView{t, isOverdue(t, c.today()), std::nullopt};
}

}  // namespace chibo
