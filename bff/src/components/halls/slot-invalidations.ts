import { randomUUID } from 'node:crypto';
import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import { PeriodicJob } from '../../libraries/periodic-job';
import type { SlotChange } from './slot-cache';
import type { SlotInvalidationDocument, SlotInvalidationModel } from './slot-invalidation.model';

/**
 * How far back (by this instance's clock) each poll reads: the poll interval
 * plus room for instances whose clocks are a few seconds apart. A record is
 * acted on once however many polls read it.
 */
const LOOKBACK_MS = 5_000;

/**
 * Slot changes told to every instance through MongoDB: the instance that
 * booked drops its cached slots at once and writes a record; every instance
 * reads the records of the last seconds once a second (one query, whatever
 * the traffic) and drops what they name. So another instance shows a taken
 * place within about a second; the hall system still refuses a place that is
 * gone (SLOT_FULL) whatever a cache showed.
 */
export class SlotInvalidations {
  private readonly job = new PeriodicJob(() => this.pollReporting());
  private failing = false;
  /** Records already acted on (their own and others'), by id, with their time; forgotten after LOOKBACK_MS. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly deps: {
      model: SlotInvalidationModel;
      clock: Clock;
      logger: Logger;
      drop: (change: SlotChange) => void;
    },
  ) {}

  /**
   * Drops the changed days here and tells the other instances. Never throws:
   * the booking is made whatever happens here; if the record cannot be
   * written the others show the old places until their cache time ends.
   */
  async announce(changes: readonly SlotChange[]): Promise<void> {
    for (const change of changes) this.deps.drop(change);
    const at = this.deps.clock.now();
    const records = changes.map((change) => ({ _id: randomUUID(), ...change, at }));
    for (const record of records) this.seen.set(record._id, at.getTime());
    try {
      await this.deps.model.insertMany(records, { lean: true });
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'slot change not recorded; other instances see it when their cache ends');
    }
  }

  /** Reads the recent records and drops the days they name; how many were new. */
  async poll(): Promise<number> {
    const sinceMs = this.deps.clock.now().getTime() - LOOKBACK_MS;
    const records = await this.deps.model
      .find({ at: { $gte: new Date(sinceMs) } })
      .lean<SlotInvalidationDocument[]>()
      .exec();
    let dropped = 0;
    for (const record of records) {
      if (this.seen.has(record._id)) continue;
      this.seen.set(record._id, record.at.getTime());
      this.deps.drop({ hallId: record.hallId, business: record.business, date: record.date });
      dropped += 1;
    }
    for (const [id, at] of this.seen) if (at < sinceMs) this.seen.delete(id);
    return dropped;
  }

  start(everyMs = 1000): void {
    this.job.start(everyMs);
  }

  stop(): void {
    this.job.stop();
  }

  /** One poll; a failing database is reported once, not every second. */
  private async pollReporting(): Promise<void> {
    try {
      await this.poll();
      if (this.failing) this.deps.logger.info('slot changes read again from MongoDB');
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.deps.logger.warn({ err: error }, 'slot changes cannot be read; cached slots end with their cache time');
      }
      this.failing = true;
    }
  }
}
