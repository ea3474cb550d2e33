import { newSandbox, type Agent } from '../../testing/fixtures';
import {
  decryptResource,
  eventually,
  jsapiBody,
  outTradeNo,
  platformSigned,
  signedGet,
  signedPost,
  startMerchant,
  type Merchant,
  type Resource,
} from '../../testing/wxpay';

const JSAPI = '/v3/pay/transactions/jsapi';
const REFUNDS = '/v3/refund/domestic/refunds';

let merchant: Merchant;
beforeEach(async () => {
  merchant = await startMerchant();
});
afterEach(async () => {
  await merchant.close();
});

async function paidOrder(agent: Agent, total = 20000): Promise<string> {
  const no = outTradeNo();
  await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no, total, notifyUrl: merchant.url })).expect(200);
  await agent.post(`/sandbox/wxpay/orders/${no}/pay`).expect(200);
  return no;
}

interface Notice {
  id: string;
  event_type: string;
  resource: Resource;
}

const bodyOf = (index: number): Notice => JSON.parse(merchant.received[index]?.body ?? '{}') as Notice;

async function orderInfo(agent: Agent, no: string) {
  return (await agent.get(`/sandbox/wxpay/orders/${no}`).expect(200)).body as {
    state: string;
    notifications: Array<{
      id: string;
      eventType: string;
      attempts: number;
      acknowledged: boolean;
      nextAttemptAt?: string;
    }>;
  };
}

describe('wxpay notifications', () => {
  it('when an order is paid, then the notify_url gets a signed TRANSACTION.SUCCESS whose resource decrypts to the order', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const no = await paidOrder(agent);
    await eventually(() => merchant.received.length === 1);

    // Assert
    const received = merchant.received[0];
    expect(received && platformSigned(received.headers, received.body)).toBe(true);
    const notice = bodyOf(0);
    expect(notice.event_type).toBe('TRANSACTION.SUCCESS');
    expect(notice.resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' });
    expect(decryptResource(notice.resource)).toMatchObject({
      out_trade_no: no,
      trade_state: 'SUCCESS',
      amount: { total: 20000 },
    });
    await eventually(async () => (await orderInfo(agent, no)).notifications[0]?.acknowledged === true);
  });

  it('when the merchant answers 500, then the notification is retried 15 s later on the sandbox clock', async () => {
    // Arrange
    const agent = newSandbox();
    merchant.status = 500;
    const no = await paidOrder(agent);
    await eventually(() => merchant.received.length === 1);

    // Act
    merchant.status = 204;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const beforeDue = merchant.received.length;
    await agent.post('/sandbox/clock').send({ advanceMs: 15_000 }).expect(200);
    await eventually(() => merchant.received.length === 2);

    // Assert
    expect(beforeDue).toBe(1);
    expect(bodyOf(1).id).toBe(bodyOf(0).id);
    await eventually(async () => {
      const [info] = (await orderInfo(agent, no)).notifications;
      return info?.acknowledged === true && info.attempts === 2;
    });
  });

  it('when the merchant never answers 2xx, then retries follow 15s/15s/30s/3m/... and stop after 16 attempts', async () => {
    // Arrange
    const agent = newSandbox();
    merchant.status = 503;
    const no = await paidOrder(agent);
    const attempts = async () => (await orderInfo(agent, no)).notifications[0]?.attempts ?? 0;
    await eventually(async () => (await attempts()) === 1);

    // Act
    const delays = [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600];
    let earlyRetries = 0;
    for (const [index, seconds] of delays.entries()) {
      await agent
        .post('/sandbox/clock')
        .send({ advanceMs: seconds * 1000 - 2000 })
        .expect(200);
      await new Promise((resolve) => setTimeout(resolve, 250));
      if ((await attempts()) !== index + 1) earlyRetries += 1;
      await agent.post('/sandbox/clock').send({ advanceMs: 2000 }).expect(200);
      await eventually(async () => (await attempts()) === index + 2);
    }
    await agent.post('/sandbox/clock').send({ advanceMs: 86_400_000 }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Assert
    expect(earlyRetries).toBe(0);
    const [info] = (await orderInfo(agent, no)).notifications as Array<{ attempts: number; gaveUp?: boolean }>;
    expect(info).toMatchObject({ attempts: 16, gaveUp: true });
    expect(merchant.received).toHaveLength(16);
  }, 30_000);

  it('when notifications are held, then attempts fail without a request and go out at the next retry after release', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/wxpay/notify').send({ hold: true }).expect(200);
    const no = await paidOrder(agent);
    await eventually(async () => (await orderInfo(agent, no)).notifications[0]?.attempts === 1);

    // Act
    await agent.put('/sandbox/wxpay/notify').send({ hold: false }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const beforeRetry = merchant.received.length;
    await agent.post('/sandbox/clock').send({ advanceMs: 15_000 }).expect(200);
    await eventually(() => merchant.received.length === 1);

    // Assert
    expect(beforeRetry).toBe(0);
    await eventually(async () => (await orderInfo(agent, no)).notifications[0]?.acknowledged === true);
  });

  it('when a delivered notification is replayed, then the merchant gets the same body and signature headers again', async () => {
    // Arrange
    const agent = newSandbox();
    const no = await paidOrder(agent);
    await eventually(async () => (await orderInfo(agent, no)).notifications[0]?.acknowledged === true);
    const id = (await orderInfo(agent, no)).notifications[0]?.id ?? '';

    // Act
    const res = await agent.post(`/sandbox/wxpay/notifications/${id}/replay`).expect(200);

    // Assert
    expect(res.body).toEqual({ id, status: 200 });
    expect(merchant.received).toHaveLength(2);
    expect(merchant.received[1]?.body).toBe(merchant.received[0]?.body);
    expect(merchant.received[1]?.headers['wechatpay-signature']).toBe(
      merchant.received[0]?.headers['wechatpay-signature'],
    );
    expect(merchant.received[1]?.headers['wechatpay-timestamp']).toBe(
      merchant.received[0]?.headers['wechatpay-timestamp'],
    );
  });

  it('when an unknown notification is replayed, then it answers 404', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/sandbox/wxpay/notifications/EV-0/replay');

    // Assert
    expect(res.status).toBe(404);
  });
});

