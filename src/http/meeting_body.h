#pragma once
// Reading meeting request bodies into the raw input structs of the use cases.
// BodyReader covers flat fields; meetings also send lists of objects (guests,
// roll-call lines, agenda items, targets) and nested objects (a vote). Type
// errors become field errors with the full JSON path ("items[3].status").
#include <optional>
#include <string>
#include <vector>

#include "app/meetings/live.h"
#include "app/meetings/lock.h"
#include "app/meetings/planning.h"
#include "app/meetings/resolutions.h"
#include "http/json_io.h"

namespace chibo::http {

// Bounds on lists in one request, checked before any element is read: a
// 20,000-guest list was once accepted and stored. Each is far above real use
// (a cell's roll is at most a few hundred; a meeting has a handful of guests).
constexpr size_t kMaxListItems = 1000;  // roll-call lines, agenda items, reviews, targets, slots
constexpr size_t kMaxGuests = 100;
constexpr size_t kMaxAssignees = 100;

// "Danh sách có quá nhiều mục (tối đa N)."
std::string tooManyMessage(size_t max_items);

// Reads the array of objects at `key` with `read(BodyReader&)` per element.
// Absent or null: none. Not an array, an element not an object, or more than
// `max_items` elements (too_many, nothing read): a field error.
template <typename T, typename F>
std::optional<std::vector<T>> readObjects(BodyReader& b, const json::object& o, const std::string& key, F read,
                                          size_t max_items = kMaxListItems) {
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
  std::vector<T> out;
  size_t i = 0;
  for (const auto& e : v->as_array()) {
    std::string p = key + "[" + std::to_string(i++) + "]";
    if (!e.is_object()) {
      b.errors().add(p, "invalid_type", "Mỗi phần tử phải là một đối tượng.");
      continue;
    }
    BodyReader ib(e.as_object());
    out.push_back(read(ib, e.as_object()));
    for (const auto& fe : ib.errors().errors()) b.errors().add(p + "." + fe.field, fe.code, fe.message);
  }
  return out;
}

// Lists of plain values; same absent/null/type rules.
std::optional<std::vector<Id>> readIds(BodyReader& b, const json::object& o, const std::string& key,
                                       size_t max_items = kMaxListItems);
std::optional<std::vector<std::string>> readStrings(BodyReader& b, const json::object& o, const std::string& key,
                                                    size_t max_items = kMaxListItems);
std::optional<double> readNumber(BodyReader& b, const json::object& o, const char* key);

MeetingFields meetingFields(BodyReader& b, const json::object& o);
PreparationFields preparationFields(BodyReader& b);
std::optional<std::vector<AgendaItemInput>> agendaItems(BodyReader& b, const json::object& o);
std::optional<std::vector<AttendanceItemInput>> attendanceItems(BodyReader& b, const json::object& o);
std::optional<std::vector<TaskReviewInput>> reviewItems(BodyReader& b, const json::object& o);
VoteInput voteInput(BodyReader& b);
ResolutionFields resolutionFields(BodyReader& b, const json::object& o);
TaskFields taskFields(BodyReader& b, const json::object& o);
AmendmentFields amendmentFields(BodyReader& b, const json::object& o);
ThematicFields thematicFields(BodyReader& b);

}  // namespace chibo::http
