import type { AccountDeletionsRepository } from './account-deletions.repository';
import type { PrivacyRepository } from './privacy.repository';

export interface AccountClosingDeps {
  records: PrivacyRepository;
  deletions: AccountDeletionsRepository;
  /** Ends every session at once; devices learn ACCOUNT_CLOSED on their next request. */
  sessions: { endAllOf(userId: string, reason: 'account_closed'): Promise<number> };
  /** Releases the identity binding (and records it in the binding's history). */
  bindings: { releaseForClosedAccount(userId: string, now: Date): Promise<void> };
}

/** Closed; or waiting for a payment still in flight, to be finished by a later run. */
export type ClosingOutcome = 'closed' | 'waiting-for-payment';

/**
 * 注销账号, the closing itself. Every step is keyed by the account and may
 * run again: a run that dies half-way is finished by the next one, because
 * the deletion document goes last.
 */
export class AccountClosing {
  constructor(private readonly deps: AccountClosingDeps) {}

  async close(deletion: { _id: string; idHash?: string | null | undefined }, now: Date): Promise<ClosingOutcome> {
    const userId = deletion._id;
    const { records } = this.deps;
    const idHash = deletion.idHash ?? (await this.rememberIdHash(userId));

    // Ended first, so no new payment order can be opened while we look at the ones there are.
    await this.deps.sessions.endAllOf(userId, 'account_closed');
    // A pending order may still be paid (its cashier stays open until it expires). The payments
    // sweep closes it at the platform then, or settles it if it was paid, in the one place order
    // states change; the closing waits for that (a later run, after the lease) and so never cuts
    // loose an order whose money is still unknown.
    if (await records.hasPaymentInFlight(userId)) return 'waiting-for-payment';
    await records.stripSessions(userId, now);
    await records.deleteLoginKeys(userId);
    await this.deps.bindings.releaseForClosedAccount(userId, now);
    await records.endFamilyLinks(userId, idHash, now);
    await records.detachCases(userId, now);
    await records.detachPaymentOrders(userId, now);
    await records.deleteAccount(userId, idHash);
    await this.deps.deletions.remove(userId);
    return 'closed';
  }

  /** Keeps the person's ID hash on the deletion, so a rerun after the user document went still finds their snapshots. */
  private async rememberIdHash(userId: string): Promise<string | null> {
    const idHash = await this.deps.records.idHashOf(userId);
    if (idHash) await this.deps.deletions.rememberIdHash(userId, idHash);
    return idHash;
  }
}
