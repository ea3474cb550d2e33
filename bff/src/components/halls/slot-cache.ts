import { JsonBytes } from '../../libraries/json-bytes';
import { TtlCache, type CacheObserver } from '../../libraries/ttl-cache';

/** A day's slots of a hall for a business; '' for the first bookable day (asked without a date). */
export function slotsKey(hallId: string, business: string, date: string): string {
  return `${hallId}|${business}|${date}`;
}

/** The places of a hall for a business on a day (yyyy-MM-dd) changed. */
export interface SlotChange {
  hallId: string;
  business: string;
  date: string;
}

/** An encoded answer and the instant it stops being true by our clock (the next slot may have started). */
export interface SlotAnswer {
  bytes: JsonBytes;
  untilMs: number;
}

interface Flight {
  promise: Promise<SlotAnswer>;
  /** False once the key was dropped while the hall system was being asked: its answer may predate the change. */
  current: boolean;
}

/**
 * The hall system's slots, encoded once and served for up to `ttlMs` per
 * instance. Concurrent misses of one key share one question to the system.
 * `drop` forgets a key at once, and an answer still on its way when the key
 * is dropped is handed to those waiting for it but not kept: it may have been
 * read before the booking that dropped the key.
 */
export class SlotCache {
  private readonly entries: TtlCache<SlotAnswer>;
  private readonly flights = new Map<string, Flight>();

  constructor(
    private readonly ttlMs: number,
    maxEntries = 2000,
    observer?: CacheObserver,
  ) {
    this.entries = new TtlCache(ttlMs, maxEntries, observer);
  }

  async get(key: string, nowMs: number, load: () => Promise<SlotAnswer>): Promise<JsonBytes> {
    if (this.ttlMs <= 0) return (await load()).bytes;
    const hit = this.entries.get(key, nowMs);
    if (hit && hit.untilMs > nowMs) return hit.bytes;
    const pending = this.flights.get(key);
    if (pending) return (await pending.promise).bytes;
    const flight: Flight = { promise: load(), current: true };
    this.flights.set(key, flight);
    try {
      const answer = await flight.promise;
      if (flight.current) this.entries.set(key, answer, nowMs);
      return answer.bytes;
    } finally {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    }
  }

  /** Forgets the day's answer, and the answer for the first bookable day, which may be that day. */
  drop(change: SlotChange): void {
    this.forget(slotsKey(change.hallId, change.business, change.date));
    this.forget(slotsKey(change.hallId, change.business, ''));
  }

  private forget(key: string): void {
    this.entries.delete(key);
    const flight = this.flights.get(key);
    if (!flight) return;
    flight.current = false;
    this.flights.delete(key);
  }
}
