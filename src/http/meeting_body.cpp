#include "http/meeting_body.h"

namespace chibo::http {

std::string tooManyMessage(size_t max_items) {
  return "Danh sách có quá nhiều mục (tối đa " + std::to_string(max_items) + ").";
}

std::optional<std::vector<Id>> readIds(BodyReader& b, const json::object& o, const std::string& key,
                                       size_t max_items) {
  auto v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) {
    b.errors().add(key, "invalid_type", "Giá trị phải là một danh sách mã số.");
    return std::nullopt;
  }
  if (v->as_array().size() > max_items) {
    b.errors().add(key, "too_many", tooManyMessage(max_items));
    return std::nullopt;
  }
  std::vector<Id> out;
  size_t i = 0;
  for (const auto& e : v->as_array()) {
    if (e.is_int64() && e.as_int64() > 0) out.push_back(e.as_int64());
    else b.errors().add(key + "[" + std::to_string(i) + "]", "invalid_type", "Giá trị phải là mã số (số nguyên dương).");
    ++i;
  }
  return out;
}

std::optional<std::vector<std::string>> readStrings(BodyReader& b, const json::object& o, const std::string& key,
                                                    size_t max_items) {
  auto v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_array()) {
    b.errors().add(key, "invalid_type", "Giá trị phải là một danh sách.");
    return std::nullopt;
  }
  if (v->as_array().size() > max_items) {
    b.errors().add(key, "too_many", tooManyMessage(max_items));
    return std::nullopt;
  }
  std::vector<std::string> out;
  size_t i = 0;
  for (const auto& e : v->as_array()) {
    if (e.is_string()) out.emplace_back(e.as_string());
    else b.errors().add(key + "[" + std::to_string(i) + "]", "invalid_type", "Giá trị phải là chuỗi ký tự.");
    ++i;
  }
  return out;
}

std::optional<double> readNumber(BodyReader& b, const json::object& o, const char* key) {
  auto v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return double(v->as_int64());
  if (v->is_uint64()) return double(v->as_uint64());
  b.errors().add(key, "invalid_type", "Giá trị phải là một số.");
  return std::nullopt;
}

MeetingFields meetingFields(BodyReader& b, const json::object& o) {
  MeetingFields f;
  f.kind = b.str("kind");
  f.topic = b.str("topic");
  f.planned_start = b.str("planned_start");
  f.place = b.str("place");
  f.conclusion = b.str("conclusion");
  f.status = b.str("status");
  f.started_at = b.str("started_at");
  f.ended_at = b.str("ended_at");
  f.minutes_read_back_at = b.str("minutes_read_back_at");
  f.chair_member_id = b.id("chair_member_id");
  f.secretary_member_id = b.id("secretary_member_id");
  f.thematic_plan_id = b.id("thematic_plan_id");
  f.period_year = b.integer("period_year");
  f.period_month = b.integer("period_month");
  f.from_paper_book = b.boolean("from_paper_book");
  f.version = b.integer("version");
  f.guests = readObjects<GuestInput>(
      b, o, "guests",
      [](BodyReader& g, const json::object&) {
        return GuestInput{g.str("name"), g.str("position"), g.id("member_id"), g.boolean("upper_monitor")};
      },
      kMaxGuests);
  return f;
}

PreparationFields preparationFields(BodyReader& b) {
  return {b.str("chi_uy_meeting_at"), b.str("draft_resolution_at"), b.str("notice_members_at"),
          b.str("notice_monitor_at"), b.str("documents_published_at"), b.id("content_preparer_member_id")};
}

std::optional<std::vector<AgendaItemInput>> agendaItems(BodyReader& b, const json::object& o) {
  return readObjects<AgendaItemInput>(b, o, "items", [](BodyReader& r, const json::object&) {
    return AgendaItemInput{r.id("id"), r.str("title"), r.str("phase"), r.str("notes"), r.boolean("required"),
                           r.boolean("done")};
  });
}

