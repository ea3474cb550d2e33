import { addDays, hallTime } from './beijing-time';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The window cancellations are counted in, and how long a block lasts. */
export const CANCELLATION_WINDOW_DAYS = 30;
/** This many cancellations within the window block new bookings. */
export const CANCELLATION_LIMIT = 3;

export interface CancellationStanding {
  /** Cancellations in the last 30 days. */
  qxcs: number;
  /** yyyyMMdd: the first day the person may book again, only while blocked. */
  jzrq?: string;
}

/**
 * The anti-hoarding rule of the booking platforms: whoever cancels three
 * bookings within 30 days cannot book until 30 days after the third. A
 * block is counted in whole Beijing days (jzrq is the first day booking
 * works again), so the message "…前不能预约" is true to the minute.
 */
export function cancellationStanding(cancelledAtMs: readonly number[], nowMs: number): CancellationStanding {
  const times = [...cancelledAtMs].sort((a, b) => a - b);
  const windowMs = CANCELLATION_WINDOW_DAYS * DAY_MS;
  const qxcs = times.filter((at) => at > nowMs - windowMs && at <= nowMs).length;
  let jzrq: string | undefined;
  for (let i = CANCELLATION_LIMIT - 1; i < times.length; i += 1) {
    const at = times[i];
    const first = times[i - (CANCELLATION_LIMIT - 1)];
    if (at === undefined || first === undefined || at - first >= windowMs) continue;
    const until = addDays(hallTime(at).date, CANCELLATION_WINDOW_DAYS);
    if (jzrq === undefined || until > jzrq) jzrq = until;
  }
  const today = hallTime(nowMs).date;
  return jzrq !== undefined && today < jzrq ? { qxcs, jzrq } : { qxcs };
}
