// Reads a party-dues rule file ("kind": "dues", rules/README.md "Party dues").
// Strict like the other kinds: unknown keys, missing sources and numbers out
// of range fail the load with the file named.
#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "app/rules/rule_loader.h"

namespace chibo {
namespace json = boost::json;
namespace {

Error duesFileError(std::string_view file, std::vector<FieldError> fe) {
  std::string msg = "Tệp quy tắc " + std::string(file) + " không hợp lệ";
  if (!fe.empty()) msg += ": " + fe.front().field + ": " + fe.front().message;
  Error e = Error::validation(std::move(fe));
  e.code = "invalid_rule_file";
  e.message = msg;
  return e;
}

std::optional<std::string> text(Validator& v, const json::object& o, std::string_view key, const std::string& path,
                                bool required) {
  const json::value* x = o.if_contains(key);
  std::string p = path.empty() ? std::string(key) : path + "." + std::string(key);
  if (!x || x->is_null()) {
    if (required) v.add(p, "required", "Thiếu giá trị bắt buộc.");
    return std::nullopt;
  }
  if (!x->is_string() || (required && x->as_string().empty())) {
    v.add(p, "invalid_type", "Phải là chuỗi không rỗng.");
    return std::nullopt;
  }
  return std::string(x->as_string());
}

std::optional<int> whole(const json::value& x) {
  if (x.is_int64() && x.as_int64() >= -1000000000 && x.as_int64() <= 1000000000) return int(x.as_int64());
  if (x.is_uint64() && x.as_uint64() <= 1000000000) return int(x.as_uint64());
  if (x.is_double() && std::floor(x.as_double()) == x.as_double() && std::fabs(x.as_double()) <= 1e9)
    return int(x.as_double());
  return std::nullopt;
}

}  // namespace

Result<DuesRules> parseDuesRules(std::string_view src, std::string_view file) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(src.data(), src.size()), ec);
  if (ec)
    return Error::badRequest("rule_file_unreadable",
                             "Tệp quy tắc " + std::string(file) + " không phải JSON hợp lệ: " + ec.message() + ".");
  if (!root.is_object()) return duesFileError(file, {{"", "invalid_type", "Tệp phải chứa một đối tượng JSON."}});
  const auto& o = root.as_object();
  Validator v;
  for (const auto& kv : o) {
    static const std::string_view keys[] = {"kind", "id", "name", "version", "issuer_document", "effective_from",
                                            "effective_to", "applies_to", "notes", "thresholds"};
    std::string_view k = kv.key();
    if (std::find(std::begin(keys), std::end(keys), k) == std::end(keys))
      v.add(std::string(k), "unknown_field", "Khóa không được hỗ trợ: " + std::string(k) + ".");
  }
  DuesRules r;
  if (auto k = text(v, o, "kind", "", true); k && *k != "dues")
    v.add("kind", "wrong_kind", "Cần tệp loại \"dues\", tệp này là \"" + *k + "\".");
  r.id = text(v, o, "id", "", true).value_or("");
  r.name = text(v, o, "name", "", true).value_or("");
  r.issuer_document = text(v, o, "issuer_document", "", true).value_or("");
  if (const json::value* x = o.if_contains("version"); x && whole(*x)) r.version = *whole(*x);
  else v.add("version", "not_integer", "Phải là số nguyên.");
  if (auto d = text(v, o, "effective_from", "", true)) {
    if (auto dd = Date::parseIso(*d)) r.effective_from = *dd;
    else v.add("effective_from", "invalid_date", "Ngày phải có dạng YYYY-MM-DD.");
  }
  if (auto d = text(v, o, "effective_to", "", false)) {
    if (auto dd = Date::parseIso(*d)) r.effective_to = *dd;
    else v.add("effective_to", "invalid_date", "Ngày phải có dạng YYYY-MM-DD.");
  }
  text(v, o, "applies_to", "", false);
  text(v, o, "notes", "", false);

  const json::value* th = o.if_contains("thresholds");
  if (!th || !th->is_object()) {
    v.add("thresholds", "required", "Thiếu các mức đảng phí.");
    return duesFileError(file, v.errors());
  }
  struct IntField {
    std::string_view name;
    Cited<int> DuesRules::*field;
  };
  static const IntField ints[] = {
      {"salary_rate_bp", &DuesRules::salary_rate_bp},       {"pension_rate_bp", &DuesRules::pension_rate_bp},
      {"other_rate_bp", &DuesRules::other_rate_bp},         {"rounding_unit", &DuesRules::rounding_unit},
      {"max_reduction_months", &DuesRules::max_reduction_months}, {"exempt_members_pay", &DuesRules::exempt_members_pay},
      {"grace_days", &DuesRules::grace_days},
  };
  const auto& t = th->as_object();
  bool percents = false;
  std::vector<std::string_view> seen;
  for (const auto& kv : t) {
    const std::string_view key = kv.key();
    std::string p = "thresholds." + std::string(key);
    if (!kv.value().is_object()) {
      v.add(p, "invalid_type", "Phải có dạng {\"value\": ..., \"source\": \"...\"}.");
      continue;
    }
    const auto& c = kv.value().as_object();
    for (const auto& ck : c) {
      const std::string_view ckey = ck.key();
      if (ckey != "value" && ckey != "source") v.add(p + "." + std::string(ckey), "unknown_field", "Khóa không được hỗ trợ.");
    }
    auto source = text(v, c, "source", p, true);
    const json::value* val = c.if_contains("value");
    if (key == "reduction_percents") {
      percents = true;
      if (!val || !val->is_array()) {
        v.add(p + ".value", "invalid_type", "Phải là mảng số nguyên.");
        continue;
      }
      for (const auto& e : val->as_array()) {
        if (auto n = whole(e)) r.reduction_percents.push_back(*n);
        else v.add(p + ".value", "not_integer", "Phải là số nguyên.");
      }
      r.reduction_percents_source = source.value_or("");
      continue;
    }
    const IntField* f = nullptr;
    for (const auto& x : ints)
      if (x.name == key) f = &x;
    if (!f) {
      v.add(p, "unknown_field", "Ngưỡng không được hỗ trợ: " + std::string(key) + ".");
      continue;
    }
    seen.push_back(f->name);
    if (!val || !whole(*val)) {
      v.add(p + ".value", "not_integer", "Phải là số nguyên.");
      continue;
    }
    r.*(f->field) = Cited<int>{*whole(*val), source.value_or(""), r.id};
  }
  for (const auto& x : ints)
    if (std::find(seen.begin(), seen.end(), x.name) == seen.end())
      v.add("thresholds." + std::string(x.name), "required", "Thiếu giá trị bắt buộc.");
  if (!percents) v.add("thresholds.reduction_percents", "required", "Thiếu giá trị bắt buộc.");
  if (!v.ok()) return duesFileError(file, v.errors());
  if (auto st = validateDuesRules(r); !st.ok()) return duesFileError(file, st.error().field_errors);
  return r;
}

}  // namespace chibo
