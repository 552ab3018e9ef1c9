// Accounts managed by the ward: create (one member, a whole cell or ward),
// activation sheets, reset, disable, grants; activation by the member; the
// caller's own password and sessions. Password hashing and PDF drawing run on
// the worker pool (offload), never on an I/O thread.
#include <chrono>
#include <deque>
#include <map>
#include <mutex>

#include "app/users/account_scope.h"
#include "app/users/users.h"
#include "export/activation_sheet.h"
#include "http/api.h"
#include "http/json_views.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

AccountConfig accountConfig(Api& api) { return {api.config().activation_days}; }

json::value instantOrNull(const std::optional<DateTime>& t) { return t ? json::value(t->iso()) : json::value(nullptr); }

json::array grantsJson(const std::vector<UserGrant>& grants, ReadTx& tx) {
  json::array out;
  for (const auto& g : grants) {
    auto o = tx.org(g.org_id);
    out.push_back(json::object{{"role", toCode(g.role)},
                               {"role_label", label(g.role)},
                               {"org_id", g.org_id},
                               {"org_name", o ? o->name : ""},
                               {"derived", g.derived}});
  }
  return out;
}

// An account as staff see it. Never the password hash nor the code's hash.
json::object accountJson(const User& u, ReadTx& tx) {
  return {{"id", u.id},
          {"username", u.username},
          {"display_name", u.display_name},
          {"member_id", u.member_id ? json::value(*u.member_id) : json::value(nullptr)},
          {"disabled", u.disabled},
          {"activated", u.hasPassword()},
          {"created_at", instantOrNull(u.created_at)},
          {"activated_at", instantOrNull(u.activated_at)},
          {"last_login_at", instantOrNull(u.last_login_at)},
          {"activation_expires_at", instantOrNull(u.hasPassword() ? std::nullopt : u.activation_expires_at)},
          {"grants", grantsJson(tx.grantsOf(u.id), tx)}};
}

// The one answer that carries an activation code.
json::object issuedJson(const IssuedAccount& a, ReadTx& tx) {
  auto o = accountJson(a.user, tx);
  o["activation_code"] = a.activation_code;
  o["member_name"] = a.member_name;
  o["cell_id"] = a.cell_id;
  o["cell_name"] = a.cell_name;
  return o;
}

std::string siteOf(Api& api, Call& c) {
  std::string host(c.req->header().get_field_or(restinio::http_field::host, "localhost"));
  return std::string(api.config().secure_cookie ? "https://" : "http://") + host;
}

Reply list(Api& api, Call& c) {
  AccountFilter f;
  auto show = c.query("show").value_or("all");
  if (show == "never_activated") f.show = AccountFilter::Show::never_activated;
  else if (show == "inactive") f.show = AccountFilter::Show::inactive;
  else if (show == "disabled") f.show = AccountFilter::Show::disabled;
  else if (show != "all")
    return errorReply(Error::validation(
        {{"show", "invalid_choice", "Bộ lọc không hợp lệ (all, never_activated, inactive, disabled)."}}));
  if (auto d = c.query("days"); d && !d->empty()) {
    int days = -1;
    try {
      size_t used = 0;
      days = std::stoi(*d, &used);
      if (used != d->size()) days = -1;
    } catch (const std::exception&) {
    }
    if (days < 1 || days > 3650)
      return errorReply(Error::validation({{"days", "out_of_range", "Số ngày phải từ 1 đến 3650."}}));
    f.days = days;
  }
  f.query = c.query("q").value_or("");
  if (f.query.size() > 200) f.query.resize(200);
  auto r = listAccounts(api.store(), c.caller, c.pathId("id"), f, c.page());
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  json::array items;
  for (const auto& row : r->items) {
    auto o = accountJson(row.user, *tx);
    o["status"] = toCode(row.status);
    o["member_name"] = row.member_name ? json::value(*row.member_name) : json::value(nullptr);
    o["cell_id"] = row.cell_id ? json::value(*row.cell_id) : json::value(nullptr);
    o["cell_name"] = row.cell_name;
    items.push_back(std::move(o));
  }
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", r->total}});
}

