import jwt from 'jsonwebtoken';
import { deriveKey } from '../../libraries/crypto';
import { AccessTokens } from './access-tokens';

const SECRET = 'unit-test-secret-that-is-long-enough-0123456789';

function clockAt(iso: string) {
  let now = new Date(iso);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('access tokens', () => {
  it('when a token is signed and verified, then the user and session come back', () => {
    // Arrange
    const tokens = new AccessTokens(SECRET, 900, clockAt('2026-11-28T00:00:00Z'));

    // Act
    const claims = tokens.verify(tokens.sign({ userId: 'u1', sessionId: 's1' }));

    // Assert
    expect(claims).toEqual({ userId: 'u1', sessionId: 's1' });
  });

  it('when the token outlives its ttl, then it is TOKEN_EXPIRED', () => {
    const clock = clockAt('2026-11-28T00:00:00Z');
    const tokens = new AccessTokens(SECRET, 900, clock);
    const token = tokens.sign({ userId: 'u1', sessionId: 's1' });

    clock.advance(901_000);

    expect(codeOf(() => tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('when a token already verified outlives its ttl, then it is still TOKEN_EXPIRED', () => {
    const clock = clockAt('2026-11-28T00:00:00Z');
    const tokens = new AccessTokens(SECRET, 900, clock);
    const token = tokens.sign({ userId: 'u1', sessionId: 's1' });
    tokens.verify(token);

    clock.advance(901_000);

    expect(codeOf(() => tokens.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('when the payload is tampered with, then it is TOKEN_INVALID', () => {
    const tokens = new AccessTokens(SECRET, 900, clockAt('2026-11-28T00:00:00Z'));
    const [header, , signature] = tokens.sign({ userId: 'u1', sessionId: 's1' }).split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'u2', sid: 's1', iss: 'suijing-bff', aud: 'suijing-miniapp' }),
    ).toString('base64url');

    expect(codeOf(() => tokens.verify(`${header}.${forged}.${signature}`))).toBe('TOKEN_INVALID');
  });

  it('when the algorithm is none, then it is TOKEN_INVALID', () => {
    const tokens = new AccessTokens(SECRET, 900, clockAt('2026-11-28T00:00:00Z'));
    const unsigned = jwt.sign({ sub: 'u1', sid: 's1' }, '', {
      algorithm: 'none',
      issuer: 'suijing-bff',
      audience: 'suijing-miniapp',
    });

    expect(codeOf(() => tokens.verify(unsigned))).toBe('TOKEN_INVALID');
  });

  it('when the audience or type is wrong, then it is TOKEN_INVALID even with the right key', () => {
    const now = Math.floor(new Date('2026-11-28T00:00:00Z').getTime() / 1000);
    const tokens = new AccessTokens(SECRET, 900, clockAt('2026-11-28T00:00:00Z'));
    const key = deriveKey(SECRET, 'access-token');
    const base = { sid: 's1', iat: now, exp: now + 60 };
    const wrongAudience = jwt.sign(base, key, {
      algorithm: 'HS256',
      issuer: 'suijing-bff',
      audience: 'someone-else',
      subject: 'u1',
      header: { alg: 'HS256', typ: 'at+jwt' },
    });
    const wrongType = jwt.sign(base, key, {
      algorithm: 'HS256',
      issuer: 'suijing-bff',
      audience: 'suijing-miniapp',
      subject: 'u1',
      header: { alg: 'HS256', typ: 'JWT' },
    });

    expect(codeOf(() => tokens.verify(wrongAudience))).toBe('TOKEN_INVALID');
    expect(codeOf(() => tokens.verify(wrongType))).toBe('TOKEN_INVALID');
  });
});
