import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { Ticket } from '@suijing/shared';
import { useRefreshed } from '@/hooks/useRefreshed';
import { messageOf } from '@/services/api-error';

/** How often the live position is fetched while waiting (the queue system updates about as often). */
export const TICKET_POLL_SECONDS = 15;

export interface PolledTicket {
  ticket: Ticket;
  refreshing: boolean;
  /** Why the last refresh failed; the ticket shown is the previous one. */
  failure: string | null;
  /** When the ticket shown was fetched (device clock). */
  updatedAt: Date;
  refresh: () => void;
}

/** A ticket still moving: waiting in the queue, or called and expected at a window. */
export function isLive(ticket: Pick<Ticket, 'status'>): boolean {
  return ticket.status === 'waiting' || ticket.status === 'called';
}

/**
 * The ticket, fetched again every 15 s while it is live so "前面还有 N 人"
 * stays true. The previous answer stays on screen while a new one loads or
 * when one fails (the next tick tries again). Paused while the page is hidden
 * (no traffic for a screen nobody sees), refreshed at once when it shows again.
 */
export function useTicketPolling(initial: Ticket, fetch: (id: string) => Promise<Ticket>): PolledTicket {
  const polled = useRefreshed(initial, () => fetch(initial.id));
  const { value: ticket, refreshing, answeredAt: updatedAt, refresh } = polled;
  const failure = polled.error === null ? null : messageOf(polled.error);
  const [visible, setVisible] = useState(true);

  // A ref beside the state: Taro also fires didShow on the first show, which must not fetch twice.
  const shown = useRef(true);
  useDidHide(() => {
    shown.current = false;
    setVisible(false);
  });
  useDidShow(() => {
    if (shown.current) return;
    shown.current = true;
    setVisible(true);
    refresh();
  });

  // One timer per answer shown: each new answer (or failure) restarts the 15 s.
  useEffect(() => {
    if (!visible || refreshing || !isLive(ticket)) return undefined;
    const timer = setTimeout(refresh, TICKET_POLL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [ticket, failure, updatedAt, refreshing, visible, refresh]);

  return { ticket, refreshing, failure, updatedAt, refresh };
}
