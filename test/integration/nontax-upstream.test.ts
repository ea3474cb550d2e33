/**
 * The BFF's adapter of the 非税 platform against the sandbox over HTTP: bills with 加处罚款, payment
 * orders paid at the cashier page, signed callbacks, settlements, refunds and the 对账单.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NontaxClient, createLogger } from '@suijing/bff';
import { toCompactDateTime } from '@suijing/shared';
import { startSandbox, type RunningSandbox } from '@suijing/sandbox';
import { TestClock } from '../support/clock';
import { sandboxPaymentOptions, testEnv } from '../support/stack';

const env = testEnv('http://127.0.0.1:1', 'nontax_upstream');
const APP = { appId: env['NONTAX_APP_ID'] ?? '', appSecret: env['NONTAX_APP_SECRET'] ?? '' };
const DAY_MS = 24 * 60 * 60 * 1000;

let sandbox: RunningSandbox;
let clock: TestClock;
let nontax: NontaxClient;
let hook: Server;
let hookUrl: string;
/** What the hook made of each callback it received. */
const opened: Array<ReturnType<NontaxClient['openCallback']>> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    wechat: { appId: 'wxcontract0000001', appSecret: randomBytes(16).toString('hex') },
    sms: { apiKey: randomBytes(16).toString('hex') },
    gov: { appKey: randomBytes(16).toString('hex') },
    approval: { webhookSecret: randomBytes(32).toString('hex') },
    ctid: { appId: 'ctid-contract-app', appSecret: randomBytes(24).toString('base64url') },
    ...sandboxPaymentOptions(env),
  });
  clock = new TestClock();
  nontax = new NontaxClient(
    { baseUrl: sandbox.url, ...APP, timeoutMs: 2000 },
    createLogger({ level: 'silent' }),
    clock,
  );
  // The BFF's hook, reduced to what the adapter does: verify, then acknowledge only a good callback.
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const result = nontax.openCallback({}, Buffer.concat(chunks).toString('utf8'), clock.now());
      opened.push(result);
      res.statusCode = result.ok ? 200 : 401;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result.ok ? { code: '0000', msg: '成功' } : { code: 'FAIL', msg: result.rejection }));
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/v1/hooks/nontax`;
});

afterAll(async () => {
  await nontax.close();
  hook.closeAllConnections();
  await new Promise<void>((resolve) => hook.close(() => resolve()));
  await sandbox.close();
});

async function openDecision(jdsbh: string, daysAgo: number): Promise<void> {
  const response = await fetch(`${sandbox.url}/sandbox/nontax/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jdsbh,
      sfzmhm: '440106199001011234',
      xm: '张三丰',
      fkje: '200',
      jdsj: toCompactDateTime(new Date(Date.now() - daysAgo * DAY_MS)),
    }),
  });
  expect(response.status).toBe(201);
}

