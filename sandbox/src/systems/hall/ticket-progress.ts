import { hashString } from '../../core/prng';
import { estimatedWait } from './queue';
import type { Ticket, TicketStatus } from './records';

const MINUTE_MS = 60_000;

export interface TicketProgress {
  zt: TicketStatus;
  qmrs: number;
  yjdd: number;
  ck?: string;
}

/**
 * Where a ticket stands at a sandbox instant, computed from when it was
 * taken: the people ahead are served at the pace of that moment (pjblsj
 * minutes each on kfck windows); when none are left it is called at a
 * window and done one handling time later. Still waiting when the day's
 * hours end: 过号. Staff calling it (control route) overrides the pace.
 */
export function ticketProgress(ticket: Ticket, nowMs: number): TicketProgress {
  const handlingMs = ticket.pjblsj * MINUTE_MS;
  if (ticket.call) {
    const done = nowMs >= ticket.call.atMs + handlingMs;
    return { zt: done ? '4' : '2', qmrs: 0, yjdd: 0, ck: ticket.call.ck };
  }
  const elapsedMinutes = Math.max(0, nowMs - ticket.serveFromMs) / MINUTE_MS;
  const served = Math.floor((elapsedMinutes * ticket.kfck) / ticket.pjblsj);
  const qmrs = Math.max(0, ticket.ahead - served);
  const calledAtMs = ticket.serveFromMs + estimatedWait(ticket.ahead, ticket) * MINUTE_MS;
  if (qmrs > 0 || calledAtMs >= ticket.closeMs) {
    if (nowMs >= ticket.closeMs) return { zt: '3', qmrs, yjdd: 0 };
    return { zt: '1', qmrs, yjdd: estimatedWait(qmrs, ticket) };
  }
  const ck = String(1 + (hashString(`${ticket.dtbh}:${ticket.phbh}:${ticket.qhsj}`) % ticket.kfck)).padStart(2, '0');
  return { zt: nowMs >= calledAtMs + handlingMs ? '4' : '2', qmrs: 0, yjdd: 0, ck };
}
