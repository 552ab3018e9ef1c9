#include "app/validate.h"

#include "domain/text/text_checks.h"
#include "domain/text/vn_text.h"

namespace chibo {
namespace {
// Labels are written lower-case to sit inside sentences; a sentence that
// starts with one needs its first letter raised ("địa chỉ" -> "Địa chỉ").
std::string sentence(const std::string& label) {
  if (label.empty()) return label;
  if (label.compare(0, 2, "\xc4\x91") == 0) return "\xc4\x90" + label.substr(2);  // đ -> Đ
  std::string s = label;
  if (s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
}  // namespace

std::optional<std::string> cleanText(Validator& v, const std::string& field, const std::optional<std::string>& raw,
                                     bool required, size_t max_chars, const std::string& label) {
  if (!raw) {
    if (required) v.add(field, "required", "Vui lòng nhập " + label + ".");
    return std::nullopt;
  }
  // The limit is applied to the bytes first, before any normalisation: work
  // done on an oversized field is work an attacker chose (1 MB once took 16 s).
  if (raw->size() > maxRawBytes(max_chars)) {
    v.add(field, "too_long", sentence(label) + " dài quá " + std::to_string(max_chars) + " ký tự.");
    return std::nullopt;
  }
  if (!isValidUtf8(*raw)) {
    v.add(field, "invalid_text", sentence(label) + " chứa ký tự không hợp lệ.");
    return std::nullopt;
  }
  std::string s = nfc(trim(*raw));
  if (s.empty() && required) {
    v.add(field, "required", "Vui lòng nhập " + label + ".");
    return std::nullopt;
  }
  if (utf8Length(s) > max_chars) {
    v.add(field, "too_long", sentence(label) + " dài quá " + std::to_string(max_chars) + " ký tự.");
    return std::nullopt;
  }
  switch (textProblem(s)) {
    case TextProblem::none: break;
    case TextProblem::control:
      v.add(field, "invalid_text", sentence(label) + " chứa ký tự điều khiển.");
      return std::nullopt;
    case TextProblem::bidi_override:
      v.add(field, "invalid_text", sentence(label) + " chứa ký tự đảo chiều văn bản.");
      return std::nullopt;
    case TextProblem::invisible_only:
      if (required) v.add(field, "required", "Vui lòng nhập " + label + ".");
      else v.add(field, "invalid_text", sentence(label) + " chỉ gồm ký tự vô hình.");
      return std::nullopt;
  }
  return s;
}

std::optional<std::optional<Date>> parseDateField(Validator& v, const std::string& field,
                                                  const std::optional<std::string>& raw, bool required,
                                                  DateRule rule, Date today, const std::string& label) {
  if (!raw) {
    if (required) v.add(field, "required", "Vui lòng nhập " + label + ".");
    return std::nullopt;
  }
  if (raw->empty()) {
    if (required) {
      v.add(field, "required", "Vui lòng nhập " + label + ".");
      return std::nullopt;
    }
    return std::optional<Date>{};
  }
  auto d = Date::parseIso(*raw);
  if (!d) {
    v.add(field, "invalid_date", sentence(label) + " không hợp lệ (định dạng YYYY-MM-DD).");
    return std::nullopt;
  }
  if (d->year() < 1900) {
    v.add(field, "invalid_date", sentence(label) + " không hợp lệ.");
    return std::nullopt;
  }
  if (rule == DateRule::not_future && *d > today) {
    v.add(field, "future_date", sentence(label) + " không được sau ngày hôm nay.");
    return std::nullopt;
  }
  return std::optional<Date>{*d};
}

std::optional<std::string> cleanPhone(Validator& v, const std::string& field, const std::optional<std::string>& raw) {
  if (!raw) return std::nullopt;
  std::string d;
  for (char ch : *raw) {
    if (ch == ' ' || ch == '.' || ch == '-') continue;
    d += ch;
  }
  if (d.rfind("+84", 0) == 0) d = "0" + d.substr(3);
  if (d.empty()) return d;
  bool digits = d.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || d.size() != 10 || d[0] != '0') {
    v.add(field, "invalid_phone", "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0.");
    return std::nullopt;
  }
  return d;
}

}  // namespace chibo
