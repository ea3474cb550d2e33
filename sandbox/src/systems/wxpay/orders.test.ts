import { TEST_WECHAT, TEST_WXPAY_PLATFORM_KEYS, newSandbox } from '../../testing/fixtures';
import {
  authorizationFor,
  h5Body,
  jsapiBody,
  outTradeNo,
  platformSigned,
  signedGet,
  signedPost,
} from '../../testing/wxpay';

const JSAPI = '/v3/pay/transactions/jsapi';
const H5 = '/v3/pay/transactions/h5';
const queryUrl = (no: string) => `/v3/pay/transactions/out-trade-no/${no}?mchid=1900000109`;
const closeUrl = (no: string) => `/v3/pay/transactions/out-trade-no/${no}/close`;

describe('wxpay ordering, query and close', () => {
  it('when a JSAPI order is signed right, then it answers a prepay_id, signed with the platform key', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: outTradeNo() }));

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    expect(platformSigned(res.headers, res.text)).toBe(true);
  });

  it('when the Authorization is signed with another key, then it answers 401 SIGN_ERROR', async () => {
    // Arrange
    const agent = newSandbox();
    const body = JSON.stringify(jsapiBody({ outTradeNo: outTradeNo() }));

    // Act
    const res = await agent
      .post(JSAPI)
      .set('Content-Type', 'application/json')
      .set('Authorization', authorizationFor('POST', JSAPI, body, { privateKey: TEST_WXPAY_PLATFORM_KEYS.privateKey }))
      .send(body);

    // Assert
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SIGN_ERROR');
  });

  it('when the body is changed after signing, then it answers 401 SIGN_ERROR', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    const signedFor = JSON.stringify(jsapiBody({ outTradeNo: no, total: 1 }));
    const sent = JSON.stringify(jsapiBody({ outTradeNo: no, total: 100 }));

    // Act
    const res = await agent
      .post(JSAPI)
      .set('Content-Type', 'application/json')
      .set('Authorization', authorizationFor('POST', JSAPI, signedFor))
      .send(sent);

    // Assert
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SIGN_ERROR');
  });

  it('when the Authorization names another merchant, then it answers 401 SIGN_ERROR', async () => {
    // Arrange
    const agent = newSandbox();
    const body = JSON.stringify(jsapiBody({ outTradeNo: outTradeNo() }));

    // Act
    const res = await agent
      .post(JSAPI)
      .set('Content-Type', 'application/json')
      .set('Authorization', authorizationFor('POST', JSAPI, body, { mchid: '1900000999' }))
      .send(body);

    // Assert
    expect(res.status).toBe(401);
  });

  it('when the same order is placed twice, then both answers carry the same prepay_id', async () => {
    // Arrange
    const agent = newSandbox();
    const body = jsapiBody({ outTradeNo: outTradeNo() });

    // Act
    const first = await signedPost(agent, JSAPI, body).expect(200);
    const second = await signedPost(agent, JSAPI, body).expect(200);

    // Assert
    expect(second.body.prepay_id).toBe(first.body.prepay_id);
  });

  it('when an out_trade_no comes back with another amount, then it answers 400 INVALID_REQUEST', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no, total: 100 })).expect(200);

    // Act
    const res = await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no, total: 200 }));

    // Assert
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'INVALID_REQUEST', message: expect.stringContaining('商户订单号重复') });
    expect(platformSigned(res.headers, res.text)).toBe(true);
  });

  it.each([
    ['no payer', { payer: undefined }, 'payer.openid'],
    ['no amount', { amount: undefined }, 'amount.total'],
    ['a yuan amount', { amount: { total: 1.5, currency: 'CNY' } }, 'amount.total'],
    ['a malformed time_expire', { time_expire: '2026-12-06 20:00:00' }, 'time_expire'],
    ['a notify_url with a query', { notify_url: 'https://example.com/notify?x=1' }, 'notify_url'],
  ])('when a JSAPI order has %s, then it answers 400 PARAM_ERROR naming the field', async (_label, patch, field) => {
    // Arrange
    const agent = newSandbox();
    const body = { ...jsapiBody({ outTradeNo: outTradeNo() }), ...patch };

    // Act
    const res = await signedPost(agent, JSAPI, JSON.parse(JSON.stringify(body)) as object);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PARAM_ERROR');
    expect(res.body.message).toContain(field);
  });

  it("when the appid is not the merchant's, then it answers 400 APPID_MCHID_NOT_MATCH", async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await signedPost(agent, JSAPI, {
      ...jsapiBody({ outTradeNo: outTradeNo() }),
      appid: 'wx0000000000000000',
    });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('APPID_MCHID_NOT_MATCH');
  });

  it('when an H5 order lacks h5_info, then it answers 400 PARAM_ERROR; with it, an h5_url to the cashier', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();

    // Act
    const missing = await signedPost(agent, H5, {
      ...h5Body({ outTradeNo: no }),
      scene_info: { payer_client_ip: '1.2.3.4' },
    });
    const good = await signedPost(agent, H5, h5Body({ outTradeNo: no }));

    // Assert
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('h5_info');
    expect(good.status).toBe(200);
    expect(good.body.h5_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wxpay\/cashier\/[\w-]{32}$/);
  });

  it('when an unpaid order is queried, then it reads NOTPAY with its amount and no transaction_id', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no, total: 5000 })).expect(200);

    // Act
    const res = await signedGet(agent, queryUrl(no));

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      out_trade_no: no,
      trade_state: 'NOTPAY',
      amount: { total: 5000 },
      appid: TEST_WECHAT.appId,
    });
    expect(res.body.transaction_id).toBeUndefined();
    expect(platformSigned(res.headers, res.text)).toBe(true);
  });

  it('when an unknown order is queried, then it answers 404 ORDER_NOT_EXIST', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await signedGet(agent, queryUrl('NOPE000000001'));

    // Assert
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('ORDER_NOT_EXIST');
  });

  it('when the payer confirms, then the query reads SUCCESS with transaction_id, success_time and the payer', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no })).expect(200);

    // Act
    const paid = await agent.post(`/sandbox/wxpay/orders/${no}/pay`).expect(200);
    const again = await agent.post(`/sandbox/wxpay/orders/${no}/pay`);
    const res = await signedGet(agent, queryUrl(no)).expect(200);

    // Assert
    expect(again.status).toBe(409);
    expect(res.body).toMatchObject({
      trade_state: 'SUCCESS',
      transaction_id: paid.body.transactionId,
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
      amount: { total: 20000, payer_total: 20000, currency: 'CNY' },
    });
    expect(res.body.success_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect((await agent.get('/sandbox/wxpay/stats').expect(200)).body.payments).toEqual({ [no]: 1 });
  });

  it('when an order passes its time_expire unpaid, then it reads CLOSED and can no longer be paid', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    const expire = new Date(Date.now() + 30 * 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no, timeExpire: expire })).expect(200);

    // Act
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 31 * 60_000 })
      .expect(200);
    const res = await signedGet(agent, queryUrl(no)).expect(200);
    const pay = await agent.post(`/sandbox/wxpay/orders/${no}/pay`);

    // Assert
    expect(res.body.trade_state).toBe('CLOSED');
    expect(pay.status).toBe(410);
  });

  it('when an unpaid order is closed (twice), then it answers 204 signed and reads CLOSED', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no })).expect(200);

    // Act
    const first = await signedPost(agent, closeUrl(no), { mchid: '1900000109' });
    const second = await signedPost(agent, closeUrl(no), { mchid: '1900000109' });
    const res = await signedGet(agent, queryUrl(no)).expect(200);

    // Assert
    expect(first.status).toBe(204);
    expect(second.status).toBe(204);
    expect(platformSigned(first.headers, '')).toBe(true);
    expect(res.body.trade_state).toBe('CLOSED');
  });

  it('when a paid order is closed, then it answers 400 ORDERPAID', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no })).expect(200);
    await agent.post(`/sandbox/wxpay/orders/${no}/pay`).expect(200);

    // Act
    const res = await signedPost(agent, closeUrl(no), { mchid: '1900000109' });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ORDERPAID');
  });

  it('when the system has an error-rate fault, then it answers 500 SYSTEM_ERROR', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/wxpay').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: outTradeNo() }));

    // Assert
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('SYSTEM_ERROR');
  });

  it('when the sandbox is reset, then orders are forgotten', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no })).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);

    // Assert
    expect((await signedGet(agent, queryUrl(no))).status).toBe(404);
  });
});
