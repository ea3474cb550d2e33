import { SandboxClock } from '../../core/clock';
import {
  ACCESS_TOKEN_TTL_MS,
  AccessTokens,
  FORCE_REFRESH_GAP_MS,
  FORCE_REFRESH_PER_DAY,
  RENEW_BEFORE_MS,
  type TokenAnswer,
} from './access-tokens';

function tokenOf(answer: TokenAnswer): string {
  if (!answer.ok) throw new Error(`expected a token, got ${answer.reason}`);
  return answer.token;
}

describe('AccessTokens.check (for the WeChat APIs that take access_token)', () => {
  it('when the current token is checked, then it is valid until it runs out, then expired', () => {
    // Arrange
    const clock = new SandboxClock();
    const tokens = new AccessTokens(clock);
    const token = tokenOf(tokens.get(false));

    // Act
    const fresh = tokens.check(token);
    clock.advance(ACCESS_TOKEN_TTL_MS);
    const old = tokens.check(token);

    // Assert
    expect(fresh).toBe('valid');
    expect(old).toBe('expired');
  });

  it('when a token was replaced by force_refresh, then it is invalid (40001, "not latest"); unknown tokens too', () => {
    // Arrange
    const tokens = new AccessTokens(new SandboxClock());
    const replaced = tokenOf(tokens.get(false));
    const current = tokenOf(tokens.get(true));

    // Act / Assert
    expect(tokens.check(replaced)).toBe('invalid');
    expect(tokens.check(current)).toBe('valid');
    expect(tokens.check('86_made-up')).toBe('invalid');
  });
});

describe('AccessTokens.get', () => {
  it('when the current token has five minutes left, then normal mode hands out the next one and the old one still works to its end', () => {
    // Arrange
    const clock = new SandboxClock();
    const tokens = new AccessTokens(clock);
    const first = tokenOf(tokens.get(false));
    clock.advance(ACCESS_TOKEN_TTL_MS - RENEW_BEFORE_MS);

    // Act
    const next = tokens.get(false);

    // Assert
    expect(next).toEqual({ ok: true, token: expect.any(String), expiresIn: 7200 });
    expect(tokenOf(next)).not.toBe(first);
    expect(tokens.check(first)).toBe('valid');
    clock.advance(RENEW_BEFORE_MS);
    expect(tokens.check(first)).toBe('expired');
  });

  it('when force_refresh comes again within 30 s, then nothing is refreshed and the current token comes back', () => {
    // Arrange
    const clock = new SandboxClock();
    const tokens = new AccessTokens(clock);
    const forced = tokenOf(tokens.get(true));
    clock.advance(FORCE_REFRESH_GAP_MS - 1000);

    // Act
    const again = tokenOf(tokens.get(true));
    clock.advance(1000);
    const later = tokenOf(tokens.get(true));

    // Assert
    expect(again).toBe(forced);
    expect(later).not.toBe(forced);
  });

  it('when force_refresh was used 20 times in a Beijing day, then the 21st is refused and the next day it works again', () => {
    // Arrange: 2026-03-02 00:00 Beijing, then 20 forced refreshes 30 s apart
    const clock = new SandboxClock();
    clock.set(new Date('2026-03-01T16:00:00Z'));
    const tokens = new AccessTokens(clock);
    for (let i = 0; i < FORCE_REFRESH_PER_DAY; i += 1) {
      expect(tokens.get(true).ok).toBe(true);
      clock.advance(FORCE_REFRESH_GAP_MS);
    }
    const current = tokenOf(tokens.get(false));

    // Act
    const refused = tokens.get(true);
    const normal = tokens.get(false);
    const stillValid = tokens.check(current);
    clock.set(new Date('2026-03-02T16:00:00Z'));
    const nextDay = tokens.get(true);

    // Assert
    expect(refused).toEqual({ ok: false, reason: 'daily-quota' });
    expect(tokenOf(normal)).toBe(current);
    expect(stillValid).toBe('valid');
    expect(tokenOf(nextDay)).not.toBe(current);
  });
});
