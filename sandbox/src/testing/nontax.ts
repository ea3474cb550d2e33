/** Test helpers of the 非税 platform: a sandbox whose clock and timers the test holds, signed calls, a receiver. */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { buildSandbox } from '../app';
import type { SandboxClock } from '../core/clock';
import { nontaxSign } from '../systems/nontax/signature';
import { TEST_NONTAX, testOptions, type Agent } from './fixtures';

export interface NontaxHarness {
  agent: Agent;
  clock: SandboxClock;
  /** Stops the callback timers (call in afterEach). */
  close(): void;
}

export function nontaxSandbox(): NontaxHarness {
  const built = buildSandbox(testOptions());
  return { agent: request(built.app.callback()), clock: built.clock, close: built.closeSystems };
}

/** A request's parameters, signed as the app does; `tweak` changes them after signing (forgeries). */
export function signedParams(
  clock: SandboxClock,
  fields: Record<string, string>,
  secret: string = TEST_NONTAX.appSecret,
): Record<string, string> {
  const params: Record<string, string> = {
    ...fields,
    appId: TEST_NONTAX.appId,
    timestamp: String(clock.nowMs()),
    nonce: randomBytes(16).toString('hex'),
    signType: 'HMAC-SHA256',
  };
  return { ...params, sign: nontaxSign(secret, params) };
}

/** A signed call; returns the answer's body. */
export async function nontaxCall(
  harness: NontaxHarness,
  path: string,
  fields: Record<string, string>,
): Promise<{ code: string; msg: string; data?: Record<string, unknown>; sign: string } & Record<string, unknown>> {
  const res = await harness.agent.post(`/nontax/api/v1${path}`).send(signedParams(harness.clock, fields)).expect(200);
  return res.body as { code: string; msg: string; data?: Record<string, unknown>; sign: string };
}

export const DECISION = {
  jdsbh: '4401062026000123',
  sfzmhm: '440106199001011234',
  xm: '张三丰',
  fkje: '200',
  // 2026-12-01 10:00 Beijing: the last day without 加处罚款 is 2026-12-16.
  jdsj: '20261201100000',
} as const;

/** The decision day at noon Beijing, plus `days`. */
export function dayAfterDecision(days: number): Date {
  return new Date(Date.UTC(2026, 11, 1, 4, 0, 0) + days * 24 * 60 * 60 * 1000);
}

export async function openDecision(
  harness: NontaxHarness,
  overrides: Partial<Record<keyof typeof DECISION, string>> = {},
): Promise<{ jkm: string; jdsbh: string }> {
  const res = await harness.agent
    .post('/sandbox/nontax/decisions')
    .send({ ...DECISION, ...overrides })
    .expect(201);
  return res.body as { jkm: string; jdsbh: string };
}

/** Registers a payment order of today's amount; returns the cashier path. */
export async function createOrder(
  harness: NontaxHarness,
  jkm: string,
  ddh: string,
  options: { notifyUrl?: string; amount?: string; returnUrl?: string } = {},
): Promise<{ code: string; cashierPath?: string }> {
  const bill = await nontaxCall(harness, '/bill/query', { jkm });
  const answer = await nontaxCall(harness, '/payment/create', {
    jkm,
    ddh,
    jyje: options.amount ?? String(bill.data?.yjje),
    tzdz: options.notifyUrl ?? 'http://127.0.0.1:1/api/v1/hooks/nontax',
    fhdz: options.returnUrl ?? 'http://127.0.0.1:1/h5/pay/result?order=1',
    sxsj: compactIn(harness.clock, 30 * 60_000),
  });
  const syturl = answer.data?.syturl;
  return { code: answer.code, ...(typeof syturl === 'string' ? { cashierPath: new URL(syturl).pathname } : {}) };
}

function compactIn(clock: SandboxClock, ms: number): string {
  const beijing = new Date(clock.nowMs() + ms + 8 * 60 * 60 * 1000);
  return beijing.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A stand-in for the app's notify endpoint: records raw bodies, answers as told. */
export interface Receiver {
  url: string;
  bodies: string[];
  reply: { status: number; body: string };
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const receiver = { reply: { status: 200, body: '{"code":"0000","msg":"成功"}' } };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.statusCode = receiver.reply.status;
      res.setHeader('content-type', 'application/json');
      res.end(receiver.reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/v1/hooks/nontax`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Polls until `check` holds (callbacks travel asynchronously), at most `ms`. */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
