import { AccountClosing } from './account-closing';
import { AccountDeletionService } from './account-deletion.service';
import type { AccountDeletionsRepository } from './account-deletions.repository';
import type { PrivacyRepository } from './privacy.repository';

const NOW = new Date('2026-12-06T08:00:00Z');

/** The closing's collaborators, recording what was done to the account, in order. */
function world(options: { paymentInFlight: boolean }) {
  const steps: string[] = [];
  const step = (name: string) => async (): Promise<void> => {
    steps.push(name);
  };
  const records = {
    idHashOf: async () => 'h',
    hasPaymentInFlight: async () => options.paymentInFlight,
    stripSessions: step('stripSessions'),
    deleteLoginKeys: step('deleteLoginKeys'),
    endFamilyLinks: step('endFamilyLinks'),
    detachCases: step('detachCases'),
    detachPaymentOrders: step('detachPaymentOrders'),
    deleteAccount: step('deleteAccount'),
  } as unknown as PrivacyRepository;
  const due = [{ _id: 'u1', idHash: 'h' }];
  const deletions = {
    rememberIdHash: step('rememberIdHash'),
    remove: step('removeDeletion'),
    claimNextDue: async () => due.shift() ?? null,
  } as unknown as AccountDeletionsRepository;
  const closing = new AccountClosing({
    records,
    deletions,
    sessions: { endAllOf: async () => (steps.push('endSessions'), 1) },
    bindings: { releaseForClosedAccount: step('releaseBinding') },
  });
  const service = new AccountDeletionService({ deletions, closing, clock: { now: () => NOW } });
  return { steps, closing, service };
}

describe('注销账号: payments in flight', () => {
  it('when no payment is in flight, then the account closes, its family links end and its payment orders are detached before it goes', async () => {
    // Arrange
    const { steps, closing } = world({ paymentInFlight: false });

    // Act
    const outcome = await closing.close({ _id: 'u1', idHash: 'h' }, NOW);

    // Assert
    expect(outcome).toBe('closed');
    expect(steps).toEqual([
      'endSessions',
      'stripSessions',
      'deleteLoginKeys',
      'releaseBinding',
      'endFamilyLinks',
      'detachCases',
      'detachPaymentOrders',
      'deleteAccount',
      'removeDeletion',
    ]);
  });

  it('when an order may still be paid, then the sessions end but nothing is detached or deleted, and the request stays for a later run', async () => {
    // Arrange
    const { steps, closing } = world({ paymentInFlight: true });

    // Act
    const outcome = await closing.close({ _id: 'u1', idHash: 'h' }, NOW);

    // Assert
    expect(outcome).toBe('waiting-for-payment');
    expect(steps).toEqual(['endSessions']);
  });

  it('when the only due closing waits for a payment, then the run counts no account closed', async () => {
    // Arrange
    const { service } = world({ paymentInFlight: true });

    // Act
    const closed = await service.runDue(NOW);

    // Assert
    expect(closed).toBe(0);
  });
});
