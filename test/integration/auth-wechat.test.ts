import { ERRORS } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { loginByWechat } from '../support/auth-helpers';

describe('WeChat one-tap login', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const login = (code: string) =>
    stack
      .api()
      .post('/api/v1/auth/wechat')
      .send({ code, client: { platform: 'weapp', model: 'iPhone 15' } });

  it('when a wx.login code is exchanged, then a user and session exist and session_key stays in the BFF', async () => {
    // Arrange
    const code = await stack.sandbox.wechatCode('o_test_wechat_first');

    // Act
    const res = await login(code);

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ loginMethod: 'wechat', phoneMasked: null, realNameStatus: 'unverified' });
    expect(JSON.stringify(res.body)).not.toMatch(/session_?key|o_test_wechat_first/i);
    const session = await stack.connection.collection('sessions').findOne({ userId: res.body.user.id });
    expect(session?.['wechatSessionKey']).toEqual(expect.any(String));
  });

  it('when the same WeChat user logs in again, then it is the same account', async () => {
    const first = await loginByWechat(stack, 'o_test_wechat_again');

    const second = await loginByWechat(stack, 'o_test_wechat_again');

    expect(second.user.id).toBe(first.user.id);
  });

  it('when a code is reused (WeChat 40163), then 400 WECHAT_CODE_INVALID asking to tap login again', async () => {
    const code = await stack.sandbox.wechatCode('o_test_wechat_reuse');
    await login(code).expect(200);

    const reuse = await login(code);

    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toMatchObject({
      code: 'WECHAT_CODE_INVALID',
      message: '本次登录凭证已被使用，请重新点击登录再试一次',
    });
  });

  it('when a code was never issued (WeChat 40029), then 400 WECHAT_CODE_INVALID with the general message', async () => {
    const res = await login('0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P');

    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'WECHAT_CODE_INVALID',
      message: ERRORS.WECHAT_CODE_INVALID.message,
    });
  });

  it('when WeChat marks the user high-risk, then 403 WECHAT_USER_BLOCKED', async () => {
    await stack.sandbox.blockWechatUser('o_test_wechat_blocked');
    const code = await stack.sandbox.wechatCode('o_test_wechat_blocked');

    const res = await login(code);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('WECHAT_USER_BLOCKED');
  });

  it('when WeChat is down, then 503 with a clear message and nothing is half-written', async () => {
    // Arrange
    const code = await stack.sandbox.wechatCode('o_test_wechat_down');
    const usersBefore = await stack.connection.collection('users').countDocuments();
    const sessionsBefore = await stack.connection.collection('sessions').countDocuments();
    await stack.sandbox.setFault('wechat', { down: true });

    // Act
    const res = await login(code);

    // Assert
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', message: '微信服务暂时无法访问，请稍后再试' });
    expect(await stack.connection.collection('users').countDocuments()).toBe(usersBefore);
    expect(await stack.connection.collection('sessions').countDocuments()).toBe(sessionsBefore);
  });

  it('when WeChat answers garbage, then it is a 503, not a 500', async () => {
    const code = await stack.sandbox.wechatCode('o_test_wechat_malformed');
    await stack.sandbox.setFault('wechat', { malformed: true });

    const res = await login(code);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('when the code is missing, then 400 VALIDATION_FAILED', async () => {
    const res = await stack.api().post('/api/v1/auth/wechat').send({});

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
