#include "app/rules/review_rules_loader.h"

#include <boost/json.hpp>

#include <algorithm>
#include <initializer_list>

namespace chibo {
namespace json = boost::json;
namespace {

const std::initializer_list<std::string_view> kTopKeys = {"kind", "id", "name", "version", "issuer_document",
                                                          "effective_from", "effective_to", "notes", "values"};

// One {"value": …, "source": "…"} entry of "values"; the source may not be empty.
struct ValueReader {
  const json::object& values;
  Validator& v;
  std::string origin;

  const json::value* entry(std::string_view key, Cited<int>& out_meta) {
    const std::string path = "values." + std::string(key);
    const json::value* x = values.if_contains(key);
    if (!x || !x->is_object()) {
      v.add(path, "required", "Thiếu giá trị bắt buộc.");
      return nullptr;
    }
    const auto& o = x->as_object();
    for (const auto& kv : o)
      if (kv.key() != "value" && kv.key() != "source")
        v.add(path + "." + std::string(kv.key()), "unknown_field",
              "Khóa không được hỗ trợ: " + std::string(kv.key()) + ".");
    const json::value* src = o.if_contains("source");
    if (!src || !src->is_string() || src->as_string().empty())
      v.add(path + ".source", "required", "Mỗi giá trị phải ghi nguồn.");
    else
      out_meta.source = std::string(src->as_string());
    out_meta.origin = origin;
    const json::value* val = o.if_contains("value");
    if (!val) v.add(path + ".value", "required", "Thiếu giá trị bắt buộc.");
    return val;
  }

  void integer(std::string_view key, Cited<int>& out, int lo, int hi) {
    const json::value* val = entry(key, out);
    if (!val) return;
    if (!val->is_int64() || val->as_int64() < lo || val->as_int64() > hi) {
      v.add("values." + std::string(key) + ".value", "out_of_range",
            "Phải là số nguyên từ " + std::to_string(lo) + " đến " + std::to_string(hi) + ".");
      return;
    }
    out.value = int(val->as_int64());
  }

  void basis(std::string_view key, Cited<QuotaBasis>& out) {
    Cited<int> meta;
    const json::value* val = entry(key, meta);
    out.source = meta.source;
    out.origin = meta.origin;
    if (!val) return;
    std::optional<QuotaBasis> b;
    if (val->is_string()) b = quotaBasisFromCode(std::string_view(val->as_string()));
    if (!b) {
      v.add("values." + std::string(key) + ".value", "invalid_choice", "Phải là good hoặc reviewed.");
      return;
    }
    out.value = *b;
  }
};

std::optional<Date> dateAt(const json::object& o, std::string_view key, Validator& v, bool required) {
  const json::value* x = o.if_contains(key);
  if (!x || x->is_null()) {
    if (required) v.add(std::string(key), "required", "Thiếu giá trị bắt buộc.");
    return std::nullopt;
  }
  std::optional<Date> d;
  if (x->is_string()) d = Date::parseIso(std::string(x->as_string()));
  if (!d) v.add(std::string(key), "invalid_date", "Ngày phải có dạng YYYY-MM-DD.");
  return d;
}

std::string textAt(const json::object& o, std::string_view key, Validator& v) {
  const json::value* x = o.if_contains(key);
  if (!x || !x->is_string() || x->as_string().empty()) {
    v.add(std::string(key), "required", "Thiếu giá trị bắt buộc.");
    return "";
  }
  return std::string(x->as_string());
}

}  // namespace

Result<ReviewRules> parseReviewRules(std::string_view text, std::string_view file) {
  auto fail = [&](std::vector<FieldError> errs) {
    return Error{ErrorKind::validation, "rule_file_invalid", "Tệp quy tắc " + std::string(file) + " không hợp lệ.",
                 std::move(errs)};
  };
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec || !root.is_object())
    return Error::badRequest("rule_file_unreadable", "Tệp quy tắc " + std::string(file) + " không phải JSON hợp lệ.");
  const auto& o = root.as_object();
  Validator v;
  for (const auto& kv : o)
    if (std::find(kTopKeys.begin(), kTopKeys.end(), kv.key()) == kTopKeys.end())
      v.add(std::string(kv.key()), "unknown_field", "Khóa không được hỗ trợ: " + std::string(kv.key()) + ".");
  ReviewRules r;
  if (textAt(o, "kind", v) != "evaluation" && v.ok()) v.add("kind", "wrong_kind", "Cần tệp loại \"evaluation\".");
  r.id = textAt(o, "id", v);
  r.name = textAt(o, "name", v);
  r.issuer_document = textAt(o, "issuer_document", v);
  if (const json::value* ver = o.if_contains("version")) {
    if (ver->is_int64() && ver->as_int64() >= 1 && ver->as_int64() <= 1000) r.version = int(ver->as_int64());
    else v.add("version", "out_of_range", "Phiên bản phải là số nguyên từ 1.");
  }
  if (auto d = dateAt(o, "effective_from", v, true)) r.effective_from = *d;
  r.effective_to = dateAt(o, "effective_to", v, false);
  const json::value* vals = o.if_contains("values");
  if (!vals || !vals->is_object()) {
    v.add("values", "required", "Thiếu giá trị bắt buộc.");
    return fail(v.errors());
  }
  ValueReader rd{vals->as_object(), v, r.id};
  for (const auto& kv : vals->as_object()) {
    static const std::initializer_list<std::string_view> known = {
        "excellent_min_points", "good_min_points", "done_min_points", "excellent_quota_percent", "quota_basis",
        "excellent_needs_all_tasks_on_time", "good_needs_all_tasks_on_time", "collective_done_max_late_percent",
        "collective_excellent_no_failing_member"};
    if (std::find(known.begin(), known.end(), kv.key()) == known.end())
      v.add("values." + std::string(kv.key()), "unknown_field", "Khóa không được hỗ trợ: " + std::string(kv.key()) + ".");
  }
  rd.integer("excellent_min_points", r.excellent_min_points, 1, 100);
  rd.integer("good_min_points", r.good_min_points, 1, 100);
  rd.integer("done_min_points", r.done_min_points, 1, 100);
  rd.integer("excellent_quota_percent", r.excellent_quota_percent, 0, 100);
  rd.basis("quota_basis", r.quota_basis);
  rd.integer("excellent_needs_all_tasks_on_time", r.excellent_needs_all_tasks_on_time, 0, 1);
  rd.integer("good_needs_all_tasks_on_time", r.good_needs_all_tasks_on_time, 0, 1);
  rd.integer("collective_done_max_late_percent", r.collective_done_max_late_percent, 0, 100);
  rd.integer("collective_excellent_no_failing_member", r.collective_excellent_no_failing_member, 0, 1);
  if (v.ok() && !(r.done_min_points.value < r.good_min_points.value &&
                  r.good_min_points.value < r.excellent_min_points.value))
    v.add("values", "bands_out_of_order", "Ngưỡng điểm phải tăng dần: hoàn thành < tốt < xuất sắc.");
  if (r.effective_to && *r.effective_to < r.effective_from)
    v.add("effective_to", "before_start", "Ngày hết hiệu lực phải sau ngày có hiệu lực.");
  if (!v.ok()) return fail(v.errors());
  return r;
}

}  // namespace chibo
