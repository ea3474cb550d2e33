import { IN_PERSON_RECENT_SECONDS } from '@suijing/shared';
import { MeAnswers } from './me-answers';
import type { UserDocument } from './user.model';
import { toUserView } from './users.view';

const NOW = Date.parse('2026-12-06T08:00:00.000Z');

function verifiedUser(): UserDocument {
  return {
    _id: '3f1c2d4e-1234-4abc-9def-0123456789ab',
    phone: '13812341234',
    realNameStatus: 'verified',
    realName: {
      nameSealed: 'x',
      idNumberSealed: 'y',
      idHash: 'z',
      method: 'register',
      verifiedAt: new Date(NOW - 60_000),
      bound: true,
    },
    createdAt: new Date(NOW - 3_600_000),
  } as UserDocument;
}

const parse = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as { assurance: { level: string } };

describe('MeAnswers', () => {
  it('when the same account and session ask again, then they get the same bytes as the view encodes', () => {
    // Arrange
    const answers = new MeAnswers();
    const user = verifiedUser();
    const session = { loginMethod: 'sms' as const, inPersonAtMs: null };

    // Act
    const first = answers.answer(user, session, NOW);
    const again = answers.answer(user, session, NOW + 1_000);

    // Assert
    expect(again).toBe(first);
    expect(first.bytes.toString('utf8')).toBe(JSON.stringify(toUserView(user, session, NOW)));
  });

  it('when a recent in-person check stops being recent, then the answer says L2 from that moment', () => {
    // Arrange
    const answers = new MeAnswers();
    const user = verifiedUser();
    const session = { loginMethod: 'sms' as const, inPersonAtMs: NOW };
    const lastRecentMs = NOW + IN_PERSON_RECENT_SECONDS * 1000;

    // Act
    const recent = answers.answer(user, session, NOW);
    const atEdge = answers.answer(user, session, lastRecentMs);
    const after = answers.answer(user, session, lastRecentMs + 1);

    // Assert
    expect(parse(recent.bytes).assurance.level).toBe('L3');
    expect(parse(atEdge.bytes).assurance.level).toBe('L3');
    expect(parse(after.bytes).assurance.level).toBe('L2');
  });

  it('when the account is read again or another session asks, then each gets its own answer', () => {
    // Arrange
    const answers = new MeAnswers();
    const before = { ...verifiedUser(), realNameStatus: 'unverified', realName: undefined } as UserDocument;
    const reread = verifiedUser();

    // Act
    const old = answers.answer(before, { loginMethod: 'sms', inPersonAtMs: null }, NOW);
    const fresh = answers.answer(reread, { loginMethod: 'sms', inPersonAtMs: null }, NOW);
    const wechat = answers.answer(reread, { loginMethod: 'wechat', inPersonAtMs: null }, NOW);

    // Assert
    expect(JSON.parse(old.bytes.toString())).toMatchObject({ realNameStatus: 'unverified' });
    expect(JSON.parse(fresh.bytes.toString())).toMatchObject({ realNameStatus: 'verified', loginMethod: 'sms' });
    expect(JSON.parse(wechat.bytes.toString())).toMatchObject({ loginMethod: 'wechat' });
  });
});
