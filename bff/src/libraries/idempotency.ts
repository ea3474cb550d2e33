import { createHash, randomUUID } from 'node:crypto';
import { IdempotencyKeySchema } from '@suijing/shared';
import { Schema, type Connection } from 'mongoose';
import type { Clock } from './clock';
import { isDuplicateKey } from './database';
import { AppError } from './errors';

/**
 * One document per (user, Idempotency-Key): the first request inserts it
 * (unique _id, the one operation that is atomic on every server we run on)
 * and does the work; every repeat gets the stored answer. A repeat while the
 * work is in flight waits for it. If the worker died, its lease lapses and a
 * repeat does the work again with the same `operationId`, which the
 * upstream deduplicates on, so the work still happens once.
 */
const idempotencySchema = new Schema(
  {
    _id: { type: String, required: true },
    requestHash: { type: String, required: true },
    /** Handed to the upstream as its deduplication key (e.g. the approval system's wbbh). */
    operationId: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    leaseUntil: { type: Date, required: true },
    response: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);
idempotencySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export function idempotencyModels(connection: Connection) {
  return { IdempotencyKey: connection.model('IdempotencyKey', idempotencySchema) };
}
type IdempotencyModel = ReturnType<typeof idempotencyModels>['IdempotencyKey'];

interface KeyDocument {
  _id: string;
  requestHash: string;
  operationId: string;
  state: 'pending' | 'done';
  leaseUntil: Date;
  response?: { status: number; body: unknown };
  expiresAt: Date;
}

export interface StoredResponse<T> {
  status: number;
  body: T;
}

export interface IdempotencyOptions {
  /** How long a worker may hold a key before a repeat takes over. */
  leaseMs: number;
  /** How long keys (and their answers) are kept. */
  retentionMs: number;
  /** How long a repeat waits for an in-flight first request before answering 409. */
  waitMs: number;
}

/** The same request gives the same hash whatever order its keys came in (what a repeat is compared by). */
export function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

/** The request's Idempotency-Key header, or 400 IDEMPOTENCY_KEY_REQUIRED. */
export function idempotencyKeyOf(ctx: { get(field: string): string }): string {
  const key = IdempotencyKeySchema.safeParse(ctx.get('idempotency-key'));
  if (!key.success) throw new AppError({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  return key.data;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class IdempotencyStore {
  constructor(
    private readonly keys: IdempotencyModel,
    private readonly clock: Clock,
    private readonly options: IdempotencyOptions,
  ) {}

  /**
   * Runs `work` once per (scope, key) and request. A repeat with a different
   * request is refused (IDEMPOTENCY_KEY_REUSED). Failures release the key so
   * a repeat tries again with the same operation id.
   */
  async run<T>(
    scope: string,
    key: string,
    requestHash: string,
    work: (operationId: string) => Promise<StoredResponse<T>>,
  ): Promise<StoredResponse<T>> {
    const id = `${scope}:${key}`;
    const waitUntil = Date.now() + this.options.waitMs;
    for (;;) {
      const claim = await this.claim(id, requestHash);
      if (claim.kind === 'done') return claim.response as StoredResponse<T>;
      if (claim.kind === 'mine') return this.perform(id, claim.operationId, work);
      if (Date.now() >= waitUntil) throw new AppError({ code: 'SUBMISSION_IN_PROGRESS' });
      await sleep(100);
    }
  }

  private async claim(
    id: string,
    requestHash: string,
  ): Promise<{ kind: 'done'; response: unknown } | { kind: 'mine'; operationId: string } | { kind: 'busy' }> {
    const now = this.clock.now();
    try {
      const operationId = randomUUID();
      // Every field given, so a lean insert: no mongoose document built and validated on each submission.
      await this.keys.insertMany(
        [
          {
            _id: id,
            requestHash,
            operationId,
            state: 'pending',
            leaseUntil: new Date(now.getTime() + this.options.leaseMs),
            createdAt: now,
            expiresAt: new Date(now.getTime() + this.options.retentionMs),
          },
        ],
        { lean: true },
      );
      return { kind: 'mine', operationId };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await this.keys.findById(id).lean<KeyDocument>();
    if (!existing) return { kind: 'busy' };
    if (existing.requestHash !== requestHash) throw new AppError({ code: 'IDEMPOTENCY_KEY_REUSED' });
    if (existing.state === 'done') return { kind: 'done', response: existing.response };
    if (existing.leaseUntil.getTime() > now.getTime()) return { kind: 'busy' };
    // The first worker died or failed: take over. Two takers at once both use the same operation id.
    await this.keys.updateOne(
      { _id: id, state: 'pending' },
      { $set: { leaseUntil: new Date(now.getTime() + this.options.leaseMs) } },
    );
    return { kind: 'mine', operationId: existing.operationId };
  }

  private async perform<T>(
    id: string,
    operationId: string,
    work: (operationId: string) => Promise<StoredResponse<T>>,
  ): Promise<StoredResponse<T>> {
    let response: StoredResponse<T>;
    try {
      response = await work(operationId);
    } catch (error) {
      // Let the next repeat try again at once (with the same operation id).
      await this.keys
        .updateOne({ _id: id, state: 'pending' }, { $set: { leaseUntil: new Date(0) } })
        .catch(() => undefined);
      throw error;
    }
    await this.keys.updateOne({ _id: id }, { $set: { state: 'done', response } });
    return response;
  }
}
