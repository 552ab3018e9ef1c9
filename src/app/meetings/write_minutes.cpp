// What the minutes record during the meeting besides the roll: speeches and
// the review of earlier tasks.
#include <algorithm>
#include <set>

#include "app/audit_write.h"
#include "app/meetings/meeting_access.h"
#include "app/oversight/aggregates.h"
#include "app/validate.h"

namespace chibo {

Result<Speech> addSpeech(Store& store, const Caller& c, Id meeting_id, const SpeechFields& in) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "ghi ý kiến phát biểu"); !st.ok()) return st.error();
  Validator v;
  Speech s;
  if (!in.member_id) {
    v.add("member_id", "required", "Vui lòng chọn người phát biểu.");
  } else {
    auto roll = meetingRoll(*tx, ctx->org, meetingDate(ctx->rec));
    bool known = std::any_of(roll.begin(), roll.end(), [&](const RosterEntry& e) { return e.member.id == *in.member_id; });
    // A guest who is a known member (the upper-level monitor, say) may speak too.
    for (const auto& g : ctx->rec.meeting.guests) known |= g.member_id == in.member_id;
    if (known) s.member_id = *in.member_id;
    else v.add("member_id", "not_on_roll", "Người phát biểu không có trong danh sách dự họp.");
  }
  if (in.agenda_item_id) {
    auto agenda = tx->agenda(meeting_id);
    if (std::none_of(agenda.begin(), agenda.end(), [&](const AgendaItem& a) { return a.id == *in.agenda_item_id; }))
      v.add("agenda_item_id", "not_found", "Mục chương trình không thuộc cuộc họp này.");
    else s.agenda_item_id = in.agenda_item_id;
  }
  if (auto t = cleanText(v, "summary", in.summary, true, 5000, "tóm tắt ý kiến")) s.summary = *t;
  if (in.duration_seconds) {
    if (*in.duration_seconds < 0 || *in.duration_seconds > 4 * 3600)
      v.add("duration_seconds", "out_of_range", "Thời lượng phát biểu không hợp lệ.");
    else s.duration_seconds = in.duration_seconds;
  }
  if (!v.ok()) return v.error();
  s.id = tx->insertSpeech(meeting_id, s, c.now);
  std::vector<FieldChange> ch{{"member_id", std::nullopt, std::to_string(s.member_id)},
                              {"summary", std::nullopt, s.summary}};
  if (s.agenda_item_id) ch.push_back({"agenda_item_id", std::nullopt, std::to_string(*s.agenda_item_id)});
  writeAudit(*tx, c, "meeting.speech", "speech", s.id, ctx->org, std::move(ch));
  aggregatesOnMeetingWrite(*tx, meeting_id, c.now);  // issue 5: the figures land with the write
  tx->commit();
  return s;
}

Result<MeetingView> reviewTasks(Store& store, const Caller& c, Id meeting_id, const std::vector<TaskReviewInput>& items) {
  auto tx = store.write();
  auto ctx = loadWritableMeeting(*tx, c, meeting_id);
  if (!ctx) return ctx.error();
  if (auto st = requireOpen(*tx, c, *ctx, "đánh giá nhiệm vụ kỳ trước"); !st.ok()) return st.error();
  auto carried = carriedTasks(*tx, ctx->rec, c.today());
  Validator v;
  std::set<Id> seen;
  std::vector<std::pair<Task, TaskReview>> todo;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& in = items[i];
    std::string p = "items[" + std::to_string(i) + "].";
    auto it = std::find_if(carried.begin(), carried.end(),
                           [&](const TaskView& t) { return in.task_id && t.task.id == *in.task_id; });
    if (!in.task_id) v.add(p + "task_id", "required", "Thiếu mã nhiệm vụ.");
    else if (it == carried.end()) v.add(p + "task_id", "not_carried", "Nhiệm vụ này không thuộc diện đánh giá ở kỳ họp này.");
    else if (!seen.insert(*in.task_id).second) v.add(p + "task_id", "duplicate", "Nhiệm vụ được đánh giá hai lần.");
    // "open" is not an outcome: a review says what became of the task.
    TaskStatus outcome = TaskStatus::open;
    if (in.outcome) outcome = taskStatusFromCode(*in.outcome).value_or(TaskStatus::open);
    if (outcome == TaskStatus::open)
      v.add(p + "outcome", in.outcome ? "invalid_choice" : "required",
            "Kết quả phải là hoàn thành, chậm tiến độ, chuyển kỳ sau hoặc không thực hiện.");
    auto note = cleanText(v, p + "note", in.note, false, 2000, "ghi chú");
    if (it == carried.end() || outcome == TaskStatus::open) continue;
    todo.push_back({it->task, {meeting_id, it->task.id, outcome, note.value_or(""), c.now, c.principal.user_id}});
  }
  if (!v.ok()) return v.error();
  for (auto& [task, review] : todo) {
    Task t = task;
    t.status = review.outcome;
    t.reviewed_in_meeting_id = meeting_id;
    if (!review.note.empty()) t.result_note = review.note;
    tx->updateTask(t);
    tx->upsertTaskReview(review);
    std::vector<FieldChange> ch;
    diffField(ch, "status", std::string(toCode(task.status)), std::string(toCode(t.status)));
    diffField(ch, "reviewed_in_meeting_id", auditValue(task.reviewed_in_meeting_id), auditValue(t.reviewed_in_meeting_id));
    diffField(ch, "result_note", task.result_note, t.result_note);
    writeAudit(*tx, c, "task.review", "task", t.id, ctx->org, std::move(ch));
  }
  if (!todo.empty()) {
    aggregatesOnMeetingWrite(*tx, meeting_id, c.now);  // issue 5: the figures land with the write
    tx->commit();
  }
  tx.reset();
  return getMeeting(store, c, meeting_id);
}

}  // namespace chibo
