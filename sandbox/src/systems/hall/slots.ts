import type { Prng } from '../../core/prng';
import { hhmmOf, instantOf } from './beijing-time';
import { openPeriods } from './hours';
import type { Hall } from './tables';

/** Half-hour booking slots (时段). */
export const SLOT_MINUTES = 30;
/** Bookable from today up to this many days ahead. */
export const BOOKING_DAYS_AHEAD = 7;
/** Booking places per window per slot. */
const PLACES_PER_WINDOW = 2;
/** Places kept for the 60+ green channel (老年人绿色通道) in every slot large enough. */
const GREEN_PLACES = 2;

export interface SlotPlan {
  sdbh: string;
  kssj: string;
  jssj: string;
  /** Epoch ms of the slot's start and end. */
  startMs: number;
  endMs: number;
}

export interface Capacity {
  zrs: number;
  lszrs: number;
}

/** The day's slots for a business the hall handles (none on a closed day), numbered 01, 02 ... in order. */
export function daySlots(hall: Hall, date: string): SlotPlan[] {
  const slots: SlotPlan[] = [];
  for (const period of openPeriods(hall, date)) {
    for (let start = period.from; start + SLOT_MINUTES <= period.to; start += SLOT_MINUTES) {
      slots.push({
        sdbh: String(slots.length + 1).padStart(2, '0'),
        kssj: hhmmOf(start),
        jssj: hhmmOf(start + SLOT_MINUTES),
        startMs: instantOf(date, start),
        endMs: instantOf(date, start + SLOT_MINUTES),
      });
    }
  }
  return slots;
}

/** Seed capacity: two places per window, two of them (one in a small slot) kept for the green channel. */
export function seedCapacity(windows: number): Capacity {
  const zrs = windows * PLACES_PER_WINDOW;
  return { zrs, lszrs: zrs >= 4 ? GREEN_PLACES : 1 };
}

/**
 * Regular places already taken by people outside the sandbox's callers: a
 * seeded share, never all of them, so every seed slot can still be booked
 * (tests make a slot full with PUT /sandbox/hall/slots).
 */
export function seedBookedElsewhere(random: Prng, capacity: Capacity): number {
  const regular = capacity.zrs - capacity.lszrs;
  if (regular <= 1) return 0;
  const share = random.next() * random.next();
  return Math.min(regular - 1, Math.floor(share * regular));
}
