#include "app/members/member_fields.h"

#include "app/audit_write.h"
#include "app/validate.h"

namespace chibo {

void applyMemberFields(Validator& v, const MemberFields& in, Member& m, Date today, bool creating) {
  if (auto s = cleanText(v, "full_name", in.full_name, creating, 100, "họ và tên")) {
    if (s->empty()) v.add("full_name", "required", "Vui lòng nhập họ và tên.");
    else m.full_name = *s;
  }
  if (auto d = parseDateField(v, "birth_date", in.birth_date, creating, DateRule::not_future, today, "ngày sinh")) {
    if (!*d && !creating) v.add("birth_date", "required", "Vui lòng nhập ngày sinh.");
    else m.birth_date = *d;
  }
  if (in.gender) {
    if (auto g = genderFromCode(*in.gender)) m.gender = *g;
    else v.add("gender", "invalid_choice", "Giới tính không hợp lệ.");
  } else if (creating) {
    v.add("gender", "required", "Vui lòng chọn giới tính.");
  }
  if (auto p = cleanPhone(v, "phone", in.phone)) m.phone = *p;
  if (auto s = cleanText(v, "card_no", in.card_no, false, 20, "số thẻ đảng viên")) {
    if (s->find_first_not_of("0123456789") != std::string::npos)
      v.add("card_no", "invalid_card_no", "Số thẻ đảng viên chỉ gồm chữ số.");
    else m.card_no = *s;
  }
  using R = DateRule;
  if (auto d = parseDateField(v, "admission_decision_date", in.admission_decision_date, false, R::not_future, today,
                              "ngày quyết định kết nạp"))
    m.admission_decision_date = *d;
  if (auto d = parseDateField(v, "admission_ceremony_date", in.admission_ceremony_date, false, R::not_future, today,
                              "ngày kết nạp"))
    m.admission_ceremony_date = *d;
  if (auto d = parseDateField(v, "official_date", in.official_date, false, R::not_future, today,
                              "ngày công nhận chính thức"))
    m.official_date = *d;
  if (auto s = cleanText(v, "workplace", in.workplace, false, 200, "nơi công tác")) m.workplace = *s;
  if (in.serving) m.serving = *in.serving;
  if (!v.ok()) return;
  // Cross-field rules, checked on the record as it would be after the change.
  if (m.birth_date && m.admission_decision_date && ageOn(*m.birth_date, *m.admission_decision_date) < 16)
    v.add("admission_decision_date", "date_order", "Ngày quyết định kết nạp phải sau khi đủ 16 tuổi.");
  if (m.admission_decision_date && m.admission_ceremony_date && *m.admission_ceremony_date < *m.admission_decision_date)
    v.add("admission_ceremony_date", "date_order", "Ngày kết nạp không được trước ngày quyết định kết nạp.");
  auto start = m.admission_ceremony_date ? m.admission_ceremony_date : m.admission_decision_date;
  if (start && m.official_date && *m.official_date < *start)
    v.add("official_date", "date_order", "Ngày công nhận chính thức phải sau ngày kết nạp.");
  if (m.birth_date && ageOn(*m.birth_date, today) > 120)
    v.add("birth_date", "invalid_date", "Ngày sinh không hợp lệ.");
  if (m.serving && m.workplace.empty())
    v.add("workplace", "required", "Đảng viên đương chức cần có nơi công tác.");
}

std::vector<FieldChange> memberDiff(const Member& a, const Member& b) {
  std::vector<FieldChange> ch;
  diffField(ch, "full_name", a.full_name, b.full_name);
  diffField(ch, "birth_date", auditValue(a.birth_date), auditValue(b.birth_date));
  diffField(ch, "gender", std::string(toCode(a.gender)), std::string(toCode(b.gender)));
  diffField(ch, "phone", a.phone, b.phone);
  diffField(ch, "card_no", a.card_no, b.card_no);
  diffField(ch, "admission_decision_date", auditValue(a.admission_decision_date), auditValue(b.admission_decision_date));
  diffField(ch, "admission_ceremony_date", auditValue(a.admission_ceremony_date), auditValue(b.admission_ceremony_date));
  diffField(ch, "official_date", auditValue(a.official_date), auditValue(b.official_date));
  diffField(ch, "workplace", a.workplace, b.workplace);
  diffField(ch, "serving", auditValue(a.serving), auditValue(b.serving));
  diffField(ch, "cell_id", auditValue(a.cell_id), auditValue(b.cell_id));
  diffField(ch, "subgroup_id", auditValue(a.subgroup_id), auditValue(b.subgroup_id));
  return ch;
}

}  // namespace chibo
