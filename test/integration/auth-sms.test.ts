import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, sendCode, uniquePhone } from '../support/auth-helpers';

describe('SMS login', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  it('when a citizen requests a code and logs in with it, then they get tokens and only their masked phone', async () => {
    // Arrange
    const phone = uniquePhone();

    // Act
    const sent = await sendCode(stack, phone);
    const code = await stack.sandbox.latestSmsCode(phone);
    const login = await stack
      .api()
      .post('/api/v1/auth/sms/login')
      .send({ phone, code, client: { platform: 'h5' } });

    // Assert
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    expect(login.status).toBe(200);
    expect(login.body.user.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    expect(login.body.user.loginMethod).toBe('sms');
    expect(login.body.expiresIn).toBe(900);
    expect(JSON.stringify(login.body)).not.toContain(phone);
    const me = await stack.api().get('/api/v1/me').set(bearer(login.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(login.body.user.id);
  });

  it('when the session is stored, then the database holds only a hash of the refresh token', async () => {
    const tokens = await loginBySms(stack);

    const sessions = await stack.connection.collection('sessions').find({ userId: tokens.user.id }).toArray();

    expect(sessions).toHaveLength(1);
    const secret = tokens.refreshToken.split('.')[1] as string;
    expect(JSON.stringify(sessions)).not.toContain(secret);
  });

  it('when the same phone logs in twice, then it is the same user', async () => {
    const phone = uniquePhone();
    const first = await loginBySms(stack, phone);
    await stack.advanceTime(61_000);

    const second = await loginBySms(stack, phone);

    expect(second.user.id).toBe(first.user.id);
  });

  it('when a second code is asked for within 60 s, then it is refused until the minute has passed', async () => {
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);

    const again = await sendCode(stack, phone);
    await stack.advanceTime(61_000);
    const later = await sendCode(stack, phone);

    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('SMS_TOO_FREQUENT');
    expect(later.status).toBe(200);
  });

  it('when a second code is asked for a second later across a minute boundary, then it is refused for the rest of the 60 s', async () => {
    // Arrange: move the clock to 0.8 s before a calendar minute ends (one minute on, so it only moves forward).
    const phone = uniquePhone();
    const intoMinute = stack.clock.now().getTime() % 60_000;
    await stack.advanceTime(120_000 - intoMinute - 800);
    await sendCode(stack, phone).expect(200);

    // Act: 1.6 s later the calendar minute has changed, 55 s later still not 60 s since the code was sent.
    await stack.advanceTime(1_600);
    const acrossBoundary = await sendCode(stack, phone);
    await stack.advanceTime(55_000);
    const stillEarly = await sendCode(stack, phone);
    const outboxBefore = await stack.sandbox.smsOutbox(phone);
    await stack.advanceTime(5_000);
    const afterSixty = await sendCode(stack, phone);

    // Assert
    expect(acrossBoundary.status).toBe(429);
    expect(acrossBoundary.body.error.code).toBe('SMS_TOO_FREQUENT');
    const waitSeconds = Number(acrossBoundary.headers['retry-after']);
    expect(waitSeconds).toBeGreaterThan(0);
    expect(waitSeconds).toBeLessThanOrEqual(59);
    expect(acrossBoundary.body.error.message).toContain(`请 ${waitSeconds} 秒后再获取`);
    expect(stillEarly.status).toBe(429);
    expect(Number(stillEarly.headers['retry-after'])).toBeLessThan(waitSeconds);
    expect(outboxBefore).toHaveLength(1);
    expect(afterSixty.status).toBe(200);
  });

  it('when ten codes were sent to a phone today, then the eleventh is refused for the day', async () => {
    const phone = uniquePhone();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await sendCode(stack, phone);
      statuses.push(res.status);
      if (i === 10) expect(res.body.error.code).toBe('SMS_DAILY_LIMIT');
      await stack.advanceTime(61_000);
    }

    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('when one client address asks for codes for many phones, then it is limited', async () => {
    const results: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      const res = await stack
        .api()
        .post('/api/v1/auth/sms/send')
        .set('X-Forwarded-For', '203.0.113.9')
        .send({ phone: uniquePhone() });
      results.push(res.status);
    }

    expect(results.filter((s) => s === 429)).toHaveLength(1);
    expect(results[30]).toBe(429);
  });

  it('when a client writes made-up addresses in front of X-Forwarded-For, then the limit still counts its real one', async () => {
    // Arrange: the load balancer appends the address it saw (203.0.113.77) after whatever the client sent.
    const statuses: number[] = [];

    // Act
    for (let i = 0; i < 31; i += 1) {
      const res = await stack
        .api()
        .post('/api/v1/auth/sms/send')
        .set('X-Forwarded-For', `10.9.${i}.1, 203.0.113.77`)
        .send({ phone: uniquePhone() });
      statuses.push(res.status);
    }

    // Assert
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('when a wrong code is tried five times, then the code dies and even the right code fails', async () => {
    // Arrange
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';

    // Act
    const answers = [];
    for (let i = 0; i < 5; i += 1)
      answers.push(await stack.api().post('/api/v1/auth/sms/login').send({ phone, code: wrong }));
    const right = await stack.api().post('/api/v1/auth/sms/login').send({ phone, code });

    // Assert
    expect(answers.slice(0, 4).map((a) => a.body.error.code)).toEqual(Array(4).fill('SMS_CODE_INVALID'));
    expect(answers[0]?.body.error.message).toContain('还可以再试 4 次');
    expect(answers[4]?.body.error.code).toBe('SMS_CODE_LOCKED');
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('SMS_CODE_LOCKED');
  });

  it('when a code is older than five minutes, then it has expired', async () => {
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);

    await stack.advanceTime(5 * 60_000 + 1000);
    const res = await stack.api().post('/api/v1/auth/sms/login').send({ phone, code });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('when a code was used once, then it cannot log in again', async () => {
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);
    await stack.api().post('/api/v1/auth/sms/login').send({ phone, code }).expect(200);

    const reuse = await stack.api().post('/api/v1/auth/sms/login').send({ phone, code });

    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('SMS_CODE_EXPIRED');
  });

  it('when the phone or code is malformed, then 400 names the field', async () => {
    const badPhone = await stack.api().post('/api/v1/auth/sms/send').send({ phone: '12345' });
    const badCode = await stack.api().post('/api/v1/auth/sms/login').send({ phone: uniquePhone(), code: '12ab' });

    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'phone' }] });
    expect(badPhone.body.error.message).toContain('手机号');
    expect(badCode.body.error.fields[0].path).toBe('code');
  });

  it('when the SMS gateway is down, then 503 says so, nothing is stored, and the citizen may retry at once', async () => {
    // Arrange
    const phone = uniquePhone();
    await stack.sandbox.setFault('sms', { down: true });

    // Act
    const failed = await sendCode(stack, phone);
    const stored = await stack.connection.collection('sms_codes').countDocuments({ _id: phone as never });
    await stack.sandbox.clearFaults();
    const retried = await sendCode(stack, phone);

    // Assert
    expect(failed.status).toBe(503);
    expect(failed.body.error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: '短信服务暂时无法访问，请稍后再试',
    });
    expect(stored).toBe(0);
    expect(retried.status).toBe(200);
  });

  it('when ten logins race with the right code, then exactly one gets in', async () => {
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => stack.api().post('/api/v1/auth/sms/login').send({ phone, code })),
    );

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });

  it('when twenty wrong codes race, then only five count and the right code is refused after', async () => {
    const phone = uniquePhone();
    await sendCode(stack, phone).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';

    await Promise.all(
      Array.from({ length: 20 }, () => stack.api().post('/api/v1/auth/sms/login').send({ phone, code: wrong })),
    );
    const right = await stack.api().post('/api/v1/auth/sms/login').send({ phone, code });

    expect(right.body.error.code).toBe('SMS_CODE_LOCKED');
  });

  it('when five sends race for one phone, then exactly one SMS goes out', async () => {
    const phone = uniquePhone();

    const answers = await Promise.all(Array.from({ length: 5 }, () => sendCode(stack, phone)));

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await stack.sandbox.smsOutbox(phone)).toHaveLength(1);
  });
});
