import { seedCitizen } from '../../seed/citizens';
import { TEST_WECHAT, issueCode, jscode2session, newSandbox, parseText } from '../../testing/fixtures';

describe('GET /sns/jscode2session', () => {
  it('when a fresh code of a seeded citizen is exchanged, then openid, unionid and a base64 session_key come back as text/plain', async () => {
    // Arrange
    const agent = newSandbox();
    const citizen = seedCitizen('primary');
    const code = await issueCode(agent, citizen.openid);

    // Act
    const res = await agent.get('/sns/jscode2session').query({
      appid: TEST_WECHAT.appId,
      secret: TEST_WECHAT.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });

    // Assert
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    const body = parseText(res);
    expect(body).toEqual({ openid: citizen.openid, unionid: citizen.unionid, session_key: expect.any(String) });
    expect(Buffer.from(String(body.session_key), 'base64')).toHaveLength(16);
  });

  it('when the same user logs in twice, then each login gets a different session_key', async () => {
    // Arrange
    const agent = newSandbox();
    const { openid } = seedCitizen('secondary');

    // Act
    const first = await jscode2session(agent, await issueCode(agent, openid));
    const second = await jscode2session(agent, await issueCode(agent, openid));

    // Assert
    expect(first.openid).toBe(openid);
    expect(second.session_key).not.toBe(first.session_key);
  });

  it('when a code is used a second time, then it answers 40163 code been used', async () => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('primary').openid);
    await jscode2session(agent, code);

    // Act
    const reused = await jscode2session(agent, code);

    // Assert
    expect(reused.errcode).toBe(40163);
    expect(reused.errmsg).toMatch(/^code been used, rid: /);
  });

  it('when a code was never issued, then it answers 40029', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const body = await jscode2session(agent, '0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P');

    // Assert
    expect(body.errcode).toBe(40029);
  });

  it('when a code is older than 5 minutes on the sandbox clock, then it answers 40029', async () => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('primary').openid);
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 5 * 60 * 1000 + 1000 })
      .expect(200);

    // Act
    const body = await jscode2session(agent, code);

    // Assert
    expect(body.errcode).toBe(40029);
  });

  it('when a code is just under 5 minutes old, then it still works', async () => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('primary').openid);
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 5 * 60 * 1000 - 1000 })
      .expect(200);

    // Act
    const body = await jscode2session(agent, code);

    // Assert
    expect(body.openid).toBe(seedCitizen('primary').openid);
  });

  it('when the seeded blocked user logs in, then it answers 40226', async () => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('blocked').openid);

    // Act
    const body = await jscode2session(agent, code);

    // Assert
    expect(body.errcode).toBe(40226);
  });

  it('when a user is marked high-risk through /sandbox/wechat/block, then logins answer 40226 until unblocked', async () => {
    // Arrange
    const agent = newSandbox();
    const { openid } = seedCitizen('young');
    await agent.post('/sandbox/wechat/block').send({ openid }).expect(200, { openid, blocked: true });

    // Act
    const blocked = await jscode2session(agent, await issueCode(agent, openid));
    await agent.post('/sandbox/wechat/block').send({ openid, blocked: false }).expect(200, { openid, blocked: false });
    const unblocked = await jscode2session(agent, await issueCode(agent, openid));

    // Assert
    expect(blocked.errcode).toBe(40226);
    expect(unblocked.openid).toBe(openid);
  });

  it('when one user logs in more than 100 times within a minute, then the 101st answers 45011 and a minute later it works again', async () => {
    // Arrange
    const agent = newSandbox();
    const { openid } = seedCitizen('primary');
    for (let i = 0; i < 100; i += 1) {
      const ok = await jscode2session(agent, await issueCode(agent, openid));
      expect(ok.openid).toBe(openid);
    }

    // Act
    const limited = await jscode2session(agent, await issueCode(agent, openid));
    const otherUser = await jscode2session(agent, await issueCode(agent, seedCitizen('secondary').openid));
    await agent.post('/sandbox/clock').send({ advanceMs: 61_000 }).expect(200);
    const later = await jscode2session(agent, await issueCode(agent, openid));

    // Assert
    expect(limited.errcode).toBe(45011);
    expect(otherUser.openid).toBe(seedCitizen('secondary').openid);
    expect(later.openid).toBe(openid);
  });

  it('when an unknown openid asks for a code, then it becomes a new user with a stable unionid', async () => {
    // Arrange
    const agent = newSandbox();
    const openid = 'oNewUser_1234567890abcdefghij';

    // Act
    const first = await jscode2session(agent, await issueCode(agent, openid));
    const second = await jscode2session(agent, await issueCode(agent, openid));

    // Assert
    expect(first.openid).toBe(openid);
    expect(first.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(second.unionid).toBe(first.unionid);
  });

  it('when no openid is given for a code, then a brand-new user is made up for it', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/sandbox/wechat/code').send({}).expect(200);
    const body = await jscode2session(agent, (res.body as { code: string }).code);

    // Assert
    expect(body.openid).toBe((res.body as { openid: string }).openid);
    expect(body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });

  it.each([
    { label: 'a wrong appid', override: { appid: 'wx0000000000000000' }, errcode: 40013 },
    { label: 'no appid', override: { appid: undefined }, errcode: 41002 },
    { label: 'a wrong secret', override: { secret: 'not-the-secret' }, errcode: 40125 },
    { label: 'no secret', override: { secret: undefined }, errcode: 41004 },
    { label: 'a wrong grant_type', override: { grant_type: 'client_credential' }, errcode: 40002 },
    { label: 'no js_code', override: { js_code: undefined }, errcode: 41008 },
  ])('when the call has $label, then it answers $errcode', async ({ override, errcode }) => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('primary').openid);
    const query = {
      appid: TEST_WECHAT.appId,
      secret: TEST_WECHAT.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
      ...override,
    };

    // Act
    const res = await agent
      .get('/sns/jscode2session')
      .query(JSON.parse(JSON.stringify(query)) as Record<string, string>);

    // Assert
    expect(res.status).toBe(200);
    expect(parseText(res).errcode).toBe(errcode);
  });
});
