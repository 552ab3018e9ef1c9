// A change made in live mode, kept until the server has it.
import type { Method } from '../api';

export interface QueuedChange {
  seq?: number;             // IndexedDB key: the order the changes were made in
  id: string;               // made on the phone; sent as the Idempotency-Key
  user: number;             // the account that made it (replayed only for that account)
  meeting: number;
  method: Method;
  path: string;             // under /api/v1; may hold a temporary id (negative) until its creator is sent
  body: unknown;
  at: string;               // the phone's time when the change was made (ISO)
  label: string;            // what the change is, in Vietnamese, for the lists on screen
  creates?: number;         // the temporary id of what this change creates (a resolution)
  state: 'pending' | 'blocked';
  error?: string;           // why the server refused it (shown to the secretary)
  code?: string;
  notes?: string[];         // marks the server kept out (shown once the change is sent)
}