describe('wxpay refunds', () => {
  const refundBody = (no: string, outRefundNo: string, refund: number, total = 20000) => ({
    out_trade_no: no,
    out_refund_no: outRefundNo,
    reason: '重复缴费',
    notify_url: merchant.url,
    amount: { refund, total, currency: 'CNY' },
  });

  it('when a paid order is fully refunded, then PROCESSING turns SUCCESS, REFUND.SUCCESS is notified and the trade reads REFUND', async () => {
    // Arrange
    const agent = newSandbox();
    const no = await paidOrder(agent);
    const outRefundNo = `R${no}`;

    // Act
    const created = await signedPost(agent, REFUNDS, refundBody(no, outRefundNo, 20000));
    await agent.post('/sandbox/clock').send({ advanceMs: 3_000 }).expect(200);
    await eventually(() => merchant.received.some((r) => r.body.includes('REFUND.SUCCESS')));
    const queried = await signedGet(agent, `${REFUNDS}/${outRefundNo}`).expect(200);
    const trade = await signedGet(agent, `/v3/pay/transactions/out-trade-no/${no}?mchid=1900000109`).expect(200);

    // Assert
    expect(created.status).toBe(200);
    expect(platformSigned(created.headers, created.text)).toBe(true);
    expect(created.body).toMatchObject({
      status: 'PROCESSING',
      out_refund_no: outRefundNo,
      amount: { refund: 20000, total: 20000 },
    });
    expect(queried.body).toMatchObject({ status: 'SUCCESS', refund_id: created.body.refund_id });
    expect(queried.body.success_time).toEqual(expect.any(String));
    expect(trade.body.trade_state).toBe('REFUND');
    const notice = merchant.received
      .map((r) => JSON.parse(r.body) as Notice)
      .find((n) => n.event_type === 'REFUND.SUCCESS');
    expect(notice && decryptResource(notice.resource)).toMatchObject({
      out_refund_no: outRefundNo,
      refund_status: 'SUCCESS',
    });
    expect(notice?.resource.associated_data).toBe('refund');
  });

  it('when the same refund is asked twice, then the second answer is the first refund', async () => {
    // Arrange
    const agent = newSandbox();
    const no = await paidOrder(agent);

    // Act
    const first = await signedPost(agent, REFUNDS, refundBody(no, `R${no}`, 5000)).expect(200);
    const second = await signedPost(agent, REFUNDS, refundBody(no, `R${no}`, 5000)).expect(200);

    // Assert
    expect(second.body.refund_id).toBe(first.body.refund_id);
    expect((await agent.get('/sandbox/wxpay/stats').expect(200)).body.refunds).toEqual({ [no]: 5000 });
  });

  it('when more than the rest is refunded, then it answers 400 INVALID_REQUEST and the trade stays SUCCESS', async () => {
    // Arrange
    const agent = newSandbox();
    const no = await paidOrder(agent);
    await signedPost(agent, REFUNDS, refundBody(no, `R1${no}`, 15000)).expect(200);

    // Act
    const res = await signedPost(agent, REFUNDS, refundBody(no, `R2${no}`, 6000));
    await agent.post('/sandbox/clock').send({ advanceMs: 3_000 }).expect(200);
    const trade = await signedGet(agent, `/v3/pay/transactions/out-trade-no/${no}?mchid=1900000109`).expect(200);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
    expect(trade.body.trade_state).toBe('SUCCESS');
  });

  it('when an unpaid order is refunded, then it answers 400 INVALID_REQUEST', async () => {
    // Arrange
    const agent = newSandbox();
    const no = outTradeNo();
    await signedPost(agent, JSAPI, jsapiBody({ outTradeNo: no })).expect(200);

    // Act
    const res = await signedPost(agent, REFUNDS, refundBody(no, `R${no}`, 100));

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_REQUEST');
  });

  it('when an unknown refund is queried, then it answers 404 RESOURCE_NOT_EXISTS', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await signedGet(agent, `${REFUNDS}/RNOPE0001`);

    // Assert
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('RESOURCE_NOT_EXISTS');
  });
});
