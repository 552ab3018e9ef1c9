// Client-side checks of the member form, mirroring the server's field errors.
// Dates are held as the text the user typed (dd/mm/yyyy).
import { parseDate, today } from './format';

export interface MemberDraft {
  full_name: string;
  birth_date: string;
  gender: string;
  phone: string;
  card_no: string;
  admission_decision_date: string;
  admission_ceremony_date: string;
  official_date: string;
  workplace: string;
  serving: boolean;
  subgroup_id: string;
  joined_on: string;
}

export type Errors = Partial<Record<keyof MemberDraft, string>>;

export const dateFields = [
  'birth_date',
  'admission_decision_date',
  'admission_ceremony_date',
  'official_date',
  'joined_on',
] as const;

function checkDate(text: string, required: boolean, label: string): string | undefined {
  if (!text.trim()) return required ? `Vui lòng nhập ${label}.` : undefined;
  const iso = parseDate(text);
  if (!iso) return 'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 02/04/1958.';
  if (iso > today()) return 'Ngày không được ở tương lai.';
  return undefined;
}

/** The error for one field (undefined when fine). */
export function checkField(name: keyof MemberDraft, d: MemberDraft, creating: boolean): string | undefined {
  switch (name) {
    case 'full_name': {
      const v = d.full_name.trim();
      if (!v) return 'Vui lòng nhập họ và tên.';
      if (v.length > 120) return 'Họ và tên không quá 120 ký tự.';
      return undefined;
    }
    case 'birth_date':
      return checkDate(d.birth_date, true, 'ngày sinh');
    case 'gender':
      return d.gender ? undefined : 'Vui lòng chọn giới tính.';
    case 'phone': {
      const v = d.phone.replace(/[\s.]/g, '');
      if (!v) return undefined;
      return /^0\d{9}$/.test(v) ? undefined : 'Số điện thoại gồm 10 chữ số và bắt đầu bằng số 0.';
    }
    case 'card_no':
      return d.card_no.length > 20 ? 'Số thẻ không quá 20 ký tự.' : undefined;
    case 'admission_decision_date': {
      const e = checkDate(d.admission_decision_date, false, '');
      if (e) return e;
      return after(d.admission_decision_date, d.birth_date, 'Ngày quyết định kết nạp phải sau ngày sinh.');
    }
    case 'admission_ceremony_date': {
      const e = checkDate(d.admission_ceremony_date, false, '');
      if (e) return e;
      return after(
        d.admission_ceremony_date,
        d.admission_decision_date,
        'Ngày lễ kết nạp không được trước ngày quyết định kết nạp.',
        true,
      );
    }
    case 'official_date': {
      const e = checkDate(d.official_date, false, '');
      if (e) return e;
      const base = d.admission_ceremony_date.trim() ? d.admission_ceremony_date : d.admission_decision_date;
      return after(d.official_date, base, 'Ngày chính thức phải sau ngày kết nạp.');
    }
    case 'joined_on':
      return creating ? checkDate(d.joined_on, false, '') : undefined;
    case 'workplace':
      return d.workplace.length > 200 ? 'Nơi công tác không quá 200 ký tự.' : undefined;
    default:
      return undefined;
  }
}

/** Error when `later` is not after `earlier` (both optional texts). */
function after(later: string, earlier: string, msg: string, allowSame = false): string | undefined {
  const a = parseDate(later);
  const b = parseDate(earlier);
  if (!a || !b) return undefined;
  return a > b || (allowSame && a === b) ? undefined : msg;
}

export function checkAll(d: MemberDraft, creating: boolean): Errors {
  const out: Errors = {};
  for (const k of Object.keys(d) as (keyof MemberDraft)[]) {
    const e = checkField(k, d, creating);
    if (e) out[k] = e;
  }
  return out;
}
