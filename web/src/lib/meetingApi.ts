// Meeting calls shared by several screens.
import { api } from './api';
import type { Meeting, MeetingBrief } from './meetingTypes';
import type { Roster, RosterLine } from './types';

export const getMeeting = (id: number) => api.get<Meeting>(`/meetings/${id}`);

export async function listMeetings(orgId: number, from: string, to: string): Promise<MeetingBrief[]> {
  const r = await api.get<{ items: MeetingBrief[] }>(`/orgs/${orgId}/meetings`, { from, to });
  return r.items;
}

/** The org's members on the roll at a date (for pickers), by name. */
export async function rollAt(orgId: number, at: string): Promise<RosterLine[]> {
  const r = await api.get<Roster>(`/orgs/${orgId}/members`, { at, limit: 500 });
  return r.items.filter((m) => m.state.on_roll);
}

/**
 * The attendance rate of held meetings. The list (MeetingBrief) carries it as `rate_percent`
 * (null when the server keeps no figures for the meeting); only a brief without the field, from
 * an older server, makes this read the meeting in full.
 */
export async function attendanceRates(
  items: MeetingBrief[],
  onrate: (id: number, rate: number) => void,
): Promise<void> {
  const todo = items.filter((m) => m.status === 'held' || m.status === 'finalized');
  const queue = [...todo];
  async function worker() {
    for (let m = queue.shift(); m; m = queue.shift()) {
      if (typeof m.rate_percent === 'number') {
        onrate(m.id, m.rate_percent);
        continue;
      }
      if (m.rate_percent === null) continue;
      try {
        const full = await getMeeting(m.id);
        onrate(m.id, full.attendance.rate_percent);
      } catch {
        /* the rate stays unknown */
      }
    }
  }
  await Promise.all([worker(), worker(), worker()]);
}
