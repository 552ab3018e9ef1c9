// The in-app inbox (Thông báo): its API and the unread count the header's bell shows.
import { api } from './api';

import type { components } from './api-schema';

type Schemas = components['schemas'];
export type InboxItem = Schemas['InboxItem'];
export type InboxKind = InboxItem['kind'];
export type InboxList = Schemas['InboxPage'];
export type NotificationSettings = Schemas['NotificationSettings'];

export const kindLabel: Record<InboxKind, string> = {
  meeting_planned: 'Cuộc họp mới',
  meeting_moved: 'Đổi lịch họp',
  documents_published: 'Tài liệu họp',
  meeting_notice: 'Thông báo họp',
  task_due_soon: 'Sắp đến hạn',
  task_overdue: 'Quá hạn',
  warning_raised: 'Cảnh báo',
  activation_code: 'Tài khoản',
  digest: 'Tổng hợp trong ngày',
};

/** Shared by the bell and the inbox page, so reading a message lowers the count at once. */
export const inbox = $state({ unread: 0 });

export async function listInbox(q: { limit: number; offset: number; unread: boolean }): Promise<InboxList> {
  const r = await api.get<InboxList>('/me/inbox', q);
  inbox.unread = r.unread;
  return r;
}

export async function markRead(id: number): Promise<void> {
  inbox.unread = (await api.post<Schemas['InboxUnread']>(`/me/inbox/${id}/read`)).unread;
}

export async function markAllRead(): Promise<void> {
  inbox.unread = (await api.post<Schemas['InboxUnread']>('/me/inbox/read-all')).unread;
}

/** Refreshes the count; quiet when the network or the session is gone (the bell just keeps its number). */
export async function refreshUnread(): Promise<void> {
  try {
    await listInbox({ limit: 1, offset: 0, unread: true });
  } catch {
    /* offline or logged out: nothing to show */
  }
}

export const getNotificationSettings = () => api.get<NotificationSettings>('/me/notifications');
export const saveNotificationSettings = (s: Schemas['NotificationSettingsInput']) =>
  api.put<NotificationSettings>('/me/notifications', s);

/** Asks the server to notify the meeting's members or its monitor; answers how many messages were queued. */
export const sendMeetingNotice = (meetingId: number, to: 'members' | 'monitor') =>
  api.post<Schemas['NoticesQueued']>(`/meetings/${meetingId}/notices`, { to });
