import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { isDuplicateKey } from './database';
import type { Clock } from './clock';

const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'rate_limits' },
);
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

type Counter = InferSchemaType<typeof counterSchema>;

export interface Limit {
  /** Requests allowed per window. */
  points: number;
  windowMs: number;
  /** Shifts window boundaries, e.g. +8 h so a "day" is a Beijing calendar day. */
  alignOffsetMs?: number;
}

export interface Hit {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

export function rateLimitModels(connection: Connection) {
  return { RateCounter: connection.model('RateCounter', counterSchema) };
}
type CounterModel = ReturnType<typeof rateLimitModels>['RateCounter'];

/**
 * Fixed-window counters in MongoDB, so limits hold across every BFF instance.
 * One atomic upsert per hit; works on servers without TTL support because the
 * window is part of the key.
 */
export class RateLimiter {
  constructor(
    private readonly counters: CounterModel,
    private readonly clock: Clock,
  ) {}

  async hit(key: string, limit: Limit): Promise<Hit> {
    const { id, windowEnd } = this.window(key, limit);
    const count = await this.increment(id, windowEnd, 1);
    const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd.getTime() - this.clock.now().getTime()) / 1000));
    return { allowed: count <= limit.points, count, retryAfterSeconds };
  }

  /** Gives a point back, for work that failed before it did anything. */
  async refund(key: string, limit: Limit): Promise<void> {
    const { id } = this.window(key, limit);
    await this.counters.updateOne({ _id: id, count: { $gt: 0 } }, { $inc: { count: -1 } });
  }

  private window(key: string, limit: Limit): { id: string; windowEnd: Date } {
    const offset = limit.alignOffsetMs ?? 0;
    const nowMs = this.clock.now().getTime();
    const start = Math.floor((nowMs + offset) / limit.windowMs) * limit.windowMs - offset;
    return { id: `${key}@${start}`, windowEnd: new Date(start + limit.windowMs) };
  }

  private async increment(id: string, expiresAt: Date, by: number): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const row = await this.counters
          .findOneAndUpdate(
            { _id: id },
            { $inc: { count: by }, $setOnInsert: { expiresAt } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<Counter>();
        return row?.count ?? by;
      } catch (error) {
        // Two first hits raced to insert the window's row; the retry increments it.
        if (!isDuplicateKey(error) || attempt > 0) throw error;
      }
    }
  }
}
