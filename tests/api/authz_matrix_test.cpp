// The authorisation matrix. Part one is generated from the route table
// (chibo::http::routeTable): every route × every role × in scope and out of
// scope, each compared with the row declared for that route below. A route
// with no row fails the test, so no route can be added without deciding who
// may call it. Part two keeps the hand-written checks of record reads, roster
// reads and writes with their audit rows.
//
// Out of scope answers 404 (callers must not learn what exists); in scope but
// not permitted answers 403; a permitted call may still be refused for its
// (deliberately empty) body or the object's state, so "allowed" means any
// answer but 401, 403, 404 and 5xx. Scope is checked before validation, which
// is what lets an empty body tell the two apart.
#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "api/meeting_fixture.h"
#include "http/api.h"

namespace chibo::testing {

// What a role gets in scope: allowed, 403 or 404.
enum class In { allow, forbid, hide };
// What the object the path names is; it selects the in- and out-of-scope ids.
enum class Obj { none, org, member, status, meeting, resolution, task, attachment, warning, role, monitor, token, account, candidate, introducer, candidate_document, unknown };

struct Expect {
  Obj obj;
  In admin, committee, monitor, cell, member;
  // The out-of-scope variant (an object under another ward) answers 404 to every
  // role but the province-level admin. False for routes that name no object.
  bool scoped;
};

constexpr In A = In::allow, F = In::forbid, H = In::hide;

// One row per route, keyed "METHOD path" as in the route table. Roles: admin
// (province), committee (canbo.phuong, the ward), monitor (giamsat.phuong,
// assigned to KP1), cell (bithu.kp1), member (dangvien.kp1). In scope is KP1.
const std::map<std::string, Expect>& declaredMatrix() {
  static const std::map<std::string, Expect> m = {
      // --- session and self
      {"GET /api/v1/health", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/openapi.json", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/auth/login", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/auth/logout", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/me", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/me/meetings", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/me/desk", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/me/tasks", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/me/calendar-token", {Obj::none, A, A, A, A, A, false}},
      {"DELETE /api/v1/me/calendar-token", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/calendar/{token}.ics", {Obj::token, H, H, H, H, H, false}},
      {"POST /api/v1/checkin", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/rules", {Obj::none, A, A, A, A, A, false}},
      // --- orgs
      {"GET /api/v1/orgs", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/orgs", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/orgs/{id}", {Obj::org, A, A, A, A, A, true}},
      {"PATCH /api/v1/orgs/{id}", {Obj::org, A, A, F, A, F, true}},
      {"POST /api/v1/orgs/{id}/terms", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/audit", {Obj::org, A, A, F, F, F, true}},
      {"GET /api/v1/orgs/{id}/members", {Obj::org, A, A, A, A, F, true}},
      {"POST /api/v1/orgs/{id}/roles", {Obj::org, A, A, F, A, F, true}},
      {"PATCH /api/v1/roles/{id}", {Obj::role, A, A, F, A, F, true}},
      {"GET /api/v1/orgs/{id}/monitor-candidates", {Obj::org, A, A, A, A, F, true}},
      {"POST /api/v1/orgs/{id}/monitors", {Obj::org, A, A, F, F, F, true}},
      {"PATCH /api/v1/monitors/{id}", {Obj::monitor, A, A, F, F, F, true}},
      // --- members
      {"POST /api/v1/members", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/members/{id}", {Obj::member, A, A, A, A, H, true}},
      {"PATCH /api/v1/members/{id}", {Obj::member, A, A, F, A, H, true}},
      {"POST /api/v1/members/{id}/transfer", {Obj::member, A, A, F, A, H, true}},
      {"POST /api/v1/members/{id}/statuses", {Obj::member, A, A, F, A, H, true}},
      {"PATCH /api/v1/members/{id}/statuses/{sid}", {Obj::status, A, A, F, A, H, true}},
      {"GET /api/v1/members/{id}/participation", {Obj::member, A, A, A, A, H, true}},
      // --- party dues (the sheet is the cell's roster with amounts: a member reads only their own)
      {"GET /api/v1/orgs/{id}/dues", {Obj::org, A, A, A, A, F, true}},
      {"PUT /api/v1/orgs/{id}/dues", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/members/{id}/dues", {Obj::member, A, A, A, A, H, true}},
      {"PUT /api/v1/members/{id}/dues/basis", {Obj::member, A, A, F, A, H, true}},
      {"POST /api/v1/members/{id}/dues/reliefs", {Obj::member, A, A, F, A, H, true}},
      {"DELETE /api/v1/members/{id}/dues/reliefs/{sid}", {Obj::unknown, A, A, F, A, H, true}},
      {"GET /api/v1/orgs/{id}/reports/dues-book.xlsx", {Obj::org, A, A, A, A, F, true}},
      {"GET /api/v1/orgs/{id}/reports/dues-book.pdf", {Obj::org, A, A, A, A, F, true}},
      // --- meetings
      {"GET /api/v1/orgs/{id}/meetings", {Obj::org, A, A, A, A, A, true}},
      {"POST /api/v1/orgs/{id}/meetings", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/meetings/{id}", {Obj::meeting, A, A, A, A, A, true}},
      {"PATCH /api/v1/meetings/{id}", {Obj::meeting, A, A, F, A, F, true}},
      {"PATCH /api/v1/meetings/{id}/preparation", {Obj::meeting, A, A, F, A, F, true}},
      {"PUT /api/v1/meetings/{id}/agenda", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/start", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/end", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/finalize", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/amendments", {Obj::meeting, A, A, F, A, F, true}},
      {"GET /api/v1/meetings/{id}/history", {Obj::meeting, A, A, A, A, A, true}},
      {"PUT /api/v1/meetings/{id}/attendance", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/checkin-token", {Obj::meeting, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/speeches", {Obj::meeting, A, A, F, A, F, true}},
      {"PUT /api/v1/meetings/{id}/task-reviews", {Obj::meeting, A, A, F, A, F, true}},
      {"GET /api/v1/orgs/{id}/thematic-plan", {Obj::org, A, A, A, A, A, true}},
      {"POST /api/v1/orgs/{id}/thematic-plan", {Obj::org, A, A, F, A, F, true}},
      {"POST /api/v1/meetings/{id}/slots", {Obj::meeting, A, A, F, A, F, true}},
      {"PUT /api/v1/meetings/{id}/slots/availability", {Obj::meeting, A, A, A, A, A, true}},
      {"POST /api/v1/meetings/{id}/resolutions", {Obj::meeting, A, A, F, A, F, true}},
      {"PATCH /api/v1/resolutions/{id}", {Obj::resolution, A, A, F, A, F, true}},
      {"PUT /api/v1/resolutions/{id}/vote", {Obj::resolution, A, A, F, A, F, true}},
      {"POST /api/v1/resolutions/{id}/tasks", {Obj::resolution, A, A, F, A, F, true}},
      {"PATCH /api/v1/tasks/{id}", {Obj::task, A, A, F, A, F, true}},
      // --- attachments
      {"POST /api/v1/meetings/{id}/attachments", {Obj::meeting, A, A, F, A, F, true}},
      {"GET /api/v1/meetings/{id}/attachments", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/attachments/{id}", {Obj::attachment, A, A, A, A, A, true}},
      {"DELETE /api/v1/attachments/{id}", {Obj::attachment, A, A, F, A, F, true}},
      // --- new members (the list is not a plain member's to see)
      {"GET /api/v1/orgs/{id}/candidates", {Obj::org, A, A, A, A, H, true}},
      {"POST /api/v1/orgs/{id}/candidates", {Obj::org, A, A, F, A, H, true}},
      {"GET /api/v1/orgs/{id}/admission-pipeline", {Obj::org, A, A, A, A, H, true}},
      {"GET /api/v1/candidates/{id}", {Obj::candidate, A, A, A, A, H, true}},
      {"PATCH /api/v1/candidates/{id}", {Obj::candidate, A, A, F, A, H, true}},
      {"POST /api/v1/candidates/{id}/stages", {Obj::candidate, A, A, F, A, H, true}},
      {"POST /api/v1/candidates/{id}/introducers", {Obj::candidate, A, A, F, A, H, true}},
      {"DELETE /api/v1/candidates/{id}/introducers/{sid}", {Obj::introducer, A, A, F, A, H, true}},
      {"POST /api/v1/candidates/{id}/documents", {Obj::candidate, A, A, F, A, H, true}},
      {"GET /api/v1/candidate-documents/{id}", {Obj::candidate_document, A, A, A, A, H, true}},
      {"DELETE /api/v1/candidate-documents/{id}", {Obj::candidate_document, A, A, F, A, H, true}},
      // --- documents
      {"GET /api/v1/meetings/{id}/minutes.pdf", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/meetings/{id}/minutes.docx", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/meetings/{id}/resolution.pdf", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/meetings/{id}/resolution.docx", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/meetings/{id}/attendance.pdf", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/meetings/{id}/attendance.docx", {Obj::meeting, A, A, A, A, A, true}},
      {"GET /api/v1/orgs/{id}/tasks.pdf", {Obj::org, A, A, A, A, A, true}},
      {"GET /api/v1/orgs/{id}/tasks.docx", {Obj::org, A, A, A, A, A, true}},
      {"GET /api/v1/orgs/{id}/reports/briefing.xlsx", {Obj::org, A, A, A, A, F, true}},
      {"GET /api/v1/orgs/{id}/reports/briefing.pdf", {Obj::org, A, A, A, A, F, true}},
      // --- oversight and quality
      {"GET /api/v1/orgs/{id}/rollup", {Obj::org, A, A, A, A, F, true}},
      {"POST /api/v1/orgs/{id}/rollup/rebuild", {Obj::org, A, A, F, A, F, true}},
      {"GET /api/v1/orgs/{id}/participation", {Obj::org, A, A, A, A, F, true}},
      {"POST /api/v1/meetings/{id}/observations", {Obj::meeting, F, F, A, F, F, true}},
      {"GET /api/v1/meetings/{id}/observations", {Obj::meeting, A, A, A, A, F, true}},
      {"GET /api/v1/orgs/{id}/rules", {Obj::org, A, A, A, A, A, true}},
      {"PUT /api/v1/orgs/{id}/rules", {Obj::org, A, A, F, F, F, true}},
      {"GET /api/v1/orgs/{id}/subgroup-pilot", {Obj::org, A, A, A, A, A, true}},
      {"PUT /api/v1/orgs/{id}/subgroup-pilot", {Obj::org, A, A, F, F, F, true}},
      {"DELETE /api/v1/orgs/{id}/subgroup-pilot", {Obj::org, A, A, F, F, F, true}},
      {"GET /api/v1/meetings/{id}/score", {Obj::meeting, A, A, A, A, A, true}},
      {"PUT /api/v1/meetings/{id}/evaluation", {Obj::meeting, A, A, A, A, F, true}},
      {"GET /api/v1/orgs/{id}/warnings", {Obj::org, A, A, A, A, H, true}},
      {"POST /api/v1/warnings/{id}/ack", {Obj::warning, A, A, F, A, H, true}},
      // --- accounts, lock-outs, sessions (a lock-out or another's session id is never known here).
      // Managing accounts is for staff and, for its own members, the cell committee: to anyone
      // else the accounts of a node are not there (404), as for records they may not see.
      {"GET /api/v1/auth/lockouts", {Obj::none, A, A, F, F, F, false}},
      {"DELETE /api/v1/auth/lockouts/{id}", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/me/sessions", {Obj::none, A, A, A, A, A, false}},
      {"DELETE /api/v1/me/sessions/{id}", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/me/password", {Obj::none, A, A, A, A, A, false}},
      // --- reminders and notices: the caller's own inbox and settings; the notice as the preparation
      {"GET /api/v1/me/inbox", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/me/inbox/read-all", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/me/inbox/{id}/read", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/me/notifications", {Obj::none, A, A, A, A, A, false}},
      {"PUT /api/v1/me/notifications", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/meetings/{id}/notices", {Obj::meeting, A, A, F, A, F, true}},
      // --- year-end review: rounds are opened on a committee by its staff (KP1, a cell, answers
      // 422 to them); a round, a review and their papers are named by ids the sides do not hold.
      {"GET /api/v1/orgs/{id}/review-rounds", {Obj::org, A, A, A, A, A, true}},
      {"POST /api/v1/orgs/{id}/review-rounds", {Obj::org, A, A, F, F, F, true}},
      {"GET /api/v1/review-rounds/{id}", {Obj::unknown, H, H, H, H, H, false}},
      {"PUT /api/v1/review-rounds/{id}/cells/{sid}", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/review-rounds/{id}/results.pdf", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/review-rounds/{id}/results.docx", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/review-rounds/{id}/results.xlsx", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/reviews/{id}", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/reviews/{id}/form.pdf", {Obj::unknown, H, H, H, H, H, false}},
      {"GET /api/v1/reviews/{id}/form.docx", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/reviews/{id}/self-assessment", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/reviews/{id}/cell-vote", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/reviews/{id}/decision", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/reviews/{id}/appeal", {Obj::unknown, H, H, H, H, H, false}},
      {"POST /api/v1/auth/activation", {Obj::none, A, A, A, A, A, false}},
      {"POST /api/v1/auth/activate", {Obj::none, A, A, A, A, A, false}},
      {"GET /api/v1/orgs/{id}/accounts", {Obj::org, A, A, H, A, H, true}},
      {"GET /api/v1/orgs/{id}/accounts/missing", {Obj::org, A, A, H, A, H, true}},
      {"POST /api/v1/orgs/{id}/accounts", {Obj::org, A, A, H, A, H, true}},
      {"POST /api/v1/orgs/{id}/accounts/activation-sheet", {Obj::org, A, A, H, A, H, true}},
      {"POST /api/v1/members/{id}/account", {Obj::member, A, A, H, A, H, true}},
      {"POST /api/v1/accounts/{id}/reset", {Obj::account, A, A, H, A, H, true}},
      {"POST /api/v1/accounts/{id}/disable", {Obj::account, A, A, H, H, H, true}},
      {"POST /api/v1/accounts/{id}/enable", {Obj::account, A, A, H, H, H, true}},
      {"PUT /api/v1/accounts/{id}/grants", {Obj::account, A, A, H, H, H, true}},
      // --- roster import and export
      {"GET /api/v1/orgs/{id}/roster.xlsx", {Obj::org, A, A, A, A, F, true}},
      {"POST /api/v1/orgs/{id}/roster-import", {Obj::org, A, A, F, A, F, true}},
  };
  return m;
}

namespace {

const char* const kRoles[] = {"admin", "canbo.phuong", "giamsat.phuong", "bithu.kp1", "dangvien.kp1"};

In expectedIn(const Expect& e, int role) {
  const In v[] = {e.admin, e.committee, e.monitor, e.cell, e.member};
  return v[role];
}

std::string key(const chibo::http::Route& r) { return r.method + " " + r.path; }

std::string describe(In v) { return v == In::allow ? "allowed" : v == In::forbid ? "403" : "404"; }

bool matches(In v, int status) {
  if (v == In::forbid) return status == 403;
  if (v == In::hide) return status == 404;
  return status != 401 && status != 403 && status != 404 && status < 500;
}

std::string replaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

}  // namespace

class AuthzMatrixTest : public MeetingApiTest {
 protected:
  // The ids one side (in or out of scope) offers for each kind of object.
  struct Side {
    int64_t org = 0, member = 0, status = 0, meeting = 0, resolution = 0, task = 0, warning = 0, role = 0,
            monitor = 0, account = 0, candidate = 0, introducer_member = 0, introducer = 0;
  };

  static void SetUpTestSuite() { guardSetUp(buildSides); }
  static void buildSides() {
    startDemoServer();
    Client admin(server_->port());
    admin.login("admin");
    // A second ward with one cell: outside every grant but the province admin's.
    auto w = admin.post("/api/v1/orgs", json::object{{"parent_id", city_}, {"name", "Đảng ủy phường Đa Kao"},
                                                     {"kind", "committee"}, {"level", "ward"}});
    other_cell_ = admin.post("/api/v1/orgs", json::object{{"parent_id", w.obj().at("id").as_int64()},
                                                          {"name", "Chi bộ Khu phố A"}, {"kind", "cell"},
                                                          {"cell_type", "residential"}})
                      .obj().at("id").as_int64();
    auto m = admin.post("/api/v1/members", json::object{{"full_name", "Đinh Văn Ngoài"}, {"birth_date", "1970-01-01"},
                                                        {"gender", "male"}, {"cell_id", other_cell_}});
    other_member_ = m.obj().at("id").as_int64();
    auto me = admin.get("/api/v1/orgs/" + std::to_string(kp1_) + "/members?limit=500");
    for (auto& x : me.obj().at("items").as_array()) kp1_members_.push_back(x.as_object().at("id").as_int64());
    auto k2 = admin.get("/api/v1/orgs/" + std::to_string(kp2_) + "/members?limit=1");
    kp2_member_ = k2.obj().at("items").as_array().at(0).as_object().at("id").as_int64();
  }
  static inline int64_t other_cell_ = 0, other_member_ = 0, kp2_member_ = 0;
  static inline std::vector<int64_t> kp1_members_;

  // Fills one side with objects under `cell`, created by the admin where needed.
  Side makeSide(Client& admin, int64_t cell, const std::string& day) {
    Side s;
    s.org = cell;
    for (int i = 0; i < 3; ++i)  // a roll long enough for a complete record
      admin.post("/api/v1/members", newMember(cell, "Trần Thị Phạm Vi " + std::to_string(i)));
    auto roll = admin.get(path("/api/v1/orgs/", cell, "/members?limit=5"));
    s.member = roll.obj().at("items").as_array().at(0).as_object().at("id").as_int64();
    auto st = admin.post(path("/api/v1/members/", s.member, "/statuses"),
                         json::object{{"kind", "exempt"}, {"from", "2026-01-01"}, {"note", "Ốm dài ngày"}});
    EXPECT_EQ(st.status, 201) << st.raw;
    auto mem = admin.get(path("/api/v1/members/", s.member));
    for (auto& p : mem.obj().at("status_periods").as_array())
      if (p.as_object().at("kind").as_string() == "exempt") s.status = p.as_object().at("id").as_int64();
    s.meeting = plan(admin, cell, day);
    s.task = completeRecord(admin, s.meeting, day);
    auto res = admin.get(path("/api/v1/meetings/", s.meeting));
    if (auto* r = res.obj().if_contains("resolutions"); r && !r->as_array().empty())
      s.resolution = r->as_array().at(0).as_object().at("id").as_int64();
    auto role = admin.post(path("/api/v1/orgs/", cell, "/roles"),
                           json::object{{"member_id", s.member}, {"role", "deputy_secretary"}, {"from", "2026-01-01"}});
    if (role.status == 201) s.role = idOf(role);
    auto mon = admin.post(path("/api/v1/orgs/", cell, "/monitors"),
                          json::object{{"member_id", s.member}, {"from", "2026-01-01"}});
    if (mon.status == 201) s.monitor = idOf(mon);
    // Else whatever officers and monitors the org already lists.
    auto org = admin.get(path("/api/v1/orgs/", cell)).obj();
    if (auto* r = org.if_contains("roles"); !s.role && r && !r->as_array().empty())
      s.role = r->as_array().at(0).as_object().at("id").as_int64();
    if (auto* m = org.if_contains("monitors"); !s.monitor && m && !m->as_array().empty())
      s.monitor = m->as_array().at(0).as_object().at("id").as_int64();
    // An account for a second member of the cell (the first is exempt and stays the member
    // object): the account routes act on it.
    auto second = roll.obj().at("items").as_array().at(1).as_object().at("id").as_int64();
    auto acc = admin.post(path("/api/v1/members/", second, "/account"), json::object{});
    if (acc.status == 201) s.account = idOf(acc);
    auto cand = admin.post(path("/api/v1/orgs/", cell, "/candidates"),
                           json::object{{"full_name", "Lâm Thị Thử"}, {"birth_date", "1995-01-01"}, {"listed_on", "2025-01-01"}});
    EXPECT_EQ(cand.status, 201) << cand.raw;
    if (cand.status == 201) s.candidate = idOf(cand);
    s.introducer_member = second;
    if (s.candidate) s.introducer = freshIntroducer(admin, s);  // 0: the cell offers no official member for it
    auto warn = admin.get(path("/api/v1/orgs/", cell, "/warnings"));
    if (warn.status == 200)
      if (auto* items = warn.obj().if_contains("items"); items && !items->as_array().empty())
        s.warning = items->as_array().at(0).as_object().at("id").as_int64();
    return s;
  }

  int64_t uploadAttachment(Client& admin, int64_t meeting) {
    auto r = admin.send("POST", path("/api/v1/meetings/", meeting, "/attachments?name=bien-ban.pdf&kind=document"),
                        "%PDF-1.4\n% chibo\n");
    return r.status == 201 ? idOf(r) : 0;
  }
  int64_t uploadCandidateDocument(Client& admin, int64_t candidate) {
    auto r = admin.send("POST", path("/api/v1/candidates/", candidate, "/documents?name=don.pdf"), "%PDF-1.4\n% chibo\n");
    return r.status == 201 ? idOf(r) : 0;
  }
  // An introducer of the candidate, added again when an allowed DELETE removed it.
  int64_t freshIntroducer(Client& admin, const Side& s) {
    admin.post(path("/api/v1/candidates/", s.candidate, "/introducers"),
               json::object{{"member_id", s.introducer_member}, {"worked_since", "2020-01-01"}});
    auto c = admin.get(path("/api/v1/candidates/", s.candidate));
    if (c.status != 200) return 0;
    auto& list = c.obj().at("introducers").as_array();
    return list.empty() ? 0 : list.at(0).as_object().at("id").as_int64();
  }
};

// Unknown ids answer exactly as out-of-scope ones do, so this stands in for
// objects a side could not offer (the warning list of a cell can be empty).
constexpr int64_t kUnknownId = 987654321;

TEST_F(AuthzMatrixTest, EveryRouteEveryRoleInAndOutOfScope) {
  const auto& declared = declaredMatrix();
  auto routes = chibo::http::routeTable();
  std::set<std::string> seen;
  for (const auto& r : routes) {
    std::string key = r.method + " " + r.path;
    seen.insert(key);
    EXPECT_TRUE(declared.count(key)) << "route " << key
                                     << " has no row in declaredMatrix(): decide who may call it and add one";
  }
  for (const auto& [key, e] : declared)
    EXPECT_TRUE(seen.count(key)) << "declaredMatrix() has a row for " << key << ", which is not a route";

  Client admin(server_->port());
  ASSERT_EQ(admin.login("admin").status, 200);
  Side in = makeSide(admin, kp1_, "2027-03-04");
  Side out = makeSide(admin, other_cell_, "2027-03-05");
  std::vector<Client> clients;
  for (const char* u : kRoles) clients.push_back(as(u));
  Client anonymous(server_->port());

  auto idFor = [&](Obj o, const Side& s, bool fresh_attachment) -> std::pair<int64_t, int64_t> {
    auto or_unknown = [](int64_t id) { return id ? id : kUnknownId; };
    switch (o) {
      case Obj::org: return {s.org, 0};
      case Obj::member: return {s.member, 0};
      case Obj::status: return {s.member, or_unknown(s.status)};
      case Obj::meeting: return {s.meeting, 0};
      case Obj::resolution: return {or_unknown(s.resolution), 0};
      case Obj::task: return {or_unknown(s.task), 0};
      case Obj::attachment: return {fresh_attachment ? uploadAttachment(admin, s.meeting) : 0, 0};
      case Obj::warning: return {or_unknown(s.warning), 0};
      case Obj::role: return {or_unknown(s.role), 0};
      case Obj::monitor: return {or_unknown(s.monitor), 0};
      case Obj::token: return {0, 0};
      case Obj::account: return {or_unknown(s.account), 0};
      case Obj::candidate: return {or_unknown(s.candidate), 0};
      case Obj::introducer: return {or_unknown(s.candidate), s.candidate ? or_unknown(freshIntroducer(admin, s)) : kUnknownId};
      case Obj::candidate_document:
        return {s.candidate && fresh_attachment ? or_unknown(uploadCandidateDocument(admin, s.candidate)) : kUnknownId, 0};
      case Obj::unknown: return {kUnknownId, 0};
      case Obj::none: return {0, 0};
    }
    return {0, 0};
  };
  auto known = [](Obj o, const Side& s) {
    switch (o) {
      case Obj::status: return s.status != 0;
      case Obj::resolution: return s.resolution != 0;
      case Obj::task: return s.task != 0;
      case Obj::warning: return s.warning != 0;
      case Obj::role: return s.role != 0;
      case Obj::monitor: return s.monitor != 0;
      case Obj::account: return s.account != 0;
      case Obj::candidate: case Obj::candidate_document: return s.candidate != 0;
      case Obj::introducer: return s.introducer != 0;
      case Obj::unknown: return false;
      default: return true;
    }
  };
  auto request = [&](Client& c, const chibo::http::Route& r, const Expect& e, const Side& s) {
    auto [id, sid] = idFor(e.obj, s, true);
    std::string p = replaceAll(r.path, "{id}", std::to_string(id));
    p = replaceAll(p, "{sid}", std::to_string(sid));
    p = replaceAll(p, "{token}", "khong-co-that");
    // Routes whose object travels in the body or query rather than the path.
    std::string body = "{}";
    if (key(r) == "POST /api/v1/orgs") body = json::serialize(json::object{{"parent_id", s.org}});
    if (key(r) == "POST /api/v1/members") body = json::serialize(json::object{{"cell_id", s.org}});
    if (key(r) == "GET /api/v1/audit") p += "?org=" + std::to_string(s.org);
    if (r.raw_body) body = "%PDF-1.4\n";
    if (r.method == "GET" || r.method == "DELETE") body.clear();
    return c.send(r.method, p, body).status;
  };

  // State-changing routes whose success would change what later requests see
  // (logging out ends the session; locking the minutes freezes the meeting) run last.
  std::vector<const chibo::http::Route*> order;
  for (const auto& r : routes) order.push_back(&r);
  auto rank = [](const chibo::http::Route* r) {
    return r->path == "/api/v1/auth/logout" ? 2 : r->path == "/api/v1/meetings/{id}/finalize" ? 1 : 0;
  };
  std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });

  int requests = 0, cells = 0;
  for (const auto* r : order) {
    auto it = declared.find(key(*r));
    if (it == declared.end()) continue;
    const Expect& e = it->second;
    SCOPED_TRACE(key(*r));
    ++requests;
    int anon = request(anonymous, *r, e, in);
    if (r->auth) EXPECT_EQ(anon, 401) << "anonymous";
    else EXPECT_LT(anon, 500) << "anonymous";
    if (!r->auth) continue;  // no session, so no role and no scope to tell apart
    for (int role = 0; role < 5; ++role) {
      // An object a side could not offer stands as an unknown id: 404 for everyone.
      bool in_known = known(e.obj, in), out_known = known(e.obj, out);
      int got_in = request(clients[role], *r, e, in);
      ++requests;
      ++cells;
      In want_in = in_known ? expectedIn(e, role) : In::hide;
      EXPECT_TRUE(matches(want_in, got_in))
          << kRoles[role] << " in scope: expected " << describe(want_in) << ", got " << got_in;
      if (!e.scoped) continue;
      int got_out = request(clients[role], *r, e, out);
      ++requests;
      ++cells;
      In want_out = role == 0 && out_known ? expectedIn(e, role) : In::hide;
      EXPECT_TRUE(matches(want_out, got_out))
          << kRoles[role] << " out of scope: expected " << describe(want_out) << ", got " << got_out;
    }
  }
  std::cout << "[ matrix ] " << routes.size() << " routes x 5 roles (+ anonymous), " << cells << " role/scope cells, "
            << requests << " requests\n";
}

TEST_F(AuthzMatrixTest, EveryRoleInAndOutOfScopeWritesLeaveAuditRowsOnlyWhenAccepted) {
  struct Row {
    const char* user;
    int read_in, write_in, roster_in;     // a KP1 member / the KP1 roster
    int read_out, write_out, roster_out;  // a member / roster outside the user's scope
    bool out_is_kp2;                      // out of scope is KP2 (else the other ward)
  };
  const Row rows[] = {
      {"admin", 200, 200, 200, 200, 200, 200, false},  // the whole tree is in scope
      {"canbo.phuong", 200, 200, 200, 404, 404, 404, false},
      {"giamsat.phuong", 200, 403, 200, 404, 404, 404, true},
      {"bithu.kp1", 200, 200, 200, 404, 404, 404, true},
  };
  Client auditor(server_->port());
  auditor.login("admin");
  auto auditTotal = [&] {
    return auditor.get("/api/v1/audit?org=" + std::to_string(city_) + "&limit=1").obj().at("total").as_int64();
  };
  // A distinct value each time: an unchanged record is a no-op and leaves no audit row.
  int n = 0;
  auto writeMember = [&](Client& c, int64_t id) {
    return c.patch(path("/api/v1/members/", id), json::object{{"workplace", "Ghi thử quyền " + std::to_string(++n)}})
        .status;
  };
  int64_t in_member = kp1_members_.at(1);
  for (const auto& r : rows) {
    SCOPED_TRACE(r.user);
    auto c = as(r.user);
    int64_t out_member = r.out_is_kp2 ? kp2_member_ : other_member_;
    int64_t out_org = r.out_is_kp2 ? kp2_ : other_cell_;
    EXPECT_EQ(c.get(path("/api/v1/members/", in_member)).status, r.read_in);
    EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_, "/members")).status, r.roster_in);
    EXPECT_EQ(c.get(path("/api/v1/members/", out_member)).status, r.read_out);
    EXPECT_EQ(c.get(path("/api/v1/orgs/", out_org, "/members")).status, r.roster_out);
    auto before = auditTotal();
    int w_in = writeMember(c, in_member), w_out = writeMember(c, out_member);
    EXPECT_EQ(w_in, r.write_in);
    EXPECT_EQ(w_out, r.write_out);
    // Exactly the accepted writes left audit rows.
    EXPECT_EQ(auditTotal() - before, (w_in == 200) + (w_out == 200));
  }
}

TEST_F(AuthzMatrixTest, MemberSeesOwnRecordOnlyAndCannotWriteAnothers) {
  auto c = as("dangvien.kp1");
  auto me = c.get("/api/v1/me");
  auto own = me.obj().at("user").as_object().at("member_id").as_int64();
  EXPECT_EQ(c.get(path("/api/v1/members/", own)).status, 200);
  int64_t other = kp1_members_.front() == own ? kp1_members_.at(1) : kp1_members_.front();
  EXPECT_EQ(c.get(path("/api/v1/members/", other)).status, 404);
  EXPECT_EQ(c.patch(path("/api/v1/members/", other), json::object{{"workplace", "x"}}).status, 404);
  EXPECT_EQ(c.patch(path("/api/v1/members/", own), json::object{{"workplace", "x"}}).status, 403);  // sees it, may not change it
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_, "/members")).status, 403);  // knows the cell, not its roster
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp1_)).status, 200);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp2_)).status, 404);
  EXPECT_EQ(c.get(path("/api/v1/members/", kp2_member_)).status, 404);
  EXPECT_EQ(c.get("/api/v1/audit?org=" + std::to_string(kp1_)).status, 403);
}

