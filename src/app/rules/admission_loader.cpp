// Reads the two rule-file kinds of the admission pipeline: "admission" (the
// numbers of R-KN-1 and R-KN-2, each with its source) and "holidays" (the
// Vietnamese public holidays, rules/holidays-vn.json). Strict like the rule
// loader: an unknown key is an error, so a misspelt value never falls back.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <initializer_list>

#include "app/rules/rule_loader.h"

namespace chibo {
namespace json = boost::json;
namespace {

struct Strict {
  Validator v;

  static std::string at(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
  void only(const json::object& o, const std::string& path, std::initializer_list<std::string_view> keys) {
    for (const auto& kv : o)
      if (std::find(keys.begin(), keys.end(), kv.key()) == keys.end())
        v.add(at(path, kv.key()), "unknown_field", "Khóa không được hỗ trợ: " + std::string(kv.key()) + ".");
  }
  std::optional<std::string> str(const json::object& o, std::string_view key, const std::string& path, bool required) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) {
      if (required) v.add(at(path, key), "required", "Thiếu giá trị bắt buộc.");
      return std::nullopt;
    }
    if (!x->is_string()) {
      v.add(at(path, key), "invalid_type", "Phải là chuỗi.");
      return std::nullopt;
    }
    return std::string(x->as_string());
  }
  std::optional<int> integer(const json::object& o, std::string_view key, const std::string& path) {
    const json::value* x = o.if_contains(key);
    if (x && x->is_int64() && std::llabs(x->as_int64()) < 1000000000) return int(x->as_int64());
    v.add(at(path, key), x ? "not_integer" : "required", x ? "Phải là số nguyên." : "Thiếu giá trị bắt buộc.");
    return std::nullopt;
  }
  std::optional<Date> date(const json::value& x, const std::string& path) {
    if (x.is_string())
      if (auto d = Date::parseIso(std::string(x.as_string()))) return d;
    v.add(path, "invalid_date", "Ngày phải có dạng YYYY-MM-DD.");
    return std::nullopt;
  }
  std::optional<Date> date(const json::object& o, std::string_view key, const std::string& path, bool required) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) {
      if (required) v.add(at(path, key), "required", "Thiếu giá trị bắt buộc.");
      return std::nullopt;
    }
    return date(*x, at(path, key));
  }
  Cited<int> cited(const json::object& o, std::string_view key, const std::string& path, const std::string& origin) {
    const json::value* x = o.if_contains(key);
    std::string p = at(path, key);
    if (!x || !x->is_object()) {
      v.add(p, "required", "Phải có dạng {\"value\": ..., \"source\": \"...\"}.");
      return {};
    }
    const auto& c = x->as_object();
    only(c, p, {"value", "source"});
    Cited<int> out;
    out.value = integer(c, "value", p).value_or(0);
    out.source = str(c, "source", p, true).value_or("");
    out.origin = origin;
    return out;
  }
  std::vector<Date> dates(const json::object& o, std::string_view key, const std::string& path) {
    std::vector<Date> out;
    const json::value* x = o.if_contains(key);
    if (!x) return out;
    if (!x->is_array()) {
      v.add(at(path, key), "invalid_type", "Phải là mảng JSON.");
      return out;
    }
    const auto& a = x->as_array();
    for (size_t i = 0; i < a.size(); ++i)
      if (auto d = date(a[i], at(path, key) + "[" + std::to_string(i) + "]")) out.push_back(*d);
    return out;
  }
};

Error badFile(std::string_view file, std::vector<FieldError> fe) {
  std::string msg = "Tệp quy tắc " + std::string(file) + " không hợp lệ";
  if (!fe.empty()) msg += ": " + fe.front().field + ": " + fe.front().message;
  Error e = Error::validation(std::move(fe));
  e.code = "invalid_rule_file";
  e.message = msg;
  return e;
}

Result<json::object> parseObject(std::string_view text, std::string_view file) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec)
    return Error::badRequest("rule_file_unreadable",
                             "Tệp quy tắc " + std::string(file) + " không phải JSON hợp lệ: " + ec.message() + ".");
  if (!root.is_object()) return badFile(file, {{"", "invalid_type", "Tệp phải chứa một đối tượng JSON."}});
  return root.as_object();
}

}  // namespace

