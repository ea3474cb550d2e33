import { Prng } from '../../core/prng';
import { weekday, type HallTime } from './beijing-time';
import { isOpenAt, openPeriods } from './hours';
import type { Business, Hall } from './tables';

/** A business's queue at a hall: waiting people, average minutes per person, open windows. */
export interface QueueState {
  ddrs: number;
  pjblsj: number;
  kfck: number;
}

/** How busy each hour of the day is (by its starting hour); busiest mid-morning. */
const HOURLY_LOAD: Readonly<Record<number, number>> = {
  8: 0.3,
  9: 0.7,
  10: 1,
  11: 0.9,
  12: 0.5,
  13: 0.5,
  14: 0.7,
  15: 0.8,
  16: 0.6,
};
const EVENING_LOAD = 0.35;
const WEEKEND_FACTOR = 1.3;
/** Waiting people per open window at full load. */
const PEOPLE_PER_WINDOW = 3;
/** The walk-in queue changes every 10 minutes of sandbox time. */
const BUCKET_MINUTES = 10;

/**
 * The walk-in queue, a pure function of the seed, hall, business and
 * sandbox time, so every run and every test sees the same numbers and
 * advancing /sandbox/clock moves them: busiest mornings, fewer windows at
 * lunch and in the 5+X evenings, nobody outside the hours. Remote tickets
 * (qh) come on top (ticket-desk.ts).
 */
export function walkInQueue(seed: number, hall: Hall, business: Business, windows: number, at: HallTime): QueueState {
  const pjblsj = Math.max(3, business.pjblsj + Prng.derive(seed, `hall:pace:${hall.dtbh}:${business.ywdm}`).int(-2, 2));
  const periods = openPeriods(hall, at.date);
  if (!isOpenAt(periods, at.minute)) return { ddrs: 0, pjblsj, kfck: 0 };
  const hour = Math.floor(at.minute / 60);
  const evening = hour >= 17;
  const lunch = hour === 12 || hour === 13;
  const kfck = evening ? Math.ceil(windows / 2) : lunch ? Math.max(1, windows - Math.floor(windows / 3)) : windows;
  const weekend = weekday(at.date) >= 6;
  const load = (evening ? EVENING_LOAD : (HOURLY_LOAD[hour] ?? EVENING_LOAD)) * (weekend ? WEEKEND_FACTOR : 1);
  const popularity = 0.6 + Prng.derive(seed, `hall:popularity:${hall.dtbh}:${business.ywdm}`).next() * 0.8;
  const bucket = Math.floor(at.minute / BUCKET_MINUTES);
  const jitter = 0.75 + Prng.derive(seed, `hall:queue:${hall.dtbh}:${business.ywdm}:${at.date}:${bucket}`).next() * 0.5;
  return { ddrs: Math.round(kfck * PEOPLE_PER_WINDOW * load * popularity * jitter), pjblsj, kfck };
}

/** Minutes until someone with `ahead` people in front is called. */
export function estimatedWait(ahead: number, queue: { pjblsj: number; kfck: number }): number {
  return queue.kfck > 0 ? Math.ceil((ahead * queue.pjblsj) / queue.kfck) : 0;
}
