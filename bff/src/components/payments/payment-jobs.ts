import { toCompactDate } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { PeriodicJob } from '../../libraries/periodic-job';
import type { PaymentsRepository } from './payments.repository';
import type { ReconciliationService } from './reconciliation.service';
import type { SettlementService } from './settlement.service';

/** Orders looked at per sweep and step: a backlog is worked off over several minutes. */
const BATCH = 50;
/** A refund still processing this long after it was asked is asked again. */
const REFUND_RETRY_MS = 60_000;
const HOUR_MS = 3_600_000;

export interface SweepResult {
  closed: number;
  refundsAsked: number;
  feesConfirmed: number;
  refundsRecorded: number;
}

const unavailable = (error: unknown): boolean => error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE';

/**
 * The payments component's background work, on a timer the app starts and
 * stops: every minute the sweep (close expired orders at the platform,
 * finish refunds and approval records an unreachable system left), and once
 * a day after `reconcileHour` (Beijing) the reconciliation of the day before.
 */
export class PaymentJobs {
  private readonly job = new PeriodicJob(async () => {
    try {
      await this.sweep();
      await this.reconcileIfDue();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'payments background run failed; the next one tries again');
    }
  });

  constructor(
    private readonly deps: {
      orders: PaymentsRepository;
      settlement: SettlementService;
      reconciliation: ReconciliationService;
      reconcileHour: number;
      hasReport: (day: string) => Promise<boolean>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  start(everyMs = 60_000): void {
    this.job.start(everyMs);
  }

  stop(): void {
    this.job.stop();
  }

  /** One round of both; a round still running when the next is due is not doubled, a failed one is retried next time. */
  tick(): Promise<void> {
    return this.job.runOnce();
  }

  async sweep(): Promise<SweepResult> {
    const { orders, settlement, clock } = this.deps;
    const now = clock.now();
    const result: SweepResult = { closed: 0, refundsAsked: 0, feesConfirmed: 0, refundsRecorded: 0 };
    for (const order of await orders.expiredPending(now, BATCH)) {
      const after = await this.orSkip(() => settlement.expire(order));
      if (after && after.state !== 'pending') result.closed += 1;
    }
    for (const order of await orders.staleRefunds(new Date(now.getTime() - REFUND_RETRY_MS), BATCH)) {
      if (await this.orSkip(() => settlement.askRefund(order))) result.refundsAsked += 1;
    }
    for (const order of await orders.unconfirmedFees(BATCH)) {
      const after = await this.orSkip(() => settlement.confirmFee(order));
      if (after?.feeConfirmedAt) result.feesConfirmed += 1;
    }
    for (const order of await orders.unrecordedFeeRefunds(BATCH)) {
      const after = await this.orSkip(() => settlement.recordFeeRefund(order));
      if (after?.feeRefundRecordedAt) result.refundsRecorded += 1;
    }
    return result;
  }

  /** Yesterday's (Beijing) reconciliation, once reconcileHour has come and no report for it exists. */
  async reconcileIfDue(): Promise<boolean> {
    const now = this.deps.clock.now();
    const beijingHour = new Date(now.getTime() + 8 * HOUR_MS).getUTCHours();
    if (beijingHour < this.deps.reconcileHour) return false;
    const yesterday = toCompactDate(new Date(now.getTime() - 24 * HOUR_MS));
    const day = `${yesterday.slice(0, 4)}-${yesterday.slice(4, 6)}-${yesterday.slice(6, 8)}`;
    if (await this.deps.hasReport(day)) return false;
    await this.deps.reconciliation.reconcile(day);
    return true;
  }

  /** One order's step; an unreachable platform leaves it for the next sweep. */
  private async orSkip<T>(step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      if (!unavailable(error)) throw error;
      return undefined;
    }
  }
}
