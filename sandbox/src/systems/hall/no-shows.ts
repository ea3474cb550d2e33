import { addDays, hallTime } from './beijing-time';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window no-shows (爽约) are counted in. */
export const NO_SHOW_WINDOW_DAYS = 90;
/** This many no-shows within the window block new bookings. */
export const NO_SHOW_LIMIT = 3;
/** How long a block lasts, from the day of the no-show that caused it. */
export const BLOCK_DAYS = 30;

export interface NoShowStanding {
  /** No-shows in the last 90 days. */
  sycs: number;
  /** yyyyMMdd: the first day the person may book again, only while blocked. */
  jzrq?: string;
}

/**
 * The booking platforms' rule against places booked and left empty: whoever
 * misses (爽约: the slot ended without 签到) three bookings within 90 days
 * cannot book for 30 days after the third. A cancellation is never counted:
 * giving a place back before its slot is what the platform wants. A block is
 * counted in whole Beijing days (jzrq is the first day booking works again),
 * so the message "…前不能预约" is true to the minute.
 */
export function noShowStanding(missedAtMs: readonly number[], nowMs: number): NoShowStanding {
  const times = [...missedAtMs].filter((at) => at <= nowMs).sort((a, b) => a - b);
  const windowMs = NO_SHOW_WINDOW_DAYS * DAY_MS;
  const sycs = times.filter((at) => at > nowMs - windowMs).length;
  let jzrq: string | undefined;
  for (let i = NO_SHOW_LIMIT - 1; i < times.length; i += 1) {
    const at = times[i];
    const first = times[i - (NO_SHOW_LIMIT - 1)];
    if (at === undefined || first === undefined || at - first >= windowMs) continue;
    const until = addDays(hallTime(at).date, BLOCK_DAYS);
    if (jzrq === undefined || until > jzrq) jzrq = until;
  }
  const today = hallTime(nowMs).date;
  return jzrq !== undefined && today < jzrq ? { sycs, jzrq } : { sycs };
}
