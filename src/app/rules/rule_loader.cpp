#include "app/rules/rule_loader.h"

#include "app/rules/review_rules_loader.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <type_traits>
#include <sstream>

namespace chibo {
namespace json = boost::json;
namespace {

// Walks one parsed file, collecting every problem with its path.
struct Reader {
  Validator v;
  std::string origin;  // the file's id, stamped on every value read

  void onlyKeys(const json::object& o, const std::string& path, std::initializer_list<std::string_view> allowed) {
    for (const auto& kv : o) {
      std::string_view k = kv.key();
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
        v.add(join(path, k), "unknown_field", "Khóa không được hỗ trợ: " + std::string(k) + ".");
    }
  }

  std::optional<std::string> str(const json::object& o, std::string_view key, const std::string& path,
                                 bool required) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) {
      if (required) v.add(join(path, key), "required", "Thiếu giá trị bắt buộc.");
      return std::nullopt;
    }
    if (!x->is_string()) {
      v.add(join(path, key), "invalid_type", "Phải là chuỗi.");
      return std::nullopt;
    }
    std::string s(x->as_string());
    if (required && s.empty()) v.add(join(path, key), "required", "Không được để trống.");
    return s;
  }

  std::optional<double> number(const json::value& x, const std::string& path) {
    if (x.is_int64()) return static_cast<double>(x.as_int64());
    if (x.is_uint64()) return static_cast<double>(x.as_uint64());
    if (x.is_double()) return x.as_double();
    v.add(path, "invalid_type", "Phải là số.");
    return std::nullopt;
  }

