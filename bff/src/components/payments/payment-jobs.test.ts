import { createLogger } from '../../libraries/logger';
import { PaymentJobs } from './payment-jobs';
import type { PaymentsRepository } from './payments.repository';
import type { ReconciliationService } from './reconciliation.service';
import type { SettlementService } from './settlement.service';

/** Jobs over a clock the test sets, with the reconciliation recorded instead of run. */
function jobsAt(instant: string, reports: Set<string>) {
  const reconciled: string[] = [];
  const reconciliation = {
    reconcile: async (day: string) => {
      reconciled.push(day);
      reports.add(day);
      return { day, ranAt: instant, matched: 0, fixed: [], differences: [] };
    },
  } as Pick<ReconciliationService, 'reconcile'> as ReconciliationService;
  const jobs = new PaymentJobs({
    orders: {} as PaymentsRepository,
    settlement: {} as SettlementService,
    reconciliation,
    reconcileHour: 2,
    hasReport: async (day) => reports.has(day),
    clock: { now: () => new Date(instant) },
    logger: createLogger({ level: 'silent' }),
  });
  return { jobs, reconciled };
}

describe('the daily reconciliation timer', () => {
  it('when it is 01:59 in Beijing, then yesterday is not reconciled yet', async () => {
    // Arrange
    const { jobs, reconciled } = jobsAt('2026-12-06T17:59:00Z', new Set());

    // Act
    const ran = await jobs.reconcileIfDue();

    // Assert
    expect(ran).toBe(false);
    expect(reconciled).toEqual([]);
  });

  it('when 02:00 Beijing has come, then the Beijing day before is reconciled once, and not again while its report exists', async () => {
    // Arrange: 2026-12-07 02:00 in Beijing.
    const reports = new Set<string>();
    const { jobs, reconciled } = jobsAt('2026-12-06T18:00:00Z', reports);

    // Act
    const first = await jobs.reconcileIfDue();
    const second = await jobs.reconcileIfDue();

    // Assert
    expect(first).toBe(true);
    expect(second).toBe(false);
    expect(reconciled).toEqual(['2026-12-06']);
  });
});