Reply missing(Api& api, Call& c) {
  auto r = membersWithoutAccount(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  json::array items;
  for (const auto& m : *r)
    items.push_back(json::object{
        {"member_id", m.member_id}, {"full_name", m.full_name}, {"cell_id", m.cell_id}, {"cell_name", m.cell_name}});
  return jsonReply(200, json::object{{"items", std::move(items)}, {"total", int64_t(r->size())}});
}

Reply createForOrg(Api& api, Call& c) {
  auto r = createAccountsForOrg(api.store(), c.caller, c.pathId("id"), accountConfig(api));
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  json::array items;
  for (const auto& a : *r) items.push_back(issuedJson(a, *tx));
  return jsonReply(201, json::object{{"items", std::move(items)}, {"created", int64_t(r->size())}});
}

Reply createForMember(Api& api, Call& c) {
  // Reminders and notices: an optional e-mail address, where the activation code is mailed.
  std::string email;
  if (auto it = c.body.find("email"); it != c.body.end() && !it->value().is_null()) {
    // Not a string: an address that cannot be one, refused after the scope check (invalid_email).
    email = it->value().is_string() ? std::string(it->value().as_string()) : std::string("\x01");
  }
  auto r = createMemberAccount(api.store(), c.caller, c.pathId("id"), accountConfig(api), email);
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  auto o = issuedJson(*r, *tx);
  o["activation_code_mailed"] = r->code_mailed;
  return jsonReply(201, o);
}

Reply sheet(Api& api, Call& c) {
  std::vector<PrintedCode> codes;
  if (auto it = c.body.find("codes"); it != c.body.end()) {
    if (!it->value().is_array())
      return errorReply(Error::validation({{"codes", "invalid_type", "Danh sách mã không hợp lệ."}}));
    Validator v;
    const auto& arr = it->value().as_array();
    for (size_t i = 0; i < arr.size(); ++i) {
      const auto* o = arr[i].if_object();
      const json::value* uid = o ? o->if_contains("user_id") : nullptr;
      const json::value* code = o ? o->if_contains("code") : nullptr;
      if (!uid || !uid->is_int64() || !code || !code->is_string() || code->as_string().size() > 64) {
        v.add("codes[" + std::to_string(i) + "]", "invalid_type", "Cần mã tài khoản (user_id) và mã kích hoạt (code).");
        continue;
      }
      codes.push_back({uid->as_int64(), std::string(code->as_string())});
    }
    if (!v.ok()) return errorReply(v.error());
    if (codes.empty())
      return errorReply(Error::validation({{"codes", "required", "Danh sách mã kích hoạt trống."}}));
  }
  auto r = activationSheetLines(api.store(), c.caller, c.pathId("id"), codes, accountConfig(api));
  if (!r) return errorReply(r.error());
  std::string site = siteOf(api, c);
  std::vector<ActivationCard> cards;
  for (const auto& l : *r)
    cards.push_back({l.member_name, l.cell_name, l.username, l.code, l.expires.date().vn(),
                     site + "/#/activate?code=" + l.code});
  auto pdf = renderActivationSheet(cards, site);
  if (!pdf) return errorReply(pdf.error());
  Reply out{200, std::move(*pdf), "application/pdf", {}};
  out.headers.emplace_back("Content-Disposition", "attachment; filename=\"phieu-kich-hoat.pdf\"");
  return out;
}

Reply reset(Api& api, Call& c) {
  auto r = resetAccount(api.store(), c.caller, c.pathId("id"), accountConfig(api));
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  return jsonReply(200, issuedJson(*r, *tx));
}

Reply setDisabled(Api& api, Call& c, bool disabled) {
  auto r = setAccountDisabled(api.store(), c.caller, c.pathId("id"), disabled);
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  return jsonReply(200, accountJson(*r, *tx));
}

Reply grants(Api& api, Call& c) {
  if (auto st = checkAccountScope(api.store(), c.caller, c.pathId("id"), true); !st.ok()) return errorReply(st.error());
  auto it = c.body.find("grants");
  if (it == c.body.end() || !it->value().is_array())
    return errorReply(Error::validation({{"grants", "required", "Thiếu danh sách quyền (grants)."}}));
  std::vector<UserGrant> given;
  Validator v;
  const auto& arr = it->value().as_array();
  if (arr.size() > 20) return errorReply(Error::validation({{"grants", "too_many", "Một tài khoản có tối đa 20 quyền."}}));
  for (size_t i = 0; i < arr.size(); ++i) {
    std::string field = "grants[" + std::to_string(i) + "]";
    const auto* o = arr[i].if_object();
    const json::value* role = o ? o->if_contains("role") : nullptr;
    const json::value* org = o ? o->if_contains("org_id") : nullptr;
    auto r = role && role->is_string() ? userRoleFromCode(std::string_view(role->as_string())) : std::nullopt;
    if (!r) v.add(field + ".role", "invalid_choice", "Vai trò không hợp lệ.");
    if (!org || !org->is_int64()) v.add(field + ".org_id", "required", "Vui lòng chọn tổ chức.");
    if (r && org && org->is_int64()) given.push_back({0, 0, *r, org->as_int64(), false});
  }
  if (!v.ok()) return errorReply(v.error());
  auto r = setAccountGrants(api.store(), c.caller, c.pathId("id"), given);
  if (!r) return errorReply(r.error());
  auto tx = api.store().read();
  return jsonReply(200, json::object{{"grants", grantsJson(*r, *tx)}});
}

// Guessing codes is throttled per address, apart from log-in failures (a ward
// office activating hundreds of members from one address must not lock its
// staff out): 20 wrong codes per 15 minutes, in memory. A code has about 59
// random bits, so the throttle keeps the log quiet; it is not what makes codes safe.
class CodeThrottle {
 public:
  int retryAfter(const std::string& address) {
    std::lock_guard lock(mu_);
    auto& q = failures_[address];
    auto now = std::chrono::steady_clock::now();
    while (!q.empty() && now - q.front() > kWindow) q.pop_front();
    if (q.size() < kLimit) return 0;
    return int(std::chrono::duration_cast<std::chrono::seconds>(kWindow - (now - q.front())).count()) + 1;
  }
  void recordFailure(const std::string& address) {
    std::lock_guard lock(mu_);
    failures_[address].push_back(std::chrono::steady_clock::now());
  }

 private:
  static constexpr size_t kLimit = 20;
  static constexpr std::chrono::seconds kWindow{15 * 60};
  std::mutex mu_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

CodeThrottle& codeThrottle() {
  static CodeThrottle t;
  return t;
}

std::optional<Reply> throttled(Api&, Call& c) {
  if (int wait = codeThrottle().retryAfter(c.address); wait > 0)
    return errorReply({ErrorKind::rate_limited, "rate_limited",
                       "Bạn đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau " + std::to_string((wait + 59) / 60) +
                           " phút.",
                       {{"retry_after", "retry_after", std::to_string(wait)}}});
  return std::nullopt;
}

void recordCodeFailure(Call& c, const Error& e) {
  if (e.code == "invalid_code") codeThrottle().recordFailure(c.address);
}

std::optional<std::string> codeOf(BodyReader& b) {
  auto code = b.str("code");
  if (!code || code->empty()) b.errors().add("code", "required", "Vui lòng nhập mã kích hoạt.");
  else if (code->size() > 64) b.errors().add("code", "too_long", "Mã kích hoạt không đúng.");
  return code;
}

Reply activationInfo(Api& api, Call& c) {
  BodyReader b(c.body);
  auto code = codeOf(b);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  if (auto t = throttled(api, c)) return *t;
  auto r = checkActivation(api.store(), *code, c.caller.now);
  if (!r) {
    recordCodeFailure(c, r.error());
    return errorReply(r.error());
  }
  return jsonReply(200, json::object{{"username", r->username},
                                     {"display_name", r->display_name},
                                     {"min_length", int64_t(r->min_length)}});
}

Reply activate(Api& api, Call& c) {
  BodyReader b(c.body);
  auto code = codeOf(b);
  auto password = b.str("password");
  if (!password || password->empty()) b.errors().add("password", "required", "Vui lòng nhập mật khẩu mới.");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  if (auto t = throttled(api, c)) return *t;
  auto r = activateAccount(api.store(), *code, *password, c.caller.now);
  if (!r) {
    recordCodeFailure(c, r.error());
    return errorReply(r.error());
  }
  return jsonReply(200, json::object{{"username", r->username}, {"display_name", r->display_name}});
}

Reply changePassword(Api& api, Call& c) {
  BodyReader b(c.body);
  auto current = b.str("current_password");
  auto next = b.str("new_password");
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = changeOwnPassword(api.store(), c.caller, current.value_or(""), next.value_or(""), c.token_hash);
  if (!r) return errorReply(r.error());
  return Reply{204, "", "application/json", {}};
}

Reply sessions(Api& api, Call& c) {
  json::array items;
  for (const auto& s : mySessions(api.store(), c.caller))
    items.push_back(json::object{{"id", s.id},
                                 {"created_at", s.created.iso()},
                                 {"expires_at", s.expires.iso()},
                                 {"address", s.address},
                                 {"current", s.token_hash == c.token_hash}});
  return jsonReply(200, json::object{{"items", std::move(items)}});
}

Reply endSession(Api& api, Call& c) {
  auto r = endMySession(api.store(), c.caller, c.pathId("id"));
  if (!r) return errorReply(r.error());
  return Reply{204, "", "application/json", {}};
}

}  // namespace

void addAccountRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/accounts", true, false, list});
  out.push_back({"GET", "/api/v1/orgs/{id}/accounts/missing", true, false, missing});
  out.push_back({"POST", "/api/v1/orgs/{id}/accounts", true, true, createForOrg});
  out.push_back({"POST", "/api/v1/orgs/{id}/accounts/activation-sheet", true, true, sheet});
  out.push_back({"POST", "/api/v1/members/{id}/account", true, false, createForMember});
  out.push_back({"POST", "/api/v1/accounts/{id}/reset", true, false, reset});
  out.push_back({"POST", "/api/v1/accounts/{id}/disable", true, false,
                 [](Api& a, Call& c) { return setDisabled(a, c, true); }});
  out.push_back({"POST", "/api/v1/accounts/{id}/enable", true, false,
                 [](Api& a, Call& c) { return setDisabled(a, c, false); }});
  out.push_back({"PUT", "/api/v1/accounts/{id}/grants", true, false, grants});
  out.push_back({"POST", "/api/v1/auth/activation", false, false, activationInfo});
  out.push_back({"POST", "/api/v1/auth/activate", false, true, activate});
  out.push_back({"POST", "/api/v1/me/password", true, true, changePassword});
  out.push_back({"GET", "/api/v1/me/sessions", true, false, sessions});
  out.push_back({"DELETE", "/api/v1/me/sessions/{id}", true, false, endSession});
}

}  // namespace chibo::http
