// Wire types of the account routes (docs/api.md, "Accounts").
import type { GrantRole } from './types';

export interface AccountGrant {
  role: GrantRole;
  role_label: string;
  org_id: number;
  org_name: string;
  derived: boolean;
}

export type AccountStatus = 'pending' | 'expired' | 'active' | 'disabled';

export interface Account {
  id: number;
  username: string;
  display_name: string;
  member_id: number | null;
  disabled: boolean;
  activated: boolean;
  created_at: string | null;
  activated_at: string | null;
  last_login_at: string | null;
  activation_expires_at: string | null;
  grants: AccountGrant[];
  status?: AccountStatus;
  member_name?: string | null;
  cell_id?: number | null;
  cell_name?: string;
}

/** The one answer that carries an activation code. */
export interface IssuedAccount extends Account {
  activation_code: string;
  member_name: string;
  cell_id: number;
  cell_name: string;
}

export interface MissingMember {
  member_id: number;
  full_name: string;
  cell_id: number;
  cell_name: string;
}

export interface MySession {
  id: number;
  created_at: string;
  expires_at: string;
  address: string;
  current: boolean;
}

export const statusLabel: Record<AccountStatus, string> = {
  pending: 'Chờ kích hoạt',
  expired: 'Mã đã hết hạn',
  active: 'Đang dùng',
  disabled: 'Đã khóa',
};
