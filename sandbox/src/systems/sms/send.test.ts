import { LOGIN_SMS, TEST_SMS_KEY, newSandbox, sendSms } from '../../testing/fixtures';

describe('POST /sms/v1/send', () => {
  it('when a login code is sent, then it answers 0000 with a msgId and the rendered text lands in the outbox', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await sendSms(agent);
    const outbox = await agent.get('/sandbox/sms/outbox').query({ phone: LOGIN_SMS.mobile }).expect(200);

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '0000', msg: '成功', data: { msgId: expect.stringMatching(/^\d{14}\d{6}$/) } });
    expect(outbox.body.items).toEqual([
      {
        msgId: res.body.data.msgId,
        mobile: LOGIN_SMS.mobile,
        templateId: 'LOGIN_CODE',
        text: '【穗警通】您的登录验证码为123456，5分钟内有效。如非本人操作，请忽略。',
        params: { code: '123456' },
        sentAt: expect.any(String),
      },
    ]);
  });

  it('when several messages were sent, then the outbox lists them newest first and filters by phone', async () => {
    // Arrange
    const agent = newSandbox();
    await sendSms(agent, { ...LOGIN_SMS, params: { code: '111111' } }).expect(200);
    await sendSms(agent, { ...LOGIN_SMS, mobile: '13900000001', params: { code: '222222' } }).expect(200);
    await sendSms(agent, { ...LOGIN_SMS, params: { code: '333333' } }).expect(200);

    // Act
    const mine = await agent.get('/sandbox/sms/outbox').query({ phone: LOGIN_SMS.mobile }).expect(200);
    const all = await agent.get('/sandbox/sms/outbox').expect(200);

    // Assert
    expect(mine.body.items.map((item: { params: { code: string } }) => item.params.code)).toEqual(['333333', '111111']);
    expect(all.body.items).toHaveLength(3);
  });

  it('when the API key is wrong or missing, then it answers HTTP 401 with 1001 and sends nothing', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const wrong = await agent.post('/sms/v1/send').set('X-Api-Key', `${TEST_SMS_KEY}x`).send(LOGIN_SMS);
    const missing = await agent.post('/sms/v1/send').send(LOGIN_SMS);
    const outbox = await agent.get('/sandbox/sms/outbox').expect(200);

    // Assert
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ code: '1001', msg: '鉴权失败' });
    expect(missing.status).toBe(401);
    expect(outbox.body.items).toEqual([]);
  });

  it.each([
    { label: 'a malformed mobile', override: { mobile: '1380000000' }, code: '2001' },
    { label: 'a landline number', override: { mobile: '02083118888' }, code: '2001' },
    { label: 'an unknown template', override: { templateId: 'MARKETING' }, code: '2002' },
    { label: 'a non-numeric login code', override: { params: { code: 'abc' } }, code: '2003' },
    { label: 'an extra parameter', override: { params: { code: '123456', extra: 'x' } }, code: '2003' },
    { label: 'an unregistered sign', override: { sign: '某公司' }, code: '2004' },
  ])('when the request has $label, then it answers $code with HTTP 200', async ({ override, code }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await sendSms(agent, { ...LOGIN_SMS, ...override });

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(code);
    expect(res.body.msg).toEqual(expect.any(String));
  });

  it('when a mobile gets a sixth message within a minute, then it answers 3001 and a minute later sending works again', async () => {
    // Arrange
    const agent = newSandbox();
    for (let i = 0; i < 5; i += 1) await sendSms(agent).expect(200, /"0000"/);

    // Act
    const sixth = await sendSms(agent);
    const otherMobile = await sendSms(agent, { ...LOGIN_SMS, mobile: '13900000001' });
    await agent.post('/sandbox/clock').send({ advanceMs: 61_000 }).expect(200);
    const later = await sendSms(agent);

    // Assert
    expect(sixth.body).toEqual({ code: '3001', msg: '发送频率超限' });
    expect(otherMobile.body.code).toBe('0000');
    expect(later.body.code).toBe('0000');
  });

  it("when the body is not JSON, then it answers the gateway's 9001 in its envelope", async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent
      .post('/sms/v1/send')
      .set('X-Api-Key', TEST_SMS_KEY)
      .set('Content-Type', 'application/json')
      .send('{mobile');

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: '9001', msg: '请求报文格式错误' });
  });
});