function order(paymentCode: string, outTradeNo: string, amountFen: number) {
  return {
    paymentCode,
    outTradeNo,
    amountFen,
    notifyUrl: hookUrl,
    returnUrl: 'http://127.0.0.1:1/h5/packages/pay/pages/result/index',
    expiresAt: new Date(clock.now().getTime() + 30 * 60_000),
  };
}

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('非税 adapter against the sandbox', () => {
  it('when a fine two days overdue is paid at the cashier, then callback, settlement, bill and statement agree', async () => {
    // Arrange
    await openDecision('4401062026900001', 17);
    const bill = await nontax.billOf('4401062026900001');
    if (!bill) throw new Error('no bill');
    const { cashierUrl } = await nontax.startPayment(order(bill.paymentCode, 'FINE-IT-0001', bill.totalFen));

    // Act
    const page = await fetch(cashierUrl);
    const pressed = await fetch(cashierUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
      redirect: 'manual',
    });
    await eventually(() => opened.length === 1);
    const settlement = await nontax.settlement('FINE-IT-0001');
    const paidBill = await nontax.billOf('4401062026900001');
    const statement = await nontax.statement(
      toCompactDateTime(clock.now()).replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3'),
    );

    // Assert
    expect(bill).toMatchObject({ fineFen: 20_000, lateFeeFen: 1_200, totalFen: 21_200, state: 'unpaid' });
    expect(bill.paymentCode).toMatch(/^\d{20}$/);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('确认缴款');
    expect(pressed.status).toBe(303);
    const callback = opened[0];
    expect(callback?.ok).toBe(true);
    if (!callback?.ok) return;
    expect(callback.settlement).toMatchObject({ outTradeNo: 'FINE-IT-0001', amountFen: 21_200, state: 'paid' });
    expect(settlement).toEqual(callback.settlement);
    expect(paidBill).toMatchObject({ state: 'paid', totalFen: 21_200, receiptNo: settlement?.receiptNo });
    expect(statement).toContainEqual(callback.settlement);
  });

  it('when a paid bill is asked for another order, then it is refused as already paid; closing the paid order says paid', async () => {
    // Arrange
    const bill = await nontax.billOf('4401062026900001');
    if (!bill) throw new Error('no bill');

    // Act
    const again = await nontax
      .startPayment(order(bill.paymentCode, 'FINE-IT-0002', bill.totalFen))
      .catch((error: unknown) => error);
    const closed = await nontax.closePayment('FINE-IT-0001');

    // Assert
    expect(again).toMatchObject({ code: 'ALREADY_PAID' });
    expect(closed).toBe('paid');
  });

  it('when two tabs of one bill are both paid, then both settle and the second can be refunded in full', async () => {
    // Arrange
    await openDecision('4401062026900002', 0);
    const bill = await nontax.billOf('4401062026900002');
    if (!bill) throw new Error('no bill');
    await nontax.startPayment(order(bill.paymentCode, 'FINE-IT-TAB1', bill.totalFen));
    await nontax.startPayment(order(bill.paymentCode, 'FINE-IT-TAB2', bill.totalFen));
    const before = opened.length;

    // Act
    for (const ddh of ['FINE-IT-TAB1', 'FINE-IT-TAB2']) {
      expect((await fetch(`${sandbox.url}/sandbox/nontax/orders/${ddh}/pay`, { method: 'POST' })).status).toBe(200);
    }
    await eventually(() => opened.length === before + 2);
    const refund = await nontax.refund({
      outTradeNo: 'FINE-IT-TAB2',
      outRefundNo: 'REFUND-IT-0001',
      amountFen: bill.totalFen,
      reason: '重复缴款',
    });
    const refundAgain = await nontax.refund({
      outTradeNo: 'FINE-IT-TAB2',
      outRefundNo: 'REFUND-IT-0001',
      amountFen: bill.totalFen,
      reason: '重复缴款',
    });
    const first = await nontax.settlement('FINE-IT-TAB1');
    const second = await nontax.settlement('FINE-IT-TAB2');

    // Assert
    expect(refund.refundNo).toMatch(/^TK\d+$/);
    expect(refundAgain).toEqual(refund);
    expect(first?.state).toBe('paid');
    expect(second).toMatchObject({ state: 'refunded', amountFen: 20_000 });
    expect(second?.receiptNo).not.toBe(first?.receiptNo);
  });

  it('when an unpaid order is closed, then it is closed and has no settlement', async () => {
    // Arrange
    await openDecision('4401062026900003', 1);
    const bill = await nontax.billOf('4401062026900003');
    if (!bill) throw new Error('no bill');
    await nontax.startPayment(order(bill.paymentCode, 'FINE-IT-0003', bill.totalFen));

    // Act
    const closed = await nontax.closePayment('FINE-IT-0003');
    const settlement = await nontax.settlement('FINE-IT-0003');
    const unknown = await nontax.billOf('4401062026999999');

    // Assert
    expect(closed).toBe('closed');
    expect(settlement).toBeUndefined();
    expect(unknown).toBeUndefined();
  });

  it('when a callback is replayed verbatim after six minutes, then the adapter rejects it as stale', async () => {
    // Arrange
    const before = opened.length;
    clock.advance(6 * 60_000);

    // Act
    const replay = await fetch(`${sandbox.url}/sandbox/nontax/callbacks/FINE-IT-0001/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verbatim: true }),
    });
    await eventually(() => opened.length === before + 1);

    // Assert
    expect(replay.status).toBe(202);
    expect(opened[before]).toEqual({ ok: false, rejection: 'stale' });
  });
});