TEST_F(AuthzMatrixTest, SecretaryOfOneCellGets404ForAnotherCellsMember) {
  auto c = as("bithu.ubnd");
  EXPECT_EQ(c.get(path("/api/v1/members/", kp1_members_.front())).status, 404);
  EXPECT_EQ(c.post("/api/v1/members", json::object{{"full_name", "Xâm Phạm"}, {"birth_date", "1990-01-01"},
                                                    {"gender", "male"}, {"cell_id", kp1_}}).status,
            404);
}

TEST_F(AuthzMatrixTest, MonitorSeesOnlyAssignedCells) {
  auto c = as("giamsat.phuong");
  auto roots = c.get("/api/v1/orgs");
  ASSERT_EQ(roots.status, 200);
  std::vector<std::string> names;
  for (auto& o : roots.obj().at("items").as_array()) names.emplace_back(o.as_object().at("name").as_string());
  EXPECT_EQ(names.size(), 2u);
  EXPECT_NE(std::find(names.begin(), names.end(), "Chi bộ Khu phố 1"), names.end());
  EXPECT_EQ(c.get(path("/api/v1/orgs/", ward_)).status, 404);
  EXPECT_EQ(c.get(path("/api/v1/orgs/", kp2_)).status, 404);
}

}  // namespace chibo::testing
