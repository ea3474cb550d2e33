import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './database';
import type { Clock } from './clock';
import { AppError } from './errors';

/**
 * One document per point taken: "<budget>#<n>". Taking a point is an insert
 * whose _id is unique, the one write that is atomic on every server we run on
 * (FerretDB 1.x does not make $inc or conditional updates atomic under
 * concurrency), so a budget is never overspent by racing requests or instances.
 */
const slotSchema = new Schema(
  {
    _id: { type: String, required: true },
    budget: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    /** Rolling windows only: the point's number in its budget, and when it stops counting. */
    seq: { type: Number },
    until: { type: Date },
  },
  { versionKey: false, collection: 'rate_limit_slots' },
);
slotSchema.index({ budget: 1 });
slotSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface Limit {
  /** Requests allowed per window. */
  points: number;
  windowMs: number;
  /** Shifts window boundaries, e.g. +8 h so a "day" is a Beijing calendar day. */
  alignOffsetMs?: number;
}

/** At most `points` in any `windowMs`, counted back from now rather than from a calendar boundary. */
export interface RollingLimit {
  points: number;
  windowMs: number;
}

/**
 * A rolling window's points outlive their window by this much before they may
 * be swept: the newest point's number is what makes racing takers collide, so
 * it must not vanish while the budget is in use.
 */
const ROLLING_KEEP_MS = 86_400_000;

export interface Taken {
  allowed: boolean;
  /** Points used including this one (points + 1 when refused). */
  count: number;
  retryAfterSeconds: number;
  /** Identifies the point taken, to give it back with refund(). */
  slotId: string | null;
}

export function rateLimitModels(connection: Connection) {
  return { RateLimitSlot: connection.model('RateLimitSlot', slotSchema) };
}
type SlotModel = ReturnType<typeof rateLimitModels>['RateLimitSlot'];

/** Budgets of points in MongoDB, shared by every BFF instance. */
export class RateLimiter {
  constructor(
    private readonly slots: SlotModel,
    private readonly clock: Clock,
  ) {}

  /** One point from a fixed window's budget, or 429 RATE_LIMITED with `message` and when to retry. */
  async demand(key: string, limit: Limit, message: string): Promise<void> {
    const taken = await this.hit(key, limit);
    if (!taken.allowed)
      throw new AppError({ code: 'RATE_LIMITED', message, retryAfterSeconds: taken.retryAfterSeconds });
  }

  /** One point from a fixed window's budget, e.g. 10 a (Beijing) day. */
  async hit(key: string, limit: Limit): Promise<Taken> {
    const offset = limit.alignOffsetMs ?? 0;
    const nowMs = this.clock.now().getTime();
    const start = Math.floor((nowMs + offset) / limit.windowMs) * limit.windowMs - offset;
    const windowEnd = new Date(start + limit.windowMs);
    return this.take(`${key}@${start}`, limit.points, windowEnd);
  }

  /**
   * One point from a rolling window, e.g. one SMS per 60 s since the last one
   * (a fixed window would let two through a second apart across its boundary).
   * Points are numbered; the next is an insert of "<key>~<n+1>", so of racing
   * takers that saw the same newest point exactly one gets it.
   */
  async hitRolling(key: string, limit: RollingLimit): Promise<Taken> {
    // Each lost race means another taker got a point; after `points` of them the window is surely full.
    for (let attempt = 0; attempt <= limit.points; attempt += 1) {
      const nowMs = this.clock.now().getTime();
      const recent = await this.slots
        .find({ budget: key }, { seq: 1, until: 1 })
        .sort({ seq: -1 })
        .limit(limit.points)
        .lean();
      const counting = recent.filter((point) => (point.until?.getTime() ?? 0) > nowMs);
      if (counting.length >= limit.points) {
        const freedAt = Math.min(...counting.map((point) => point.until?.getTime() ?? nowMs));
        return {
          allowed: false,
          count: limit.points + 1,
          retryAfterSeconds: Math.max(1, Math.ceil((freedAt - nowMs) / 1000)),
          slotId: null,
        };
      }
      const seq = (recent[0]?.seq ?? 0) + 1;
      const slotId = `${key}~${seq}`;
      const until = nowMs + limit.windowMs;
      try {
        await this.slots.create({
          _id: slotId,
          budget: key,
          seq,
          until: new Date(until),
          expiresAt: new Date(until + ROLLING_KEEP_MS),
        });
        return {
          allowed: true,
          count: counting.length + 1,
          retryAfterSeconds: Math.ceil(limit.windowMs / 1000),
          slotId,
        };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return {
      allowed: false,
      count: limit.points + 1,
      retryAfterSeconds: Math.ceil(limit.windowMs / 1000),
      slotId: null,
    };
  }

  /** One point from a budget that lasts until expiresAt, e.g. five tries at one SMS code. */
  async take(budget: string, points: number, expiresAt: Date): Promise<Taken> {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - this.clock.now().getTime()) / 1000));
    // Start after the points already taken; a lost race just moves on to the next slot.
    const used = await this.slots.countDocuments({ budget });
    for (let slot = used + 1; slot <= points; slot += 1) {
      const slotId = `${budget}#${slot}`;
      try {
        await this.slots.create({ _id: slotId, budget, expiresAt });
        return { allowed: true, count: slot, retryAfterSeconds, slotId };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return { allowed: false, count: points + 1, retryAfterSeconds, slotId: null };
  }

  /**
   * One point from `budget` and, in the same insert, the single point of
   * `once` (a login code's try and its one use): one round trip where a count
   * and two inserts were. The first slot is tried before counting, as a first
   * try is the usual case. `once` is false when that single point was gone.
   */
  async takeWithOnce(
    budget: string,
    points: number,
    once: string,
    expiresAt: Date,
  ): Promise<Taken & { once: boolean }> {
    const retryAfterSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - this.clock.now().getTime()) / 1000));
    let slot = 1;
    let counted = false;
    while (slot <= points) {
      const slotId = `${budget}#${slot}`;
      const inserted = await this.insertInOrder([
        { _id: slotId, budget, expiresAt },
        { _id: `${once}#1`, budget: once, expiresAt },
      ]);
      if (inserted > 0) return { allowed: true, count: slot, retryAfterSeconds, slotId, once: inserted === 2 };
      // The first slot was taken: start after the points already taken; a lost race moves on to the next.
      slot = counted ? slot + 1 : (await this.slots.countDocuments({ budget })) + 1;
      counted = true;
    }
    return { allowed: false, count: points + 1, retryAfterSeconds, slotId: null, once: false };
  }

  /** Inserts in order, stopping at the first slot already taken; how many went in. */
  private async insertInOrder(slots: Array<{ _id: string; budget: string; expiresAt: Date }>): Promise<number> {
    try {
      await this.slots.insertMany(slots, { ordered: true, lean: true });
      return slots.length;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return (error as { insertedCount?: number }).insertedCount ?? 0;
    }
  }

  /** Gives a point back, for work that failed before it did anything. */
  async refund(taken: Taken): Promise<void> {
    if (taken.slotId) await this.slots.deleteOne({ _id: taken.slotId });
  }
}
