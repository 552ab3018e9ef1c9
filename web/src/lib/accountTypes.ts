// Wire types of the account routes (docs/api.md, "Accounts").
import type { components } from './api-schema';

// Wire shapes generated from docs/openapi.json (npm run api-types).
type Schemas = components['schemas'];
import type { GrantRole } from './types';

export type AccountGrant = Schemas['AccountGrant'];

export type AccountStatus = 'pending' | 'expired' | 'active' | 'disabled';

export type Account = Schemas['Account'];

/** The one answer that carries an activation code. */
export interface IssuedAccount extends Account {
  activation_code: string;
  member_name: string;
  cell_id: number;
  cell_name: string;
}

export type MissingMember = Schemas['MissingMember'];

export type MySession = Schemas['MySession'];

export const statusLabel: Record<AccountStatus, string> = {
  pending: 'Chờ kích hoạt',
  expired: 'Mã đã hết hạn',
  active: 'Đang dùng',
  disabled: 'Đã khóa',
};
