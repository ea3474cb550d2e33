import type { Ticket } from '@suijing/shared';
import { readString, writeString } from '@/utils/storage';
import { beijingToday } from '../utils/format';

/**
 * The last ticket taken, so 办事大厅 can offer 我的排队号 again (there is no
 * list of tickets): only today's, as a number is good for one day.
 */
const LAST_TICKET_KEY = 'suijing.lastTicket';

export function rememberTicket(ticket: Pick<Ticket, 'id' | 'number' | 'takenAt'>): void {
  writeString(
    LAST_TICKET_KEY,
    JSON.stringify({ id: ticket.id, number: ticket.number, day: beijingToday(Date.parse(ticket.takenAt)) }),
  );
}

export function lastTicket(today: string): { id: string; number: string } | null {
  const raw = readString(LAST_TICKET_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { id?: unknown; number?: unknown; day?: unknown };
    if (typeof parsed.id !== 'string' || typeof parsed.number !== 'string' || parsed.day !== today) return null;
    return { id: parsed.id, number: parsed.number };
  } catch {
    return null;
  }
}