Result<AdmissionRules> parseAdmissionRules(std::string_view text, std::string_view file) {
  auto o = parseObject(text, file);
  if (!o) return o.error();
  Strict r;
  r.only(*o, "", {"kind", "id", "name", "version", "issuer_document", "effective_from", "effective_to", "notes",
                  "thresholds"});
  if (auto kind = r.str(*o, "kind", "", true); kind && *kind != "admission")
    r.v.add("kind", "wrong_kind", "Cần tệp loại \"admission\".");
  AdmissionRules a;
  a.id = r.str(*o, "id", "", true).value_or("");
  a.name = r.str(*o, "name", "", true).value_or("");
  a.version = r.integer(*o, "version", "").value_or(1);
  r.str(*o, "issuer_document", "", true);
  r.str(*o, "notes", "", false);
  if (auto d = r.date(*o, "effective_from", "", true)) a.effective_from = *d;
  a.effective_to = r.date(*o, "effective_to", "", false);
  const json::value* t = o->if_contains("thresholds");
  if (!t || !t->is_object()) {
    r.v.add("thresholds", "required", "Thiếu giá trị bắt buộc.");
  } else {
    const auto& th = t->as_object();
    const std::string p = "thresholds";
    r.only(th, p, {"min_age_months", "max_age_months", "introducers_required", "youth_union_introducers",
                   "introducer_min_months", "ceremony_working_days"});
    a.min_age_months = r.cited(th, "min_age_months", p, a.id);
    a.max_age_months = r.cited(th, "max_age_months", p, a.id);
    a.introducers_required = r.cited(th, "introducers_required", p, a.id);
    a.youth_union_introducers = r.cited(th, "youth_union_introducers", p, a.id);
    a.introducer_min_months = r.cited(th, "introducer_min_months", p, a.id);
    a.ceremony_working_days = r.cited(th, "ceremony_working_days", p, a.id);
  }
  if (!r.v.ok()) return badFile(file, r.v.errors());
  if (auto st = validateAdmissionRules(a); !st.ok()) return badFile(file, st.error().field_errors);
  return a;
}

Result<HolidayCalendar> parseHolidayCalendar(std::string_view text, std::string_view file) {
  auto o = parseObject(text, file);
  if (!o) return o.error();
  Strict r;
  r.only(*o, "", {"kind", "id", "name", "source", "notes", "fixed", "years"});
  if (auto kind = r.str(*o, "kind", "", true); kind && *kind != "holidays")
    r.v.add("kind", "wrong_kind", "Cần tệp loại \"holidays\".");
  HolidayCalendar cal;
  cal.id = r.str(*o, "id", "", true).value_or("");
  r.str(*o, "name", "", true);
  cal.source = r.str(*o, "source", "", true).value_or("");
  r.str(*o, "notes", "", false);
  if (const json::value* f = o->if_contains("fixed"); f && f->is_array()) {
    const auto& a = f->as_array();
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = "fixed[" + std::to_string(i) + "]";
      if (!a[i].is_object()) {
        r.v.add(p, "invalid_type", "Phải là đối tượng JSON.");
        continue;
      }
      const auto& x = a[i].as_object();
      r.only(x, p, {"month", "day", "name"});
      FixedHoliday h;
      h.month = unsigned(r.integer(x, "month", p).value_or(0));
      h.day = unsigned(r.integer(x, "day", p).value_or(0));
      h.name = r.str(x, "name", p, true).value_or("");
      if (!Date::fromYmd(2024, h.month, h.day)) r.v.add(p, "invalid_date", "Ngày, tháng không hợp lệ.");
      cal.fixed.push_back(std::move(h));
    }
  } else {
    r.v.add("fixed", "required", "Thiếu danh sách ngày lễ cố định.");
  }
  if (const json::value* y = o->if_contains("years"); y && y->is_array()) {
    const auto& a = y->as_array();
    for (size_t i = 0; i < a.size(); ++i) {
      std::string p = "years[" + std::to_string(i) + "]";
      if (!a[i].is_object()) {
        r.v.add(p, "invalid_type", "Phải là đối tượng JSON.");
        continue;
      }
      const auto& x = a[i].as_object();
      r.only(x, p, {"year", "days_off", "working_days", "source", "notes"});
      HolidayYear hy;
      hy.year = r.integer(x, "year", p).value_or(0);
      hy.days_off = r.dates(x, "days_off", p);
      hy.working_days = r.dates(x, "working_days", p);
      hy.source = r.str(x, "source", p, true).value_or("");
      r.str(x, "notes", p, false);
      for (Date d : hy.days_off)
        if (d.year() != hy.year) r.v.add(p + ".days_off", "wrong_year", "Ngày " + d.vn() + " không thuộc năm " + std::to_string(hy.year) + ".");
      for (Date d : hy.working_days)
        if (weekday(d) != 0 && weekday(d) != 6)
          r.v.add(p + ".working_days", "not_weekend", "Ngày làm bù " + d.vn() + " phải là thứ Bảy hoặc Chủ nhật.");
      for (const auto& other : cal.years)
        if (other.year == hy.year) r.v.add(p + ".year", "duplicate", "Năm bị trùng.");
      cal.years.push_back(std::move(hy));
    }
  }
  if (!r.v.ok()) return badFile(file, r.v.errors());
  cal.index();
  return cal;
}

}  // namespace chibo
