import { randomUUID } from 'node:crypto';
import { bearer, loginBySms } from '../../support/auth-helpers';
import { claimsOf, forgeWithServerKey, rs256Token, unsignedToken } from '../../support/token-forgery';
import { expectErrorShape } from '../../support/owasp/checks';
import { citizens, owaspSuite, type Citizen } from '../../support/owasp/world';

/** OWASP API Security Top 10 (2023), API2: forged, stale and misplaced tokens, replayed logins. */

describe('OWASP API Security Top 10 (2023)', () => {
  const { stack, w, api } = owaspSuite(citizens);

  describe('API2:2023 Broken Authentication', () => {
    const me = (token: string) => api().get('/api/v1/me').set(bearer(token));
    const nowSeconds = () => Math.floor(stack.clock.now().getTime() / 1000);
    const claimsFor = (citizen: Citizen) => ({
      ...claimsOf(citizen.token),
      iat: nowSeconds(),
      exp: nowSeconds() + 600,
    });

    it('when a token is signed with the server key and its claims are untouched, then it is accepted (the forger is right)', async () => {
      const token = forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a));

      const res = await me(token);

      expect(res.status).toBe(200);
      expect((res.body as { id: string }).id).toBe(w.a.userId);
    });

    it.each([
      ['alg "none", unsigned', () => unsignedToken(claimsFor(w.a))],
      ['RS256 with a key pair of the attacker', () => rs256Token(claimsFor(w.a))],
      [
        'the header switched to RS256 over an HS256 signature',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { headerAlg: 'RS256' }),
      ],
      [
        'HS512 with the server key',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { algorithm: 'HS512' }),
      ],
      [
        'another audience',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), aud: 'suijing-admin' }),
      ],
      [
        'another issuer',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), iss: 'someone-else' }),
      ],
      [
        'a type other than at+jwt',
        () => forgeWithServerKey(stack.config.auth.jwtSecret, claimsFor(w.a), { typ: 'JWT' }),
      ],
      [
        "B's user with A's session",
        () => forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), sub: w.b.userId }),
      ],
      ['the refresh token', () => w.a.refreshToken],
      [
        'a signature from another secret',
        () => forgeWithServerKey('a-guess-at-the-secret-that-is-long-enough', claimsFor(w.a)),
      ],
    ])('when the access token is %s, then 401 TOKEN_INVALID', async (_label, token) => {
      // Act
      const res = await me(token());

      // Assert
      expectErrorShape(res, 401, 'TOKEN_INVALID');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('when a correctly signed token has expired, then 401 TOKEN_EXPIRED; without an expiry, 401 TOKEN_INVALID', async () => {
      const { exp: _exp, ...noExpiry } = claimsFor(w.a);
      const expired = forgeWithServerKey(stack.config.auth.jwtSecret, { ...claimsFor(w.a), exp: nowSeconds() - 1 });
      const endless = forgeWithServerKey(stack.config.auth.jwtSecret, noExpiry);

      const [old, forever] = [await me(expired), await me(endless)];

      expectErrorShape(old, 401, 'TOKEN_EXPIRED');
      expectErrorShape(forever, 401, 'TOKEN_INVALID');
    });

    it('when the access token is sent as a refresh token, in the URL, as Basic or as a cookie, then it is refused and not logged', async () => {
      const asRefresh = await api().post('/api/v1/auth/refresh').send({ refreshToken: w.a.token });
      const inQuery = await api().get('/api/v1/me').query({ access_token: w.a.token });
      const basic = await api().get('/api/v1/me').set('Authorization', `Basic ${w.a.token}`);
      const cookie = await api().get('/api/v1/me').set('Cookie', `token=${w.a.token}`);

      // Too long to be a refresh token (400) or not one (401): refused either way.
      expect([400, 401]).toContain(asRefresh.status);
      expectErrorShape(asRefresh, asRefresh.status);
      for (const res of [inQuery, basic, cookie]) expectErrorShape(res, 401, 'UNAUTHENTICATED');
      // A token a client put in the URL does not reach the access log either.
      expect(stack.logs.join('')).not.toContain(w.a.token);
    });

    it('when a citizen logs out, then the access and refresh tokens of that session are dead, even re-signed', async () => {
      // Arrange
      const tokens = await loginBySms(stack);
      await me(tokens.accessToken).expect(200);

      // Act
      await api().post('/api/v1/auth/logout').set(bearer(tokens.accessToken)).expect(204);
      const access = await me(tokens.accessToken);
      const refresh = await api().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken });
      const resigned = await me(
        forgeWithServerKey(stack.config.auth.jwtSecret, {
          ...claimsOf(tokens.accessToken),
          iat: nowSeconds(),
          exp: nowSeconds() + 600,
        }),
      );

      // Assert
      expectErrorShape(access, 401, 'SESSION_REVOKED');
      expectErrorShape(refresh, 401, 'REFRESH_INVALID');
      expectErrorShape(resigned, 401, 'SESSION_REVOKED');
    });

    it('when a WeChat login code is replayed, then the second login is refused', async () => {
      const code = await stack.sandbox.wechatCode(`owasp-${randomUUID()}`);
      const login = () =>
        api()
          .post('/api/v1/auth/wechat')
          .send({ code, client: { platform: 'weapp' } });

      const first = await login();
      const replay = await login();

      expect(first.status).toBe(200);
      expectErrorShape(replay, 400, 'WECHAT_CODE_INVALID');
    });
  });
});
