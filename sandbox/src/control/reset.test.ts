import { seedCitizen } from '../seed/citizens';
import { TEST_WECHAT, issueCode, jscode2session, newSandbox, sendSms } from '../testing/fixtures';

describe('POST /sandbox/reset', () => {
  it('when the sandbox is reset, then codes, outbox, counters, faults, blocks and the clock are back to the start', async () => {
    // Arrange
    const agent = newSandbox();
    const { openid } = seedCitizen('primary');
    const pendingCode = await issueCode(agent, openid);
    for (let i = 0; i < 5; i += 1) await sendSms(agent).expect(200);
    await agent.post('/sandbox/wechat/block').send({ openid }).expect(200);
    await agent.put('/sandbox/faults/wechat').send({ latencyMs: 10 }).expect(200);
    await agent.post('/sandbox/clock').send({ advanceMs: 10_000 }).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200, { ok: true });

    // Assert
    expect((await jscode2session(agent, pendingCode)).errcode).toBe(40029);
    expect((await jscode2session(agent, await issueCode(agent, openid))).openid).toBe(openid);
    expect((await agent.get('/sandbox/sms/outbox').expect(200)).body.items).toEqual([]);
    expect((await sendSms(agent).expect(200)).body.code).toBe('0000');
    expect((await agent.get('/sandbox/faults').expect(200)).body.faults.wechat.latencyMs).toBe(0);
    expect((await agent.get('/sandbox/clock').expect(200)).body.offsetMs).toBe(0);
  });

  it('when the sandbox is reset, then the seeded blocked user is still blocked and stats start from zero', async () => {
    // Arrange
    const agent = newSandbox();
    await agent
      .post('/sandbox/wechat/block')
      .send({ openid: seedCitizen('blocked').openid, blocked: false })
      .expect(200);
    await agent
      .post('/cgi-bin/stable_token')
      .send({ grant_type: 'client_credential', appid: TEST_WECHAT.appId, secret: TEST_WECHAT.appSecret });

    // Act
    await agent.post('/sandbox/reset').expect(200);

    // Assert
    expect((await jscode2session(agent, await issueCode(agent, seedCitizen('blocked').openid))).errcode).toBe(40226);
    const stats = await agent.get('/sandbox/stats').expect(200);
    expect(stats.body.systems.sms.requests).toBe(0);
  });

  it('when the sandbox is reset, then brand-new users get the same made-up openids as after start', async () => {
    // Arrange
    const agent = newSandbox();
    const before = await agent.post('/sandbox/wechat/code').send({}).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const after = await agent.post('/sandbox/wechat/code').send({}).expect(200);

    // Assert
    expect(after.body.openid).toBe(before.body.openid);
  });
});
