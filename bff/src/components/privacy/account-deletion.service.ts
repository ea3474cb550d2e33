import type { AccountDeletion } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { AccountClosing } from './account-closing';
import type { AccountDeletionDocument } from './account-deletion.model';
import type { AccountDeletionsRepository } from './account-deletions.repository';

/** The cooling-off: the account closes this long after the request, unless cancelled before. */
export const ACCOUNT_DELETION_COOLING_OFF_DAYS = 7;

/** How long a run holds a closing before another run may take it over (it died, or is stuck). */
const CLOSING_LEASE_MS = 5 * 60_000;

/** Accounts one run closes at most; the next run (a minute later) takes the rest. */
const CLOSINGS_PER_RUN = 20;

export function toAccountDeletion(doc: Pick<AccountDeletionDocument, 'requestedAt' | 'scheduledFor'> | null) {
  const view: AccountDeletion = doc
    ? { status: 'scheduled', requestedAt: doc.requestedAt.toISOString(), scheduledFor: doc.scheduledFor.toISOString() }
    : { status: 'none' };
  return view;
}

/** When a request made at `requestedAt` closes the account. */
export function closingTime(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + ACCOUNT_DELETION_COOLING_OFF_DAYS * 86_400_000);
}

export interface AccountDeletionServiceDeps {
  deletions: AccountDeletionsRepository;
  closing: AccountClosing;
  clock: Clock;
}

/**
 * 注销账号 with a cooling-off: the request (after a fresh in-person check)
 * schedules closing 7 days ahead; until then the account works as before and
 * the person sees the date and may cancel. `runDue`, called every minute,
 * closes the accounts whose time has come.
 */
export class AccountDeletionService {
  constructor(private readonly deps: AccountDeletionServiceDeps) {}

  async status(userId: string): Promise<AccountDeletion> {
    return toAccountDeletion(await this.deps.deletions.find(userId));
  }

  /** Schedules closing; asking again answers the same date (the first request holds). */
  async schedule(userId: string): Promise<AccountDeletion> {
    const requestedAt = this.deps.clock.now();
    return toAccountDeletion(await this.deps.deletions.scheduleOnce(userId, requestedAt, closingTime(requestedAt)));
  }

  /** Cancels a pending closing; once a run has begun closing the account it is too late. */
  async cancel(userId: string): Promise<void> {
    if (!(await this.deps.deletions.cancelUnclaimed(userId)))
      throw new AppError({ code: 'ACCOUNT_DELETION_NOT_FOUND' });
  }

  /**
   * Closes the accounts due at `now`, one at a time; how many closed. A
   * closing that fails throws, and one waiting for a payment in flight stops
   * short; either way its lease keeps the next runs on the others for a few
   * minutes, then one of them takes it up again and finishes it.
   */
  async runDue(now: Date): Promise<number> {
    let closed = 0;
    for (let taken = 0; taken < CLOSINGS_PER_RUN; taken += 1) {
      const due = await this.deps.deletions.claimNextDue(now, new Date(now.getTime() + CLOSING_LEASE_MS));
      if (!due) break;
      if ((await this.deps.closing.close(due, now)) === 'closed') closed += 1;
    }
    return closed;
  }
}
