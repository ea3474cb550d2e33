import { SandboxClock } from '../../core/clock';
import { ACCESS_TOKEN_TTL_MS, AccessTokens } from './access-tokens';

describe('AccessTokens.check (for the WeChat APIs that take access_token)', () => {
  it('when the current token is checked, then it is valid until it runs out, then expired', () => {
    // Arrange
    const clock = new SandboxClock();
    const tokens = new AccessTokens(clock);
    const { token } = tokens.get(false);

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
    const { token: replaced } = tokens.get(false);
    const { token: current } = tokens.get(true);

    // Act / Assert
    expect(tokens.check(replaced)).toBe('invalid');
    expect(tokens.check(current)).toBe('valid');
    expect(tokens.check('86_made-up')).toBe('invalid');
  });
});