std::optional<std::vector<AttendanceItemInput>> attendanceItems(BodyReader& b, const json::object& o) {
  return readObjects<AttendanceItemInput>(b, o, "items", [](BodyReader& r, const json::object&) {
    return AttendanceItemInput{r.id("member_id"), r.str("status"), r.str("reason_category"), r.str("reason"),
                               r.str("marked_at")};
  });
}

std::optional<std::vector<TaskReviewInput>> reviewItems(BodyReader& b, const json::object& o) {
  return readObjects<TaskReviewInput>(b, o, "items", [](BodyReader& r, const json::object&) {
    return TaskReviewInput{r.id("task_id"), r.str("outcome"), r.str("note")};
  });
}

VoteInput voteInput(BodyReader& b) {
  return {b.integer("votes_for"), b.integer("against"), b.integer("abstain"), b.integer("eligible"), b.str("rule")};
}

ResolutionFields resolutionFields(BodyReader& b, const json::object& o) {
  ResolutionFields f;
  f.doc_type = b.str("doc_type");
  f.title = b.str("title");
  f.assessment = b.str("assessment");
  f.direction = b.str("direction");
  f.assignments = b.str("assignments");
  f.self_assessment = b.str("self_assessment");
  f.issued_on = b.str("issued_on");
  f.number = b.integer("number");
  f.targets = readObjects<TargetInput>(b, o, "targets", [](BodyReader& r, const json::object& t) {
    return TargetInput{r.str("description"), r.str("unit"), r.str("note"), readNumber(r, t, "target_value"),
                       readNumber(r, t, "actual_value"), r.boolean("achieved")};
  });
  if (auto v = o.if_contains("vote"); v && !v->is_null()) {
    if (!v->is_object()) {
      b.errors().add("vote", "invalid_type", "Giá trị phải là một đối tượng.");
    } else {
      BodyReader vr(v->as_object());
      f.vote = voteInput(vr);
      for (const auto& fe : vr.errors().errors()) b.errors().add("vote." + fe.field, fe.code, fe.message);
    }
  }
  return f;
}

TaskFields taskFields(BodyReader& b, const json::object& o) {
  TaskFields f;
  f.description = b.str("description");
  f.deadline = b.str("deadline");
  f.status = b.str("status");
  f.result_note = b.str("result_note");
  f.progress_note = b.str("progress_note");
  f.assignee_member_ids = readIds(b, o, "assignee_member_ids", kMaxAssignees);
  return f;
}

AmendmentFields amendmentFields(BodyReader& b, const json::object& o) {
  AmendmentFields f;
  f.reason = b.str("reason");
  f.version = b.integer("version");
  if (auto v = o.if_contains("meeting"); v && !v->is_null()) {
    if (!v->is_object()) {
      b.errors().add("meeting", "invalid_type", "Giá trị phải là một đối tượng.");
    } else {
      BodyReader mr(v->as_object());
      f.meeting = meetingFields(mr, v->as_object());
      for (const auto& fe : mr.errors().errors()) b.errors().add("meeting." + fe.field, fe.code, fe.message);
    }
  }
  if (auto v = o.if_contains("attendance"); v && !v->is_null()) {
    if (!v->is_object()) {
      b.errors().add("attendance", "invalid_type", "Giá trị phải là một đối tượng {\"items\": [...]}.");
    } else {
      BodyReader ar(v->as_object());
      f.attendance = attendanceItems(ar, v->as_object());
      if (!f.attendance) f.attendance.emplace();
      for (const auto& fe : ar.errors().errors()) b.errors().add("attendance." + fe.field, fe.code, fe.message);
    }
  }
  return f;
}

ThematicFields thematicFields(BodyReader& b) {
  return {b.integer("year"),          b.integer("quarter"),         b.str("topic"),
          b.str("source"),            b.str("approved_on"),         b.id("suggestion_id"),
          b.id("preparer_member_id"), b.id("meeting_id")};
}

}  // namespace chibo::http
