import { Schema, type Connection } from 'mongoose';
import { isDuplicateKey } from './database';
import type { Clock } from './clock';

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

  /** One point from a fixed window's budget, e.g. 10 a (Beijing) day. */
  async hit(key: string, limit: Limit): Promise<Taken> {
    const offset = limit.alignOffsetMs ?? 0;
    const nowMs = this.clock.now().getTime();
    const start = Math.floor((nowMs + offset) / limit.windowMs) * limit.windowMs - offset;
    const windowEnd = new Date(start + limit.windowMs);
    return this.take(`${key}@${start}`, limit.points, windowEnd);
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

  /** Gives a point back, for work that failed before it did anything. */
  async refund(taken: Taken): Promise<void> {
    if (taken.slotId) await this.slots.deleteOne({ _id: taken.slotId });
  }
}
