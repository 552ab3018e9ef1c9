// Party dues calls and the way amounts are written: "1.250.000 đ".
import { api } from './api';
import type { DuesBasisKind, DuesPaymentInput, DuesSheet, MemberDues } from './duesTypes';

export const getDuesSheet = (cellId: number, month: string) =>
  api.get<DuesSheet>(`/orgs/${cellId}/dues`, { month: month || null });
export const saveDuesPayments = (cellId: number, month: string, payments: DuesPaymentInput[]) =>
  api.put<DuesSheet>(`/orgs/${cellId}/dues`, { month, payments });
export const getMemberDues = (memberId: number, year?: number) =>
  api.get<MemberDues>(`/members/${memberId}/dues`, { year: year ?? null });
export const saveDuesBasis = (memberId: number, body: { kind: DuesBasisKind; amount: number; from: string; note?: string }) =>
  api.put<MemberDues>(`/members/${memberId}/dues/basis`, body);
export const addDuesRelief = (
  memberId: number,
  body: { kind: 'reduction' | 'exemption'; percent?: number; from: string; to?: string; decision: string },
) => api.post<MemberDues>(`/members/${memberId}/dues/reliefs`, body);
export const deleteDuesRelief = (memberId: number, reliefId: number) =>
  api.del<MemberDues>(`/members/${memberId}/dues/reliefs/${reliefId}`);

const nf = new Intl.NumberFormat('vi-VN');

/** Đồng with dots for thousands: 1.250.000 đ ("—" when unknown). */
export function dong(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return `${nf.format(n).replace(/[\s\u00a0\u202f,]/g, '.')} đ`;
}

/** 'YYYY-MM' → 'tháng 3/2026'. */
export function monthPhrase(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `tháng ${+m[2]}/${m[1]}` : ym;
}

export const basisLabels: Record<DuesBasisKind, string> = {
  salary: 'Tiền lương đóng BHXH',
  pension: 'Lương hưu',
  other: 'Thu nhập khác (số tiền đóng)',
};

export const channelLabels = { cash: 'Tiền mặt', portal: 'Cổng DVC quốc gia' } as const;
