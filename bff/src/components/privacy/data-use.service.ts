import { randomBytes } from 'node:crypto';
import type { DataUseList, DataUseRecord } from '@suijing/shared';
import type { DataUse } from '../../libraries/assurance';
import type { Clock } from '../../libraries/clock';
import { TtlCache, type CacheObserver } from '../../libraries/ttl-cache';
import type { DataUseDocument } from './data-use.model';
import type { DataUseRepository } from './data-use.repository';

/** How long a read stays in the record (PIPL: no longer than needed; long enough to notice misuse). */
export const DATA_USE_RETENTION_DAYS = 180;

/**
 * Reads of the same kind by the same session within this window are one use
 * (the 电子驾驶证 renews its QR every minute; a list is pulled to refresh):
 * one record says the same to the person, and costs one write, not dozens.
 */
export const DATA_USE_COALESCE_MS = 5 * 60_000;

/** The most records a personal-information copy carries (about 50 reads a day for 180 days). */
const EXPORT_LIMIT = 10_000;

/** Who read: the person's hash, the account and session, the device kind, the account as the person may see it. */
export interface DataUseReader {
  idHash: string;
  userId: string;
  sessionId: string;
  client: { platform: string; model: string | null };
  /** Masked: 138****1234, or 微信用户 (identity.service accountLabel). */
  account: string;
}

export function toDataUseRecord(doc: DataUseDocument, currentSessionId: string): DataUseRecord {
  return {
    id: doc._id,
    at: doc.at.toISOString(),
    feature: doc.feature,
    what: doc.what,
    device: { platform: doc.client?.platform ?? 'other', model: doc.client?.model ?? null },
    account: doc.account,
    thisSession: doc.sessionId === currentSessionId,
  };
}

export interface DataUseServiceDeps {
  repository: Pick<DataUseRepository, 'add' | 'page'>;
  clock: Clock;
  cacheObserver?: CacheObserver | undefined;
}

/**
 * 个人信息使用记录: every read of a person's records by the BFF, kept 180
 * days, listed to the person newest first. The values read are never
 * stored or logged here, only what was read, when and by which device.
 */
export class DataUseService {
  private sequence = 0;
  /** Per instance: which session read which kind lately (another instance may record the same use once more). */
  private readonly recent: TtlCache<true>;

  constructor(private readonly deps: DataUseServiceDeps) {
    this.recent = new TtlCache<true>(DATA_USE_COALESCE_MS, 100_000, deps.cacheObserver);
  }

  /**
   * Ids that sort by time, then by order within this instance, so reads made
   * in the same millisecond still list newest first (the list sorts by at, _id).
   */
  private nextId(at: Date): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    const order = `${at.getTime().toString(36).padStart(9, '0')}${this.sequence.toString(36).padStart(4, '0')}`;
    return `du_${order}_${randomBytes(6).toString('base64url')}`;
  }

  /**
   * Records a use; `each` records every one (an act done for someone, e.g. a case filed by a
   * family member) where reads of the same kind by the same session would be one use.
   */
  async record(reader: DataUseReader, use: DataUse, options: { each?: boolean } = {}): Promise<void> {
    const at = this.deps.clock.now();
    // Per person too: one session may act for several family members, each with a record of their own.
    const key = `${reader.sessionId}:${reader.idHash}:${use.feature}`;
    if (!options.each && this.recent.get(key, at.getTime())) return;
    await this.deps.repository.add({
      _id: this.nextId(at),
      idHash: reader.idHash,
      userId: reader.userId,
      sessionId: reader.sessionId,
      client: { platform: reader.client.platform, model: reader.client.model },
      account: reader.account,
      feature: use.feature,
      what: use.what,
      at,
      expiresAt: new Date(at.getTime() + DATA_USE_RETENTION_DAYS * 86_400_000),
    });
    this.recent.set(key, true, at.getTime());
  }

  /** The person's records across accounts, newest first; `thisSession` marks the caller's own session. */
  async list(
    idHash: string,
    currentSessionId: string,
    paging: { page: number; pageSize: number },
  ): Promise<DataUseList> {
    const { page, pageSize } = paging;
    const { rows, total } = await this.deps.repository.page(idHash, this.deps.clock.now(), page, pageSize);
    return {
      items: rows.map((row) => toDataUseRecord(row, currentSessionId)),
      page,
      pageSize,
      total,
      retentionDays: DATA_USE_RETENTION_DAYS,
    };
  }

  /** The whole record, for the personal-information copy. */
  async everything(idHash: string, currentSessionId: string): Promise<DataUseRecord[]> {
    const { rows } = await this.deps.repository.page(idHash, this.deps.clock.now(), 1, EXPORT_LIMIT);
    return rows.map((row) => toDataUseRecord(row, currentSessionId));
  }
}
