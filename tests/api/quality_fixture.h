#pragma once
// Helpers for the quality API tests (issue 4): a fresh cell with members we
// control, and a meeting run through the API to a record whose score can be
// computed by hand. Meetings are in 2027 (after any demo history) unless a
// test needs an older rule set.
#include <map>
#include <string>
#include <vector>

#include "api/meeting_fixture.h"

namespace chibo::testing {

class QualityApiTest : public MeetingApiTest {
 protected:
  struct CellSetup {
    int64_t id = 0;
    std::vector<int64_t> members;  // in creation order
  };

  // A new cell under `parent` with `n` members placed from `joined` (created by `c`).
  CellSetup newCell(Client& c, int64_t parent, const std::string& name, int n, const std::string& joined) {
    CellSetup out;
    auto r = c.post("/api/v1/orgs", json::object{{"parent_id", parent}, {"name", name}, {"kind", "cell"},
                                                 {"cell_type", "residential"}});
    EXPECT_EQ(r.status, 201) << r.raw;
    out.id = r.status == 201 ? idOf(r) : 0;
    for (int i = 0; i < n; ++i) out.members.push_back(addMember(c, out.id, joined));
    return out;
  }

  int64_t addMember(Client& c, int64_t cell, const std::string& joined, bool probationary = false) {
    static const char* given[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga",
                                  "Phúc", "Quang", "Sơn", "Thảo", "Uyên", "Vinh"};
    static int counter = 0;
    json::object m = newMember(cell, std::string("Nguyễn Văn ") + given[counter++ % 16]);
    m["joined_on"] = joined;
    if (probationary) {
      m["admission_decision_date"] = "2026-04-20";
      m["admission_ceremony_date"] = "2026-05-04";
      m["official_date"] = nullptr;
    }
    auto r = c.post("/api/v1/members", m);
    EXPECT_EQ(r.status, 201) << r.raw;
    return r.status == 201 ? idOf(r) : 0;
  }

  // How a test meeting is run. Members not in `marks` are present.
  struct Run {
    std::string day;  // YYYY-MM-DD
    std::string start = "19:30", end = "20:50";
    std::map<int64_t, std::string> marks;  // member -> present | absent_excused | absent_unexcused | ...
    std::vector<int64_t> speakers;
    json::object prep;                     // PATCH /preparation body; empty = none
    int targets_met = 3, targets_total = 4;  // targets of the resolution it adopts
    std::string task_deadline;             // "" = the 28th of the month
    bool review_carried = true;
    bool read_back = false;
  };

  // Plans and holds a regular meeting of `cell`: chair and secretary are the
  // first two members, the roll as `r.marks` says, carried tasks reviewed as
  // done, speeches, a voted resolution with targets and one task, then the end.
  int64_t hold(Client& c, const CellSetup& cell, const Run& r) {
    auto id = plan(c, cell.id, r.day);
    if (!r.prep.empty()) {
      auto p = c.patch(meetingPath(id, "/preparation"), r.prep);
      EXPECT_EQ(p.status, 200) << p.raw;
    }
    EXPECT_EQ(c.patch(meetingPath(id), json::object{{"chair_member_id", cell.members.at(0)},
                                                    {"secretary_member_id", cell.members.at(1)}})
                  .status,
              200);
    auto st = c.post(meetingPath(id, "/start"), json::object{{"at", r.day + "T" + r.start}});
    EXPECT_EQ(st.status, 200) << st.raw;
    json::array items;
    for (auto mid : cell.members) {
      auto it = r.marks.find(mid);
      std::string status = it == r.marks.end() ? "present" : it->second;
      if (status == "skip") continue;  // not marked (an exempt member, say)
      json::object line{{"member_id", mid}, {"status", status}};
      if (status == "absent_excused") line["reason_category"] = "illness";
      items.push_back(std::move(line));
    }
    auto att = c.put(meetingPath(id, "/attendance"), json::object{{"items", items}});
    EXPECT_EQ(att.status, 200) << att.raw;
    if (r.review_carried) {
      json::array reviews;
      for (auto& t : att.obj().at("carried_tasks").as_array())
        reviews.push_back(json::object{{"task_id", t.as_object().at("id")}, {"outcome", "done"}});
      if (!reviews.empty()) {
        EXPECT_EQ(c.put(meetingPath(id, "/task-reviews"), json::object{{"items", reviews}}).status, 200);
      }
    }
    for (auto who : r.speakers) {
      auto s = c.post(meetingPath(id, "/speeches"), json::object{{"member_id", who}, {"summary", "Góp ý về công tác dân vận"}});
      EXPECT_EQ(s.status, 201) << s.raw;
    }
    // The server counts who may vote from the roll (official members, not exempt): all of them vote for.
    int present = int(c.get(meetingPath(id)).obj().at("voters").as_object().at("present").as_int64());
    int64_t res = adopt(c, id, r.targets_met, r.targets_total, present);
    auto task = c.post("/api/v1/resolutions/" + std::to_string(res) + "/tasks",
                       json::object{{"description", "Vận động các hộ đăng ký gia đình văn hóa"},
                                    {"deadline", r.task_deadline.empty() ? r.day.substr(0, 8) + "28" : r.task_deadline},
                                    {"assignee_member_ids", json::array{cell.members.at(0)}}});
    EXPECT_EQ(task.status, 201) << task.raw;
    auto end = c.post(meetingPath(id, "/end"), json::object{{"at", r.day + "T" + r.end}, {"minutes_read_back", r.read_back}});
    EXPECT_EQ(end.status, 200) << end.raw;
    return id;
  }

  // A resolution with `total` targets of which `met` are judged met, voted by all.
  int64_t adopt(Client& c, int64_t meeting, int met, int total, int voters) {
    json::array targets;
    for (int i = 0; i < total; ++i)
      targets.push_back(json::object{{"description", "Chỉ tiêu " + std::to_string(i + 1)}, {"achieved", i < met}});
    auto res = c.post(meetingPath(meeting, "/resolutions"),
                      json::object{{"title", "Lãnh đạo thực hiện nhiệm vụ tháng"},
                                   {"targets", std::move(targets)},
                                   {"vote", json::object{{"votes_for", voters}, {"against", 0}, {"abstain", 0}}}});
    EXPECT_EQ(res.status, 201) << res.raw;
    return res.status == 201 ? idOf(res) : 0;
  }

  // A planned meeting that only adopts a resolution: the "previous resolution"
  // the next meeting's score reviews.
  int64_t plannedWithResolution(Client& c, const CellSetup& cell, const std::string& day, int met, int total) {
    auto id = plan(c, cell.id, day);
    adopt(c, id, met, total, int(cell.members.size()));
    return id;
  }

  static const json::object& criterion(const Resp& score, const std::string& code) {
    for (auto& c : score.obj().at("criteria").as_array())
      if (c.as_object().at("code").as_string() == code) return c.as_object();
    static const json::object none;
    ADD_FAILURE() << "no criterion " << code << " in " << score.raw;
    return none;
  }
  static double num(const json::value& v) { return v.is_double() ? v.as_double() : double(v.as_int64()); }
};

}  // namespace chibo::testing
