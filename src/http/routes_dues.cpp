// Party dues: a cell's month sheet and recording it, a member's basis and
// reliefs (app/dues). The dues book files are in routes_documents.cpp.
#include <algorithm>

#include "app/dues/dues.h"
#include "http/api.h"
#include "http/json_io.h"

namespace chibo::http {
namespace json = boost::json;

namespace {

json::value optAmount(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object totalsJson(const DuesMonthStats& t) {
  return {{"members_due", t.members_due},
          {"members_paid", t.members_paid},
          {"members_excused", t.members_excused},
          {"members_behind", std::max(0, t.members_due - t.members_paid - t.members_excused)},
          {"amount_due", t.amount_due},
          {"amount_collected", t.amount_collected},
          {"amount_cash", t.amount_cash}};
}

json::value paymentJson(const std::optional<DuesPayment>& p) {
  if (!p) return nullptr;
  return json::object{{"status", toCode(p->status)},
                      {"channel", p->channel ? json::value(toCode(*p->channel)) : json::value(nullptr)},
                      {"amount", p->amount},
                      {"reference", p->reference},
                      {"note", p->note},
                      {"recorded_at", p->recorded_at.iso()}};
}

json::object dueJson(const DuesDue& d) {
  return {{"owed", d.owed},
          {"amount", optAmount(d.amount)},
          {"basis_kind", d.basis_kind ? json::value(toCode(*d.basis_kind)) : json::value(nullptr)},
          {"basis_amount", d.basis_amount},
          {"rate_bp", d.rate_bp},
          {"reduction_percent", d.reduction_percent}};
}

json::object rulesJson(const DuesRules& r) {
  json::array percents;
  for (int p : r.reduction_percents) percents.push_back(p);
  return {{"id", r.id},
          {"name", r.name},
          {"salary_rate_bp", r.salary_rate_bp.value},
          {"pension_rate_bp", r.pension_rate_bp.value},
          {"other_rate_bp", r.other_rate_bp.value},
          {"rounding_unit", r.rounding_unit.value},
          {"reduction_percents", std::move(percents)},
          {"max_reduction_months", r.max_reduction_months.value}};
}

json::object sheetJson(const DuesSheetView& v) {
  const DuesSheet& s = v.sheet;
  json::array lines;
  for (const auto& l : s.lines)
    lines.push_back(json::object{{"member_id", l.member.id},
                                 {"full_name", l.member.full_name},
                                 {"standing", toCode(l.state.standing)},
                                 {"on_roll", l.on_roll},
                                 {"due", dueJson(l.due)},
                                 {"payment", paymentJson(l.payment)},
                                 {"unpaid", l.unpaid}});
  return {{"cell", json::object{{"id", s.cell.id}, {"name", s.cell.name}}},
          {"month", ymIso(s.ym)},
          {"roll_day", s.roll_day.iso()},
          {"can_edit", v.access >= Access::write},
          {"rules", rulesJson(s.rules)},
          {"lines", std::move(lines)},
          {"totals", totalsJson(s.totals)},
          {"minutes_sentence", duesMinutesSentence(s)}};
}

json::object memberDuesJson(const MemberDuesView& v) {
  json::array bases, reliefs, months;
  for (const auto& b : v.bases)
    bases.push_back(json::object{{"id", b.id},
                                 {"kind", toCode(b.kind)},
                                 {"amount", b.amount},
                                 {"from", ymIso(b.from_ym)},
                                 {"note", b.note}});
  for (const auto& r : v.reliefs)
    reliefs.push_back(json::object{{"id", r.id},
                                   {"kind", toCode(r.kind)},
                                   {"percent", r.percent},
                                   {"from", ymIso(r.from_ym)},
                                   {"to", r.to_ym ? json::value(ymIso(*r.to_ym)) : json::value(nullptr)},
                                   {"decision", r.decision}});
  for (const auto& m : v.months)
    months.push_back(json::object{{"month", ymIso(m.ym)},
                                  {"cell_id", m.cell_id ? json::value(m.cell_id) : json::value(nullptr)},
                                  {"has_rules", m.has_rules},
                                  {"due", dueJson(m.due)},
                                  {"payment", paymentJson(m.payment)},
                                  {"unpaid", m.unpaid}});
  int unpaid = 0;
  for (const auto& m : v.months) unpaid += m.unpaid ? 1 : 0;
  return {{"member_id", v.member.id},
          {"full_name", v.member.full_name},
          {"cell", json::object{{"id", v.cell.id}, {"name", v.cell.name}}},
          {"can_edit", v.access >= Access::write},
          {"year", v.year},
          {"bases", std::move(bases)},
          {"reliefs", std::move(reliefs)},
          {"months", std::move(months)},
          {"unpaid_months", unpaid}};
}

// A whole number of đồng; `bad` when sent but not one.
std::optional<int64_t> amountField(const json::object& o, const char* key, bool& bad) {
  const json::value* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= uint64_t(INT64_MAX)) return int64_t(v->as_uint64());
  bad = true;
  return std::nullopt;
}

const RuleCatalog* catalog(Api& api) { return api.config().rules.get(); }
Reply noCatalog() { return errorReply(Error::internal("Máy chủ chưa nạp quy định.")); }

Reply getSheet(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  auto r = getDuesSheet(api.store(), *catalog(api), c.caller, c.pathId("id"), c.query("month"));
  return r ? jsonReply(200, sheetJson(*r)) : errorReply(r.error());
}

Reply putSheet(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  BodyReader b(c.body);
  auto month = b.str("month");
  std::vector<DuesPaymentInput> items;
  const json::value* raw = c.body.if_contains("payments");
  if (raw && !raw->is_array()) b.errors().add("payments", "invalid_type", "Phải là danh sách.");
  if (raw && raw->is_array()) {
    const auto& arr = raw->as_array();
    for (size_t i = 0; i < arr.size() && i <= 500; ++i) {
      const std::string p = "payments[" + std::to_string(i) + "]";
      if (!arr[i].is_object()) {
        b.errors().add(p, "invalid_type", "Mỗi dòng phải là một đối tượng.");
        continue;
      }
      const auto& o = arr[i].as_object();
      BodyReader r(o);
      DuesPaymentInput in;
      in.member_id = r.id("member_id");
      in.status = r.str("status");
      in.channel = r.str("channel");
      in.reference = r.str("reference");
      in.note = r.str("note");
      in.amount = amountField(o, "amount", in.amount_invalid);
      for (const auto& e : r.errors().errors()) b.errors().add(p + "." + e.field, e.code, e.message);
      items.push_back(std::move(in));
    }
  }
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = putDuesPayments(api.store(), *catalog(api), c.caller, c.pathId("id"), month, items);
  return r ? jsonReply(200, sheetJson(*r)) : errorReply(r.error());
}

Reply getMember(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  std::optional<int> year;
  if (auto raw = c.query("year"); raw && !raw->empty()) {
    if (raw->size() != 4 || raw->find_first_not_of("0123456789") != std::string::npos)
      return errorReply(Error::validation({{"year", "invalid_year", "Năm không hợp lệ (định dạng YYYY)."}}));
    year = std::stoi(*raw);
  }
  auto r = getMemberDues(api.store(), *catalog(api), c.caller, c.pathId("id"), year);
  return r ? jsonReply(200, memberDuesJson(*r)) : errorReply(r.error());
}

Reply putBasis(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  BodyReader b(c.body);
  DuesBasisInput in;
  in.kind = b.str("kind");
  in.from = b.str("from");
  in.note = b.str("note");
  in.amount = amountField(c.body, "amount", in.amount_invalid);
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = putDuesBasis(api.store(), *catalog(api), c.caller, c.pathId("id"), in);
  return r ? jsonReply(200, memberDuesJson(*r)) : errorReply(r.error());
}

Reply addRelief(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  BodyReader b(c.body);
  DuesReliefInput in;
  in.kind = b.str("kind");
  in.from = b.str("from");
  in.to = b.str("to");
  in.decision = b.str("decision");
  if (const json::value* p = c.body.if_contains("percent"); p && !p->is_null()) {
    if (p->is_int64() && p->as_int64() >= 0 && p->as_int64() <= 100) in.percent = int(p->as_int64());
    else in.percent_invalid = true;
  }
  if (!b.errors().ok()) return errorReply(b.errors().error());
  auto r = addDuesRelief(api.store(), *catalog(api), c.caller, c.pathId("id"), in);
  return r ? jsonReply(201, memberDuesJson(*r)) : errorReply(r.error());
}

Reply deleteRelief(Api& api, Call& c) {
  if (!catalog(api)) return noCatalog();
  auto r = deleteDuesRelief(api.store(), *catalog(api), c.caller, c.pathId("id"), c.pathId("sid"));
  return r ? jsonReply(200, memberDuesJson(*r)) : errorReply(r.error());
}

}  // namespace

void addDuesRoutes(std::vector<Route>& out) {
  out.push_back({"GET", "/api/v1/orgs/{id}/dues", true, false, getSheet});
  out.push_back({"PUT", "/api/v1/orgs/{id}/dues", true, false, putSheet});
  out.push_back({"GET", "/api/v1/members/{id}/dues", true, false, getMember});
  out.push_back({"PUT", "/api/v1/members/{id}/dues/basis", true, false, putBasis});
  out.push_back({"POST", "/api/v1/members/{id}/dues/reliefs", true, false, addRelief});
  out.push_back({"DELETE", "/api/v1/members/{id}/dues/reliefs/{sid}", true, false, deleteRelief});
}

}  // namespace chibo::http