  std::optional<double> num(const json::object& o, std::string_view key, const std::string& path, bool required) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) {
      if (required) v.add(join(path, key), "required", "Thiếu giá trị bắt buộc.");
      return std::nullopt;
    }
    return number(*x, join(path, key));
  }

  std::optional<int> integer(const json::object& o, std::string_view key, const std::string& path, bool required) {
    auto d = num(o, key, path, required);
    if (!d) return std::nullopt;
    if (std::floor(*d) != *d || std::fabs(*d) > 1e9) {
      v.add(join(path, key), "not_integer", "Phải là số nguyên.");
      return std::nullopt;
    }
    return static_cast<int>(*d);
  }

  std::optional<Date> date(const json::object& o, std::string_view key, const std::string& path, bool required) {
    auto s = str(o, key, path, required);
    if (!s) return std::nullopt;
    auto d = Date::parseIso(*s);
    if (!d) v.add(join(path, key), "invalid_date", "Ngày phải có dạng YYYY-MM-DD.");
    return d;
  }

  const json::object* object(const json::object& o, std::string_view key, const std::string& path, bool required) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) {
      if (required) v.add(join(path, key), "required", "Thiếu giá trị bắt buộc.");
      return nullptr;
    }
    if (!x->is_object()) {
      v.add(join(path, key), "invalid_type", "Phải là đối tượng JSON.");
      return nullptr;
    }
    return &x->as_object();
  }

  const json::array* array(const json::object& o, std::string_view key, const std::string& path) {
    const json::value* x = o.if_contains(key);
    if (!x || x->is_null()) return nullptr;
    if (!x->is_array()) {
      v.add(join(path, key), "invalid_type", "Phải là mảng JSON.");
      return nullptr;
    }
    return &x->as_array();
  }

  // {"value": N, "source": "..."}
  template <typename T>
  std::optional<Cited<T>> cited(const json::value& x, const std::string& path) {
    if (!x.is_object()) {
      v.add(path, "invalid_type", "Phải có dạng {\"value\": ..., \"source\": \"...\"}.");
      return std::nullopt;
    }
    const auto& o = x.as_object();
    onlyKeys(o, path, {"value", "source"});
    auto source = str(o, "source", path, true);
    std::optional<T> value;
    if constexpr (std::is_same_v<T, int>)
      value = integer(o, "value", path, true);
    else
      value = num(o, "value", path, true);
    if (!value || !source) return std::nullopt;
    return Cited<T>{*value, *source, origin};
  }

  void thresholds(const json::object& o, RuleOverride& out) {
    const std::string path = "thresholds";
    for (const auto& kv : o) {
      std::string_view k = kv.key();
      std::string p = join(path, k);
      bool known = false;
      for (const auto& f : intFieldSpecs())
        if (f.name == k) {
          out.*f.in_override = cited<int>(kv.value(), p);
          known = true;
        }
      for (const auto& f : doubleFieldSpecs())
        if (f.name == k) {
          out.*f.in_override = cited<double>(kv.value(), p);
          known = true;
        }
      if (!known) v.add(p, "unknown_field", "Ngưỡng không được hỗ trợ: " + std::string(k) + ".");
    }
  }

  std::vector<Band> bands(const json::object& o, std::string_view key, const std::string& path) {
    std::vector<Band> out;
    const json::array* a = array(o, key, path);
    if (!a) return out;
    for (size_t j = 0; j < a->size(); ++j) {
      std::string p = join(path, key) + "[" + std::to_string(j) + "]";
      if (!(*a)[j].is_object()) {
        v.add(p, "invalid_type", "Phải là đối tượng JSON.");
        continue;
      }
      const auto& b = (*a)[j].as_object();
      onlyKeys(b, p, {"input", "at_least", "above", "at_most", "below", "points", "label"});
      Band band;
      band.input = str(b, "input", p, false).value_or("");
      band.at_least = num(b, "at_least", p, false);
      band.above = num(b, "above", p, false);
      band.at_most = num(b, "at_most", p, false);
      band.below = num(b, "below", p, false);
      band.points = num(b, "points", p, true).value_or(0);
      band.label = str(b, "label", p, false).value_or("");
      out.push_back(std::move(band));
    }
    return out;
  }

  Criterion criterion(const json::object& c, const std::string& p) {
    onlyKeys(c, p,
             {"code", "name", "kind", "measure", "scoring", "max", "source", "bands", "bonuses", "items", "notes"});
    Criterion cr;
    cr.origin = origin;
    cr.code = str(c, "code", p, true).value_or("");
    cr.name = str(c, "name", p, true).value_or("");
    cr.source = str(c, "source", p, true).value_or("");
    cr.max_points = num(c, "max", p, true).value_or(0);
    if (auto k = str(c, "kind", p, true)) {
      if (auto kind = criterionKindFromCode(*k)) cr.kind = *kind;
      else v.add(join(p, "kind"), "invalid_choice", "Loại tiêu chí phải là objective hoặc judgement.");
    }
    if (auto m = str(c, "measure", p, false)) {
      if (auto measure = measureFromCode(*m)) cr.measure = *measure;
      else v.add(join(p, "measure"), "invalid_choice", "Số liệu đo không được hỗ trợ: " + *m + ".");
    }
    if (auto s = str(c, "scoring", p, false)) {
      if (auto scoring = scoringFromCode(*s)) cr.scoring = *scoring;
      else v.add(join(p, "scoring"), "invalid_choice", "Cách tính phải là bands hoặc proportional.");
    }
    cr.bands = bands(c, "bands", p);
    cr.bonuses = bands(c, "bonuses", p);
    if (const json::array* items = array(c, "items", p)) {
      for (size_t j = 0; j < items->size(); ++j) {
        std::string ip = join(p, "items") + "[" + std::to_string(j) + "]";
        const json::value& x = (*items)[j];
        std::optional<PrepItem> it = x.is_string() ? prepItemFromCode(std::string(x.as_string())) : std::nullopt;
        if (it) cr.items.push_back(*it);
        else v.add(ip, "invalid_choice", "Việc chuẩn bị không được hỗ trợ.");
      }
    }
    return cr;
  }

  std::optional<Rubric> rubric(const json::object& o) {
    const std::string p = "rubric";
    onlyKeys(o, p, {"id", "name", "source", "criteria", "notes"});
    Rubric r;
    r.origin = origin;
    r.id = str(o, "id", p, true).value_or("");
    r.name = str(o, "name", p, true).value_or("");
    r.source = str(o, "source", p, true).value_or("");
    const json::array* cs = array(o, "criteria", p);
    if (!cs) {
      v.add("rubric.criteria", "required", "Thang điểm phải có danh sách tiêu chí.");
      return r;
    }
    for (size_t i = 0; i < cs->size(); ++i) {
      std::string cp = "rubric.criteria[" + std::to_string(i) + "]";
      if (!(*cs)[i].is_object()) {
        v.add(cp, "invalid_type", "Phải là đối tượng JSON.");
        continue;
      }
      r.criteria.push_back(criterion((*cs)[i].as_object(), cp));
    }
    return r;
  }

  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
};

Error fileError(std::string_view file, std::vector<FieldError> fe) {
  std::string msg = "Tệp quy tắc " + std::string(file) + " không hợp lệ";
  if (!fe.empty()) msg += ": " + fe.front().field + ": " + fe.front().message;
  Error e = Error::validation(std::move(fe));
  e.code = "invalid_rule_file";
  e.message = msg;
  return e;
}

