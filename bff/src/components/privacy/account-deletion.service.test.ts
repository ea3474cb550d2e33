import { AccountDeletionSchema } from '@suijing/shared';
import { closingTime, toAccountDeletion } from './account-deletion.service';

describe('注销账号: the cooling-off', () => {
  it('when closing is asked, then it is due seven days later to the millisecond', () => {
    const requestedAt = new Date('2026-11-28T15:59:59.123Z');

    expect(closingTime(requestedAt).toISOString()).toBe('2026-12-05T15:59:59.123Z');
  });

  it('when nothing is pending, then the status is none without dates', () => {
    const view = toAccountDeletion(null);

    expect(view).toEqual({ status: 'none' });
    expect(AccountDeletionSchema.parse(view)).toEqual(view);
  });

  it('when closing is pending, then the status shows when it was asked and when it happens', () => {
    const requestedAt = new Date('2026-11-28T03:00:00Z');

    const view = toAccountDeletion({ requestedAt, scheduledFor: closingTime(requestedAt) });

    expect(view).toEqual({
      status: 'scheduled',
      requestedAt: '2026-11-28T03:00:00.000Z',
      scheduledFor: '2026-12-05T03:00:00.000Z',
    });
    expect(AccountDeletionSchema.parse(view)).toEqual(view);
  });
});
