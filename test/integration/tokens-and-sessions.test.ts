import jwt from 'jsonwebtoken';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, uniquePhone } from '../support/auth-helpers';

describe('access tokens, refresh rotation and sessions', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const me = (token: string) => stack.api().get('/api/v1/me').set(bearer(token));
  const refresh = (refreshToken: string) => stack.api().post('/api/v1/auth/refresh').send({ refreshToken });

  it('when no token is sent, then /me is 401 UNAUTHENTICATED with the error shape', async () => {
    const res = await stack.api().get('/api/v1/me');

    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({
      code: 'UNAUTHENTICATED',
      message: expect.any(String),
      requestId: expect.any(String),
    });
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('when the token is tampered, unsigned, or for another audience, then 401 TOKEN_INVALID', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${signature}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    const wrongAudience = jwt.sign({ ...claims, aud: 'other-app' }, 'a-guess-at-the-secret-that-is-long-enough', {
      algorithm: 'HS256',
    });

    // Act
    const answers = await Promise.all([tampered, none, wrongAudience, 'not-a-jwt'].map((t) => me(t)));

    // Assert
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TOKEN_INVALID');
    }
  });

  it('when the access token is older than 15 minutes, then 401 TOKEN_EXPIRED and a refresh gets a working one', async () => {
    const tokens = await loginBySms(stack);

    await stack.advanceTime(15 * 60_000 + 1000);
    const expired = await me(tokens.accessToken);
    const renewed = await refresh(tokens.refreshToken);

    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('TOKEN_EXPIRED');
    expect(renewed.status).toBe(200);
    expect((await me(renewed.body.accessToken)).status).toBe(200);
  });

  it('when a refresh token is rotated, then the same old token within the grace gets the same answer', async () => {
    const tokens = await loginBySms(stack);

    const [first, second] = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).toBe(first.body.refreshToken);
    expect(first.body.refreshToken).not.toBe(tokens.refreshToken);
  });

  it('when an old refresh token is used after the grace, then the whole session is revoked', async () => {
    // Arrange
    const tokens = await loginBySms(stack);
    const rotated = await refresh(tokens.refreshToken).expect(200);
    await stack.advanceTime(11_000);

    // Act
    const reuse = await refresh(tokens.refreshToken);
    const newest = await refresh(rotated.body.refreshToken);
    await stack.advanceTime(5_000);
    const access = await me(rotated.body.accessToken);

    // Assert
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_REUSED');
    expect(newest.status).toBe(401);
    expect(access.status).toBe(401);
    expect(access.body.error.code).toBe('SESSION_REVOKED');
  });

  it('when a refresh token is garbage, then 401 REFRESH_INVALID', async () => {
    const res = await refresh('nonsense');

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('REFRESH_INVALID');
  });

  it('when a session has expired, then its tokens are refused even before any TTL clean-up', async () => {
    const tokens = await loginBySms(stack);

    await stack.advanceTime(31 * 86_400_000);
    const renewed = await refresh(tokens.refreshToken);
    const stillStored = await stack.connection.collection('sessions').countDocuments({ userId: tokens.user.id });

    expect(stillStored).toBe(1);
    expect(renewed.status).toBe(401);
    expect(renewed.body.error.code).toBe('REFRESH_INVALID');
  });

  it('when a citizen logs out, then that session stops working at once on this instance', async () => {
    const tokens = await loginBySms(stack);
    await me(tokens.accessToken).expect(200);

    const out = await stack.api().post('/api/v1/auth/logout').set(bearer(tokens.accessToken));
    const after = await me(tokens.accessToken);
    const refreshAfter = await refresh(tokens.refreshToken);

    expect(out.status).toBe(204);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('SESSION_REVOKED');
    expect(refreshAfter.status).toBe(401);
  });

  it('when a citizen logs out on one instance, then another instance refuses the session within 5 seconds', async () => {
    // Arrange
    const other = await stack.anotherInstance();
    const tokens = await loginBySms(stack);
    await other.api().get('/api/v1/me').set(bearer(tokens.accessToken)).expect(200);

    // Act
    await stack.api().post('/api/v1/auth/logout').set(bearer(tokens.accessToken)).expect(204);
    await stack.advanceTime(5_000);
    const elsewhere = await other.api().get('/api/v1/me').set(bearer(tokens.accessToken));
    await other.close();

    // Assert
    expect(elsewhere.status).toBe(401);
  });

  it('when a citizen lists sessions, then each device shows with the current one flagged', async () => {
    const phone = uniquePhone();
    const phoneLogin = await loginBySms(stack, phone, 'weapp');
    await stack.advanceTime(61_000);
    const browserLogin = await loginBySms(stack, phone, 'h5');

    const res = await stack.api().get('/api/v1/sessions').set(bearer(browserLogin.accessToken));

    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    const current = res.body.items.find((s: { current: boolean }) => s.current);
    expect(current.client.platform).toBe('h5');
    expect(res.body.items.some((s: { client: { platform: string } }) => s.client.platform === 'weapp')).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/refresh|Hash|sessionKey/i);
    expect(phoneLogin.user.id).toBe(browserLogin.user.id);
  });

  it('when a citizen revokes another of their devices, then that device is logged out', async () => {
    const phone = uniquePhone();
    const other = await loginBySms(stack, phone);
    await stack.advanceTime(61_000);
    const mine = await loginBySms(stack, phone);
    const list = await stack.api().get('/api/v1/sessions').set(bearer(mine.accessToken));
    const target = list.body.items.find((s: { current: boolean }) => !s.current);

    const revoked = await stack.api().delete(`/api/v1/sessions/${target.id}`).set(bearer(mine.accessToken));
    const otherDevice = await refresh(other.refreshToken);
    const remaining = await stack.api().get('/api/v1/sessions').set(bearer(mine.accessToken));

    expect(revoked.status).toBe(204);
    expect(otherDevice.status).toBe(401);
    expect(remaining.body.items).toHaveLength(1);
  });

  it("when a citizen tries to revoke someone else's session, then it is 404 and the session lives on", async () => {
    // Arrange
    const victim = await loginBySms(stack);
    const attacker = await loginBySms(stack);
    const victimSessions = await stack.api().get('/api/v1/sessions').set(bearer(victim.accessToken));
    const victimSessionId = victimSessions.body.items[0].id as string;

    // Act
    const res = await stack.api().delete(`/api/v1/sessions/${victimSessionId}`).set(bearer(attacker.accessToken));
    const unknown = await stack
      .api()
      .delete('/api/v1/sessions/does-not-exist-000000')
      .set(bearer(attacker.accessToken));

    // Assert
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(unknown.status).toBe(404);
    expect((await me(victim.accessToken)).status).toBe(200);
  });
});
