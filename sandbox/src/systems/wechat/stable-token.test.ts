import { TEST_WECHAT, newSandbox } from '../../testing/fixtures';

const TOKEN_REQUEST = { grant_type: 'client_credential', appid: TEST_WECHAT.appId, secret: TEST_WECHAT.appSecret };

describe('POST /cgi-bin/stable_token', () => {
  it('when the token is asked for twice, then the same token comes back with its remaining lifetime', async () => {
    // Arrange
    const agent = newSandbox();
    const first = await agent.post('/cgi-bin/stable_token').send(TOKEN_REQUEST).expect(200);
    await agent.post('/sandbox/clock').send({ advanceMs: 600_000 }).expect(200);

    // Act
    const second = await agent
      .post('/cgi-bin/stable_token')
      .send({ ...TOKEN_REQUEST, force_refresh: false })
      .expect(200);

    // Assert
    expect(first.body).toEqual({ access_token: expect.stringMatching(/^\d+_[A-Za-z0-9_-]{100,}$/), expires_in: 7200 });
    expect(second.body.access_token).toBe(first.body.access_token);
    expect(second.body.expires_in).toBeGreaterThanOrEqual(6599);
    expect(second.body.expires_in).toBeLessThanOrEqual(6600);
  });

  it('when force_refresh is true, then a new token with a full lifetime comes back', async () => {
    // Arrange
    const agent = newSandbox();
    const first = await agent.post('/cgi-bin/stable_token').send(TOKEN_REQUEST).expect(200);

    // Act
    const refreshed = await agent
      .post('/cgi-bin/stable_token')
      .send({ ...TOKEN_REQUEST, force_refresh: true })
      .expect(200);

    // Assert
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect(refreshed.body.expires_in).toBe(7200);
  });

  it('when force_refresh has been used 20 times today, then the next answers 45009 and normal mode still gives the token', async () => {
    // Arrange
    const agent = newSandbox();
    let last = '';
    for (let i = 0; i < 20; i += 1) {
      last = (
        await agent
          .post('/cgi-bin/stable_token')
          .send({ ...TOKEN_REQUEST, force_refresh: true })
          .expect(200)
      ).body.access_token;
      await agent.post('/sandbox/clock').send({ advanceMs: 30_000 }).expect(200);
    }

    // Act
    const refused = await agent
      .post('/cgi-bin/stable_token')
      .send({ ...TOKEN_REQUEST, force_refresh: true })
      .expect(200);
    const normal = await agent.post('/cgi-bin/stable_token').send(TOKEN_REQUEST).expect(200);

    // Assert
    expect(refused.body).toEqual({
      errcode: 45009,
      errmsg: expect.stringMatching(/^reach max api daily quota limit, rid: /),
    });
    expect(normal.body.access_token).toBe(last);
  });

  it('when the token has expired on the sandbox clock, then a new one is issued', async () => {
    // Arrange
    const agent = newSandbox();
    const first = await agent.post('/cgi-bin/stable_token').send(TOKEN_REQUEST).expect(200);
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 7200 * 1000 })
      .expect(200);

    // Act
    const next = await agent.post('/cgi-bin/stable_token').send(TOKEN_REQUEST).expect(200);

    // Assert
    expect(next.body.access_token).not.toBe(first.body.access_token);
    expect(next.body.expires_in).toBe(7200);
  });

  it.each([
    { label: 'a wrong appid', override: { appid: 'wx0000000000000000' }, errcode: 40013 },
    { label: 'a wrong secret', override: { secret: 'nope' }, errcode: 40125 },
    { label: 'no secret', override: { secret: undefined }, errcode: 41004 },
    { label: 'a wrong grant_type', override: { grant_type: 'authorization_code' }, errcode: 40002 },
    { label: 'a non-boolean force_refresh', override: { force_refresh: 'yes' }, errcode: 47001 },
  ])('when the request has $label, then it answers errcode $errcode with HTTP 200', async ({ override, errcode }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/cgi-bin/stable_token').send({ ...TOKEN_REQUEST, ...override });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errcode, errmsg: expect.stringContaining(', rid: ') });
  });

  it('when the body is not JSON, then it answers 47001 data format error', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent
      .post('/cgi-bin/stable_token')
      .set('Content-Type', 'application/json')
      .send('{"grant_type":');

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.errcode).toBe(47001);
  });
});
