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

/**
 * Files `count` applications whose fee is due once staff accept them, then creates one H5 order per
 * case (`concurrency` at a time), pays each at the cashier and waits for every notification to be
 * acknowledged. Returns p50/p99 of both.
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
  const cashiers = [];
  await pool(cases, concurrency, async (caseNo) => {
    const started = performance.now();
    const res = await fetch(`${bffUrl}/api/v1/payments/orders`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        thing: { kind: 'fee', caseId: caseNo },
        channel: 'h5',
        returnPath: '/packages/pay/pages/result/index',
      }),
    });
    const order = await json(res);
    orderMs.push(performance.now() - started);
    if (order.pay?.kind !== 'redirect') throw new Error(`order for ${caseNo}: no cashier page`);
    cashiers.push(new URL(order.pay.url));
  });

  // Paid one after another, so the notices reach an otherwise idle BFF and their timing is its own.
  for (const cashier of cashiers) {
    const paid = await fetch(`${cashier.origin}${cashier.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ redirect_url: cashier.searchParams.get('redirect_url') ?? '' }),
      redirect: 'manual',
    });
    if (paid.status >= 400) throw new Error(`cashier: HTTP ${paid.status}`);
  }
  let notices = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { notifications } = await json(await fetch(`${sandboxUrl}/sandbox/wxpay/notifications`));
    notices = notifications.filter((n) => n.eventType === 'TRANSACTION.SUCCESS');
    if (notices.length >= cashiers.length && notices.every((n) => n.acknowledged)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const acknowledged = notices.filter((n) => n.acknowledged && typeof n.lastDurationMs === 'number');
  if (acknowledged.length < cashiers.length) {
    throw new Error(`only ${acknowledged.length} of ${cashiers.length} payment notices acknowledged`);
  }
  return {
    orders: summary(orderMs),
    notices: summary(acknowledged.map((n) => n.lastDurationMs)),
    attemptsPerNotice: acknowledged.reduce((sum, n) => sum + n.attempts, 0) / acknowledged.length,
  };
}
