// Payments benchmark: order creation (POST /payments/orders, the upstream WeChat Pay order over HTTP
// included) timed by the client, and notification handling timed by the platform that sends it (the
// sandbox's WeChat Pay measures how long the BFF takes to acknowledge each signed, encrypted notice).
import { randomUUID } from 'node:crypto';
import { json, postJson } from './stack.mjs';

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function pool(items, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The WeChat Pay notification of this order once acknowledged (the sandbox shows each with its timing). */
async function acknowledgedNotice(sandboxUrl, outTradeNo) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { notifications } = await json(await fetch(`${sandboxUrl}/sandbox/wxpay/orders/${outTradeNo}`));
    const notice = notifications.find((n) => n.eventType === 'TRANSACTION.SUCCESS' && n.acknowledged);
    if (notice) return notice;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the payment notice of ${outTradeNo} was not acknowledged`);
}

/**
 * Files `count` applications whose fee is due once staff accept them (`concurrency` at a time), then,
 * one case after another: an H5 order, its payment at the cashier, and the wait until WeChat Pay's
 * notification is acknowledged. Returns p50/p99 of order creation and of notification handling.
 */
export async function paymentsBench({ bffUrl, sandboxUrl, auth, application, count = 100, concurrency = 10 }) {
  const cases = [];
  await pool(
    Array.from({ length: count }, () => undefined),
    concurrency,
    async () => {
      const filed = await fetch(`${bffUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(application),
      });
      const { caseNo } = await json(filed);
      await json(await postJson(`${sandboxUrl}/sandbox/approval/cases/${caseNo}/actions`, { action: 'accept' }));
      cases.push(caseNo);
    },
  );

  const orderMs = [];
  const noticeMs = [];
  let attempts = 0;
  for (const caseNo of cases) {
    const started = performance.now();
    const order = await json(
      await fetch(`${bffUrl}/api/v1/payments/orders`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          thing: { kind: 'fee', caseId: caseNo },
          channel: 'h5',
          returnPath: '/packages/pay/pages/result/index',
        }),
      }),
    );
    orderMs.push(performance.now() - started);
    if (order.pay?.kind !== 'redirect') throw new Error(`order for ${caseNo}: no cashier page`);
    const cashier = new URL(order.pay.url);
    const paid = await fetch(`${cashier.origin}${cashier.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_url: cashier.searchParams.get('redirect_url') ?? '' }),
      redirect: 'manual',
    });
    if (paid.status >= 400) throw new Error(`cashier: HTTP ${paid.status}`);
    const { notifications } = await json(await fetch(`${sandboxUrl}/sandbox/wxpay/notifications`));
    const outTradeNo = notifications.at(-1)?.outTradeNo;
    if (!outTradeNo) throw new Error('no notification after paying');
    const notice = await acknowledgedNotice(sandboxUrl, outTradeNo);
    noticeMs.push(notice.lastDurationMs);
    attempts += notice.attempts;
  }
  return { orders: summary(orderMs), notices: summary(noticeMs), attemptsPerNotice: attempts / cases.length };
}
