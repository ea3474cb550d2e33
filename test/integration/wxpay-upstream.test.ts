/**
 * The BFF's WeChat Pay adapter against the sandbox over HTTP: signed requests, signed answers,
 * the payer confirming (JSAPI through the control route, H5 through the cashier page), refunds,
 * the trade bill and notifications opened by the adapter.
 */
import { createPublicKey } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WxpayClient, createLogger, loadConfig, type Config, type WxpayNotice } from '@suijing/bff';
import { startSandbox, type RunningSandbox } from '@suijing/sandbox';
import { TestClock } from '../support/clock';
import { sandboxPaymentOptions, testEnv } from '../support/stack';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let sandbox: RunningSandbox;
let receiver: Server;
let notifyUrl: string;
const received: Received[] = [];
let config: Config['wxpay'];
let wxpay: WxpayClient;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/v1/hooks/wxpay`;
  const env = testEnv('http://127.0.0.1:1', 'wxpay_upstream');
  sandbox = await startSandbox({
    port: 0,
    wechat: { appId: env['WECHAT_APPID'] ?? '', appSecret: env['WECHAT_SECRET'] ?? '' },
    sms: { apiKey: 'k' },
    gov: { appKey: 'k' },
    approval: { webhookSecret: 's' },
    ctid: { appId: 'a', appSecret: 's' },
    ...sandboxPaymentOptions(env),
  });
  config = loadConfig({ ...env, WXPAY_API_BASE: sandbox.url }).wxpay;
  wxpay = new WxpayClient(config, logger, new TestClock());
});

afterAll(async () => {
  await wxpay.close();
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

let sequence = 0;
const order = (amountFen = 20000) => {
  sequence += 1;
  return {
    outTradeNo: `ITPAY${Date.now()}${sequence}`,
    description: '交通违法罚款',
    amountFen,
    notifyUrl,
    expiresAt: new Date(Date.now() + 30 * 60_000),
  };
};

async function control(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The notices received so far, opened by the adapter. */
function openedNotices(): WxpayNotice[] {
  return received.flatMap((r) => {
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    const opened = wxpay.openNotice(headers, r.body, new Date());
    return opened.ok ? [opened.notice] : [];
  });
}

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('WeChat Pay adapter against the sandbox', () => {
  it('when a JSAPI order is paid, then query reads SUCCESS and the notice opens to the same trade', async () => {
    // Arrange
    const paying = order();
    const payment = await wxpay.jsapi({ ...paying, payerOpenid: 'oIntegration000000000000001' });

    // Act
    const before = await wxpay.query(paying.outTradeNo);
    expect((await control('POST', `/sandbox/wxpay/orders/${paying.outTradeNo}/pay`)).status).toBe(200);
    const after = await wxpay.query(paying.outTradeNo);
    await eventually(() =>
      openedNotices().some((n) => n.kind === 'payment' && n.trade.outTradeNo === paying.outTradeNo),
    );

    // Assert
    expect(payment.requestPayment.package).toBe(`prepay_id=${payment.prepayId}`);
    expect(before).toMatchObject({ state: 'NOTPAY', amountFen: 20000 });
    expect(after).toMatchObject({ state: 'SUCCESS', amountFen: 20000, payerOpenid: 'oIntegration000000000000001' });
    const notice = openedNotices().find((n) => n.kind === 'payment' && n.trade.outTradeNo === paying.outTradeNo);
    expect(notice?.kind === 'payment' ? notice.trade.transactionId : undefined).toBe(after?.transactionId);
  });

  it('when an H5 payer presses 确认支付 on the cashier, then they land on redirect_url and the order is paid', async () => {
    // Arrange
    const paying = order(12000);
    const { h5Url } = await wxpay.h5({ ...paying, payerClientIp: '203.0.113.9' });
    const redirect = 'http://127.0.0.1:1/pay/result?id=abc';
    const pageUrl = `${h5Url}${h5Url.includes('?') ? '&' : '?'}redirect_url=${encodeURIComponent(redirect)}`;

    // Act
    const page = await fetch(pageUrl);
    const pressed = await fetch(pageUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_url: redirect }).toString(),
      redirect: 'manual',
    });

    // Assert
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¥</span>120.00');
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe(redirect);
    expect(await wxpay.query(paying.outTradeNo)).toMatchObject({ state: 'SUCCESS' });
  });

  it('when an unpaid order is closed, then "closed"; a paid one, then "paid"; an unknown one reads undefined', async () => {
    // Arrange
    const unpaid = order();
    const paid = order();
    await wxpay.jsapi({ ...unpaid, payerOpenid: 'oIntegration000000000000001' });
    await wxpay.jsapi({ ...paid, payerOpenid: 'oIntegration000000000000001' });
    await control('POST', `/sandbox/wxpay/orders/${paid.outTradeNo}/pay`);

    // Act
    const closedUnpaid = await wxpay.closeOrder(unpaid.outTradeNo);
    const closedPaid = await wxpay.closeOrder(paid.outTradeNo);

    // Assert
    expect(closedUnpaid).toBe('closed');
    expect(closedPaid).toBe('paid');
    expect(await wxpay.query(unpaid.outTradeNo)).toMatchObject({ state: 'CLOSED' });
    expect(await wxpay.query('ITNOSUCHORDER0001')).toBeUndefined();
  });

  it('when a paid order is refunded in full, then the refund succeeds, the trade reads REFUND and the notice opens', async () => {
    // Arrange
    const paying = order();
    await wxpay.jsapi({ ...paying, payerOpenid: 'oIntegration000000000000001' });
    await control('POST', `/sandbox/wxpay/orders/${paying.outTradeNo}/pay`);
    const outRefundNo = `R${paying.outTradeNo}`;

    // Act
    const created = await wxpay.refund({
      ...paying,
      outRefundNo,
      reason: '重复缴费',
      refundFen: 20000,
      totalFen: 20000,
    });
    const again = await wxpay.refund({ ...paying, outRefundNo, reason: '重复缴费', refundFen: 20000, totalFen: 20000 });
    await control('POST', '/sandbox/clock', { advanceMs: 3000 });
    await eventually(() => openedNotices().some((n) => n.kind === 'refund' && n.refund.outRefundNo === outRefundNo));
    const settled = await wxpay.queryRefund(outRefundNo);

    // Assert
    expect(created).toMatchObject({ status: 'PROCESSING', refundFen: 20000, outTradeNo: paying.outTradeNo });
    expect(again.refundId).toBe(created.refundId);
    expect(settled).toMatchObject({ status: 'SUCCESS', refundId: created.refundId });
    expect(await wxpay.query(paying.outTradeNo)).toMatchObject({ state: 'REFUND' });
    expect(await wxpay.queryRefund('RNOSUCHREFUND01')).toBeUndefined();
  });

  it('when yesterday had payments, then the trade bill lists them in fen', async () => {
    // Arrange
    const paying = order(8800);
    await wxpay.jsapi({ ...paying, payerOpenid: 'oIntegration000000000000001' });
    await control('POST', `/sandbox/wxpay/orders/${paying.outTradeNo}/pay`);
    const paidAt = (await wxpay.query(paying.outTradeNo))?.successTime ?? new Date(0);
    const beijingDay = new Date(paidAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

    // Act
    await control('POST', '/sandbox/clock', { advanceMs: 86_400_000 });
    const lines = await wxpay.tradeBill(beijingDay);
    const empty = await wxpay.tradeBill('2020-01-01');

    // Assert
    expect(lines).toContainEqual(
      expect.objectContaining({ outTradeNo: paying.outTradeNo, kind: 'SUCCESS', totalFen: 8800, refundFen: 0 }),
    );
    expect(empty).toEqual([]);
  });

  it('when the adapter holds the wrong platform key, then it refuses the sandbox answers as a failure', async () => {
    // Arrange
    const other = new WxpayClient(
      // The merchant's public key: a real key, but not the platform's.
      {
        ...config,
        platformPublicKey: createPublicKey(config.merchantPrivateKey)
          .export({ type: 'spki', format: 'pem' })
          .toString(),
      },
      logger,
      new TestClock(),
    );

    // Act
    const outcome = other.query('ITNOSUCHORDER0001');

    // Assert
    await expect(outcome).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await other.close();
  });
});
