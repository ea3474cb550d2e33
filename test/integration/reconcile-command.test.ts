import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { toCompactDate, type PaymentOrder } from '@suijing/shared';
import { Types } from 'mongoose';
import { bearer, loginByWechat, verifyIdentity } from '../support/auth-helpers';
import { acceptedPassportCase } from '../support/fees';
import { leaksIn } from '../support/log-audit';
import { startTestStack, type TestStack } from '../support/stack';

/** Built by `npm test` before jest runs (scripts/build.mjs); this suite builds nothing. */
const COMMAND = path.resolve(__dirname, '../../bff/dist/reconcile.js');
const DAY = 86_400_000;
const beijingDay = (at: Date): string => toCompactDate(at).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Report {
  day: string;
  matched: number;
  fixed: Array<{ orderId: string; what: string }>;
  differences: unknown[];
}

/**
 * 对账 by hand, as an operator runs it: `node bff/dist/reconcile.js` as a
 * child process with the stack's environment, against the stack's MongoDB
 * and the sandbox's WeChat Pay and 非税 platform over real HTTP.
 */
describe('the reconciliation command', () => {
  let stack: TestStack;
  let token: string;
  let person: { name: string; idNumber: string; phone: string; openid: string };

  beforeAll(async () => {
    if (!existsSync(COMMAND)) throw new Error(`${COMMAND} is missing: build the BFF first (npx tsc -b bff)`);
    stack = await startTestStack();
    person = await stack.sandbox.citizen('primary');
    token = (await loginByWechat(stack, person.openid)).accessToken;
    await verifyIdentity(stack, token, person);
  });
  afterAll(async () => {
    await stack.sandbox.holdWxpayNotices(false);
    await stack.close();
  });

  /** The command with the stack's configuration only (not this process's), and its exit code and output. */
  function reconcile(args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [COMMAND, ...args], {
        env: { ...stack.env, PATH: process.env['PATH'] ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const orderDoc = async (id: string) => {
    const doc = await stack.connection
      .collection<{ outTradeNo: string; state: string; settledBy?: string }>('payment_orders')
      .findOne({ _id: new Types.ObjectId(id) } as object);
    if (!doc) throw new Error(`no order ${id}`);
    return doc;
  };

  it('when the arguments are wrong, then it exits 64 with its usage and touches nothing', async () => {
    // Act
    const runs = await Promise.all([
      reconcile([]),
      reconcile(['--day', '2026-12-6']),
      reconcile(['--day', '2026-12-06', '--as-of', 'yesterday']),
    ]);

    // Assert
    for (const run of runs) {
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 64, stdout: '' });
      expect(run.stderr).toMatch(/usage/);
    }
    expect(await stack.connection.collection('payment_reconciliations').countDocuments()).toBe(0);
  });

  it('when a payment notice was lost, then the next day the command settles the order, reports it fixed and exits 0', async () => {
    // Arrange: a fee paid at WeChat Pay whose notice never reaches us
    await stack.sandbox.holdWxpayNotices(true);
    const caseNo = await acceptedPassportCase(stack, token, person);
    const created = await stack
      .api()
      .post('/api/v1/payments/orders')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ thing: { kind: 'fee', caseId: caseNo }, channel: 'jsapi' });
    if (created.status !== 201) throw new Error(`order: ${created.status} ${JSON.stringify(created.body)}`);
    const order = created.body as PaymentOrder;
    await stack.sandbox.wxpayPay((await orderDoc(order.id)).outTradeNo);
    const day = beijingDay(stack.clock.now());
    expect((await orderDoc(order.id)).state).toBe('pending');
    // The trade bill exists once the Beijing day is over on the sandbox's clock.
    await stack.advanceTime(DAY);

    // Act: as of the sandbox's time, which both platforms check requests against
    const run = await reconcile(['--day', day, '--as-of', stack.clock.now().toISOString()]);

    // Assert
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(run.stdout) as Report;
    expect(report).toMatchObject({
      day,
      fixed: [{ orderId: order.id, what: 'missed-payment-notice' }],
      differences: [],
    });
    expect(report.matched).toBe(0);
    expect(await orderDoc(order.id)).toMatchObject({ state: 'paid', settledBy: 'reconciliation' });
    const stored = await stack.connection.collection<{ _id: string }>('payment_reconciliations').findOne({ _id: day });
    expect(stored).toMatchObject({ fixed: [{ orderId: order.id, what: 'missed-payment-notice' }], differences: [] });
    expect(leaksIn(run.stderr.split('\n'))).toEqual([]);
  });

  it('when it runs again for the same day, then everything matches and nothing is left to fix', async () => {
    // Arrange
    const day = beijingDay(new Date(stack.clock.now().getTime() - DAY));

    // Act
    const run = await reconcile(['--day', day, '--as-of', stack.clock.now().toISOString()]);

    // Assert
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ day, matched: 1, fixed: [], differences: [] });
  });
});
