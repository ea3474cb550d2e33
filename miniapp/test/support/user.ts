import type { User } from '@suijing/shared';

/** The citizen the tests log in as (an SMS login, not yet real-name verified). */
export const TEST_USER: User = {
  id: 'u1',
  phoneMasked: '138****1234',
  loginMethod: 'sms',
  realNameStatus: 'unverified',
  assurance: { level: 'L1', inPersonAt: null },
  createdAt: '2026-11-01T00:00:00.000Z',
};
