// Vietnamese display helpers: dates as dd/mm/yyyy and labels for API codes.
import type { MemberState, RoleCode } from './types';

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; empty for null. */
export function showDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** ISO instant → 'dd/mm/yyyy HH:MM' in Vietnam time. */
export function showInstant(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  const v = new Date(d.getTime() + 7 * 3600 * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

/** Today in Asia/Ho_Chi_Minh as 'YYYY-MM-DD'. */
export function today(): string {
  const v = new Date(Date.now() + 7 * 3600 * 1000);
  return v.toISOString().slice(0, 10);
}

/** Parses 'dd/mm/yyyy' (also d-m-yyyy, d.m.yyyy or yyyy-mm-dd) → 'YYYY-MM-DD', or null if not a real date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number, d: number;
  // Separators "/", ".", "-", "," or spaces; or eight digits (05032026), which is what an
  // iPhone's number pad can type.
  let m = /^(\d{1,2})\s*[/.,\s-]\s*(\d{1,2})\s*[/.,\s-]\s*(\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (m) {
    [d, mo, y] = [+m[1], +m[2], +m[3]];
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
  } else {
    return null;
  }
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  if (y < 1900) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Parses 'mm/yyyy' (also m/yyyy, m-yyyy, six digits 012027, or yyyy-mm) → 'YYYY-MM', or null. */
export function parseMonth(text: string): string | null {
  const s = text.trim();
  let y: number, mo: number;
  let m = /^(\d{1,2})\s*[/.,\s-]\s*(\d{4})$/.exec(s) ?? /^(\d{2})(\d{4})$/.exec(s);
  if (m) [mo, y] = [+m[1], +m[2]];
  else if ((m = /^(\d{4})-(\d{1,2})$/.exec(s))) [y, mo] = [+m[1], +m[2]];
  else return null;
  if (mo < 1 || mo > 12 || y < 1900) return null;
  return `${y}-${String(mo).padStart(2, '0')}`;
}

/** 'YYYY-MM' → 'mm/yyyy'; empty for null. */
export function showMonth(ym: string | null | undefined): string {
  if (!ym) return '';
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${m[2]}/${m[1]}` : ym;
}

export function period(from: string | null, to: string | null): string {
  return `${showDate(from) || '…'} – ${to ? showDate(to) : 'nay'}`;
}

export const genderLabel: Record<string, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

export const roleLabel: Record<RoleCode, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Cấp ủy viên',
  subgroup_leader: 'Tổ trưởng tổ đảng',
};

export const statusKinds: [string, string][] = [
  ['official', 'Chính thức'],
  ['probationary', 'Dự bị'],
  ['exempt', 'Miễn công tác và sinh hoạt đảng'],
  ['temp_exempt', 'Tạm miễn sinh hoạt'],
  ['temp_out', 'Đi sinh hoạt tạm thời'],
  ['temp_in', 'Đến sinh hoạt tạm thời'],
  ['special_duty', 'Làm nhiệm vụ đặc biệt (lực lượng vũ trang)'],
  ['transferred_out', 'Chuyển sinh hoạt đi'],
  ['removed', 'Xóa tên'],
  ['expelled', 'Khai trừ'],
  ['deceased', 'Từ trần'],
];
const statusLabel = Object.fromEntries(statusKinds);

export const kindLabel: Record<string, string> = { committee: 'Đảng bộ', cell: 'Chi bộ', subgroup: 'Tổ đảng' };

export const cellTypes: [string, string][] = [
  ['residential', 'Khu phố, tổ dân phố, thôn'],
  ['administrative', 'Cơ quan hành chính'],
  ['public_service', 'Đơn vị sự nghiệp'],
  ['enterprise', 'Doanh nghiệp'],
  ['armed_forces', 'Lực lượng vũ trang'],
  ['other', 'Khác'],
];

export const levels: [string, string][] = [
  ['province', 'Cấp tỉnh'],
  ['ward', 'Cấp xã, phường'],
  ['grassroots', 'Cơ sở'],
  ['none', 'Khác'],
];

/** Short badges for a member's state; tone picks the colour. */
export function badges(s: MemberState): { text: string; tone: string }[] {
  const out: { text: string; tone: string }[] = [];
  if (s.terminal) {
    out.push({ text: statusLabel[s.terminal] ?? s.terminal, tone: 'gray' });
    return out;
  }
  if (!s.on_roll) out.push({ text: 'Không còn sinh hoạt', tone: 'gray' });
  out.push({
    text: s.standing_label || statusLabel[s.standing] || s.standing,
    tone: s.standing === 'probationary' ? 'amber' : 'green',
  });
  if (s.exempt) out.push({ text: 'Miễn sinh hoạt', tone: 'gray' });
  if (s.temp_exempt) out.push({ text: 'Tạm miễn', tone: 'gray' });
  if (s.away) out.push({ text: 'Đi SHTT', tone: 'blue' });
  if (s.incoming) out.push({ text: 'Đến SHTT', tone: 'blue' });
  if (s.special_duty) out.push({ text: 'Nhiệm vụ đặc biệt', tone: 'blue' });
  return out;
}

/** Vietnamese labels for audit field names and actions. */
export const fieldLabel: Record<string, string> = {
  full_name: 'Họ và tên',
  birth_date: 'Ngày sinh',
  gender: 'Giới tính',
  phone: 'Số điện thoại',
  card_no: 'Số thẻ đảng viên',
  admission_decision_date: 'Ngày quyết định kết nạp',
  admission_ceremony_date: 'Ngày lễ kết nạp',
  official_date: 'Ngày chính thức',
  workplace: 'Nơi công tác',
  serving: 'Đương chức',
  cell_id: 'Chi bộ',
  subgroup_id: 'Tổ đảng',
  name: 'Tên',
  code: 'Mã',
  address: 'Địa chỉ',
  archived: 'Lưu trữ',
  kind: 'Loại',
  from: 'Từ ngày',
  to: 'Đến ngày',
  note: 'Ghi chú',
  role: 'Vai trò',
  member_id: 'Đảng viên',
  cell: 'Chi bộ',
  org: 'Đơn vị',
  username: 'Tên đăng nhập',
  client_address: 'Địa chỉ máy truy cập',
  locked_until: 'Khóa đến',
  lockouts: 'Số lần bị khóa liên tiếp',
  version: 'Phiên bản',
  date: 'Ngày',
  to_cell_id: 'Chi bộ chuyển đến',
  // accounts
  grants: 'Quyền',
  activation_expires: 'Mã kích hoạt hết hạn',
  password: 'Mật khẩu',
  sessions_ended: 'Số phiên đăng nhập bị kết thúc',
  disabled: 'Trạng thái tài khoản',
  session: 'Phiên đăng nhập',
  joined_on: 'Ngày bắt đầu sinh hoạt',
  citizen_id: 'Số CCCD',
  file_name: 'Tên tệp',
  sha256: 'Mã kiểm tra tệp (SHA-256)',
  created: 'Số dòng thêm mới',
  updated: 'Số dòng cập nhật',
  unchanged: 'Số dòng không đổi',
  refused: 'Số dòng bị từ chối',
  encoding: 'Bảng mã của tệp',
  source: 'Nguồn',
};