// Parses any kind into the override shape; `want` is "central", "charter" or "local".
Result<RuleOverride> parseAny(std::string_view text, std::string_view file, std::string_view want) {
  boost::system::error_code ec;
  json::value root = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec)
    return Error::badRequest("rule_file_unreadable",
                             "Tệp quy tắc " + std::string(file) + " không phải JSON hợp lệ: " + ec.message() + ".");
  if (!root.is_object()) return fileError(file, {{"", "invalid_type", "Tệp phải chứa một đối tượng JSON."}});
  const auto& o = root.as_object();

  Reader r;
  r.onlyKeys(o, "", {"kind", "id", "name", "version", "issuer_document", "effective_from", "effective_to",
                     "applies_to", "notes", "thresholds", "rubric"});
  RuleOverride ov;
  if (auto kind = r.str(o, "kind", "", true); kind && *kind != want)
    r.v.add("kind", "wrong_kind", "Cần tệp loại \"" + std::string(want) + "\", tệp này là \"" + *kind + "\".");
  ov.id = r.str(o, "id", "", true).value_or("");
  r.origin = ov.id;
  ov.name = r.str(o, "name", "", true).value_or("");
  ov.version = r.integer(o, "version", "", true).value_or(0);
  ov.issuer_document = r.str(o, "issuer_document", "", true).value_or("");
  if (auto d = r.date(o, "effective_from", "", true)) ov.effective_from = *d;
  ov.effective_to = r.date(o, "effective_to", "", false);
  r.str(o, "applies_to", "", false);
  r.str(o, "notes", "", false);
  if (const json::object* t = r.object(o, "thresholds", "", want == "central")) r.thresholds(*t, ov);
  if (const json::object* rb = r.object(o, "rubric", "", want == "central")) ov.rubric = r.rubric(*rb);
  if (!r.v.ok()) return fileError(file, r.v.errors());
  return ov;
}

Result<std::string> readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::badRequest("rule_file_unreadable", "Không đọc được tệp quy tắc " + path.string() + ".");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

Result<RuleSet> parseCentralRules(std::string_view text, std::string_view file) {
  auto ov = parseAny(text, file, "central");
  if (!ov) return ov.error();
  auto rs = completeRuleSet(*ov);
  if (!rs) return fileError(file, rs.error().field_errors);
  return rs;
}

Result<RuleOverride> parseCharterRules(std::string_view text, std::string_view file) {
  auto ov = parseAny(text, file, "charter");
  if (!ov) return ov.error();
  if (auto st = validateCharter(*ov); !st.ok()) return fileError(file, st.error().field_errors);
  return ov;
}

Result<RuleOverride> parseLocalRules(std::string_view text, std::string_view file) {
  auto ov = parseAny(text, file, "local");
  if (!ov) return ov.error();
  if (auto st = validateOverride(*ov); !st.ok()) return fileError(file, st.error().field_errors);
  return ov;
}

Result<RuleSet> loadCentralRules(const std::filesystem::path& path) {
  auto text = readFile(path);
  if (!text) return text.error();
  return parseCentralRules(*text, path.filename().string());
}

Result<RuleOverride> loadLocalRules(const std::filesystem::path& path) {
  auto text = readFile(path);
  if (!text) return text.error();
  return parseLocalRules(*text, path.filename().string());
}

Result<RuleCatalog> loadRulesDir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  if (ec) return Error::badRequest("rule_file_unreadable", "Không đọc được thư mục quy tắc " + dir.string() + ".");
  std::sort(files.begin(), files.end());

  RuleCatalog cat;
  for (const auto& f : files) {
    auto text = readFile(f);
    if (!text) return text.error();
    // Peek at "kind" to choose the parser; the parser reports a missing or wrong kind itself.
    boost::system::error_code jec;
    json::value root = json::parse(*text, jec);
    auto kindIs = [&](const char* k) {
      if (jec || !root.is_object()) return false;
      const json::value* v = root.as_object().if_contains("kind");
      return v && v->is_string() && v->as_string() == k;
    };
    if (kindIs("dues")) {
      auto d = parseDuesRules(*text, f.filename().string());
      if (!d) return d.error();
      cat.dues.push_back(std::move(*d));
    } else if (kindIs("admission")) {
      auto ad = parseAdmissionRules(*text, f.filename().string());
      if (!ad) return ad.error();
      cat.admission.push_back(std::move(*ad));
    } else if (kindIs("holidays")) {
      if (!cat.holidays.id.empty())
        return Error::badRequest("invalid_rule_file", "Thư mục quy tắc có nhiều hơn một tệp ngày nghỉ lễ.");
      auto hc = parseHolidayCalendar(*text, f.filename().string());
      if (!hc) return hc.error();
      cat.holidays = std::move(*hc);
    } else if (kindIs("charter")) {
      auto ch = parseCharterRules(*text, f.filename().string());
      if (!ch) return ch.error();
      cat.charter.push_back(std::move(*ch));
    } else if (kindIs("evaluation")) {
      auto ev = parseReviewRules(*text, f.filename().string());
      if (!ev) return ev.error();
      cat.review.push_back(std::move(*ev));
    } else if (kindIs("local")) {
      auto ov = parseLocalRules(*text, f.filename().string());
      if (!ov) return ov.error();
      cat.local.push_back(std::move(*ov));
    } else {
      auto rs = parseCentralRules(*text, f.filename().string());
      if (!rs) return rs.error();
      cat.central.push_back(std::move(*rs));
    }
  }
  return cat;
}

}  // namespace chibo
