import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ApplicationDetail, ApplicationList, Draft, ItemGuide, MessageList } from '@suijing/shared';
import { connectDatabase, createLogger } from '@suijing/bff';
import { startMongo, startSupervisedMongo, type EmbeddedMongo } from '@suijing/embedded-mongo';
import type { Response } from 'supertest';
import { bearer, findItem, loginBySms, requiredMaterials, verifyIdentity } from '../support/auth-helpers';
import { eventually } from '../support/eventually';
import { fillForm } from '../support/forms';
import { startTestStack, type TestStack } from '../support/stack';

/** Server selection (3 s) and one driver retry of a read, plus slack: nobody waits longer while MongoDB is gone. */
const OUTAGE_BUDGET_MS = 7_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A MongoDB of this test's own, on a fixed port and a kept data directory, so it can be stopped and started again. */
async function restartableMongo(dataDir: string, port: number): Promise<EmbeddedMongo> {
  const { MONGODB_URI: _ignored, ...env } = process.env;
  return startMongo({ dataDir, port, env, log: () => undefined });
}

interface Sample {
  route: string;
  status: number;
  code: string | undefined;
  ms: number;
}

/**
 * Citizens using the app all the time: readers asking who they are, for their
 * cases and for the hot items, and one device saving a draft as its owner
 * types (one save after another, so acknowledged revisions come in order).
 * Records every answer until stopped.
 */
function steadyLoad(stack: TestStack, token: string, item: ItemGuide, readers = 5) {
  const samples: Sample[] = [];
  const acknowledgedRevisions: number[] = [];
  let running = true;
  type Call = [route: string, send: () => Promise<Response>];
  const reads: Call[] = [
    ['GET /me', () => stack.api().get('/api/v1/me').set(bearer(token))],
    ['GET /applications', () => stack.api().get('/api/v1/applications').set(bearer(token))],
    ['GET /items/hot', () => stack.api().get('/api/v1/items/hot')],
  ];
  const saveDraft: Call = [
    'PUT /drafts/:code',
    () =>
      stack
        .api()
        .put(`/api/v1/drafts/${item.code}`)
        .set(bearer(token))
        .send({ formVersion: item.form.version, data: {} }),
  ];
  const record = async ([route, send]: Call) => {
    const started = Date.now();
    const res = await send();
    const body = res.body as { error?: { code?: string }; revision?: number };
    samples.push({ route, status: res.status, code: body.error?.code, ms: Date.now() - started });
    if (route === saveDraft[0] && res.status === 200 && body.revision !== undefined)
      acknowledgedRevisions.push(body.revision);
  };
  const reader = async (offset: number) => {
    for (let n = offset; running; n += 1) await record(reads[n % reads.length] as Call);
  };
  const drafter = async () => {
    while (running) await record(saveDraft);
  };
  const done = Promise.all([drafter(), ...Array.from({ length: readers }, (_, i) => reader(i))]);
  return {
    samples,
    acknowledgedRevisions,
    async stop() {
      running = false;
      await done;
    },
  };
}
/**
 * MongoDB stopped and started again while citizens use the app: the BFF answers
 * 503 while it is gone, comes back by itself, and loses nothing: no session, no
 * acknowledged draft, no case decision pushed meanwhile, and a submission
 * refused meanwhile is filed exactly once when retried.
 */
describe('MongoDB stopped and restarted under load', () => {
  let dataDir: string;
  let port: number;
  let mongo: EmbeddedMongo;
  let stack: TestStack;
  let nextResident = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'suijing-restart-'));
    port = await freePort();
    mongo = await restartableMongo(dataDir, port);
    stack = await startTestStack({ MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/suijing_restart` });
  });
  afterAll(async () => {
    await stack.close();
    await mongo.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const theItem = () => findItem(stack, '居民身份证有效期满换领');

  async function verifiedCitizen(): Promise<{ token: string; refreshToken: string; name: string; idNumber: string }> {
    const [person] = await stack.sandbox.registerPeople('resident', 1, 2000 + nextResident++);
    if (!person) throw new Error('no resident registered');
    const tokens = await loginBySms(stack);
    await verifyIdentity(stack, tokens.accessToken, person);
    return { token: tokens.accessToken, refreshToken: tokens.refreshToken, ...person };
  }

  it('when MongoDB goes away and comes back, then 503s meanwhile, recovery by itself, and nothing lost or doubled', async () => {
    // Arrange: a citizen with a filed case (staff decide it during the outage), another ready to submit.
    const webhookBase = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${webhookBase}/api/v1/hooks/approval`);
    const item = await theItem();
    const submission = async (citizen: { token: string; name: string; idNumber: string }) => ({
      itemCode: item.code,
      formVersion: item.form.version,
      data: fillForm(item.form, { ...citizen, phone: '13800000000' }),
      materials: await requiredMaterials(stack, citizen.token, item.code),
    });
    const decided = await verifiedCitizen();
    const filed = (
      await stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(decided.token))
        .set('Idempotency-Key', randomUUID())
        .send(await submission(decided))
        .expect(201)
    ).body as ApplicationDetail;
    const submitter = await verifiedCitizen();
    const body = await submission(submitter);
    const key = randomUUID();
    const submit = () =>
      stack.api().post('/api/v1/applications').set(bearer(submitter.token)).set('Idempotency-Key', key).send(body);
    const load = steadyLoad(stack, decided.token, item);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Act: MongoDB goes away; meanwhile staff accept the case and the second citizen submits.
    await mongo.stop();
    const duringOutage = await eventually(
      () => stack.api().get('/readyz'),
      (res) => res.status === 503,
    );
    await stack.sandbox.approvalAction(filed.caseNo, 'accept');
    const refused = await submit();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const restartedAt = Date.now();
    mongo = await restartableMongo(dataDir, port);
    const ready = await eventually(
      () => stack.api().get('/readyz'),
      (res) => res.status === 200,
      30_000,
    );
    const recoveredMs = Date.now() - restartedAt;
    // The load goes on until every route has answered again (a request that began in the outage may end after it).
    const lastOfEach = () =>
      ['GET /me', 'GET /applications', 'PUT /drafts/:code'].map(
        (route) => load.samples.filter((s) => s.route === route).at(-1)?.status,
      );
    await eventually(
      () => new Promise<Array<number | undefined>>((resolve) => setTimeout(() => resolve(lastOfEach()), 500)),
      (statuses) => statuses.every((status) => status === 200),
      15_000,
    );
    await load.stop();
    const retried = await submit();

    // Assert: while it was gone, clear 503s within the budget, never a 500.
    expect(duringOutage.status).toBe(503);
    expect(refused.status).toBe(503);
    expect((refused.body as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
    const failures = load.samples.filter((s) => s.status >= 300);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((s) => s.status !== 503 || s.code !== 'DATABASE_UNAVAILABLE')).toEqual([]);
    expect(Math.max(...load.samples.map((s) => s.ms))).toBeLessThan(OUTAGE_BUDGET_MS);
    // The catalog is served from memory: it never depended on MongoDB.
    expect(load.samples.filter((s) => s.route === 'GET /items/hot' && s.status !== 200)).toEqual([]);
    // It came back by itself, and the load ended on successes.
    expect(ready.status).toBe(200);
    expect(recoveredMs).toBeLessThan(30_000);
    expect(lastOfEach()).toEqual([200, 200, 200]);
    // No session lost: the same access and refresh tokens work.
    await stack.api().get('/api/v1/me').set(bearer(decided.token)).expect(200);
    await stack.api().post('/api/v1/auth/refresh').send({ refreshToken: decided.refreshToken }).expect(200);
    // No acknowledged draft save lost.
    const draft = (await stack.api().get(`/api/v1/drafts/${item.code}`).set(bearer(decided.token)).expect(200))
      .body as Draft;
    expect(draft.revision).toBeGreaterThanOrEqual(Math.max(...load.acknowledgedRevisions));
    // The submission refused during the outage is filed exactly once.
    expect(retried.status).toBe(201);
    expect(await stack.sandbox.approvalCases(submitter.idNumber)).toHaveLength(1);
    // The decision pushed during the outage arrived when the system retried it, once.
    const cases = await eventually(
      async () =>
        (await stack.api().get('/api/v1/applications').set(bearer(decided.token)).expect(200)).body as ApplicationList,
      (list) => list.items.some((c) => c.caseNo === filed.caseNo && c.status !== 'submitted'),
      30_000,
    );
    expect(cases.items.find((c) => c.caseNo === filed.caseNo)?.status).toBe('accepted');
    const messages = (await stack.api().get('/api/v1/messages').set(bearer(decided.token)).expect(200))
      .body as MessageList;
    expect(messages.items.filter((m) => m.caseNo === filed.caseNo && m.title.includes('已受理'))).toHaveLength(1);
  }, 120_000);
});

interface Note {
  _id: string;
  note: string;
}

/** npm start's embedded MongoDB: a server process that dies is started again, or npm start is told it cannot be. */
describe('the supervised embedded MongoDB', () => {
  const { MONGODB_URI: _ignored, ...env } = process.env;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'suijing-supervised-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when its server is killed with SIGKILL, then it serves again on the same address with the same data', async () => {
    // Arrange
    const lines: string[] = [];
    const givenUp: Error[] = [];
    const mongo = await startSupervisedMongo({
      dataDir,
      env,
      log: (line) => lines.push(line),
      retryDelayMs: 100,
      onGiveUp: (error) => givenUp.push(error),
    });
    // The BFF's own kind of connection, kept across the restart: its driver must find the server again.
    const connection = await connectDatabase(`${mongo.uri}supervised`, createLogger({ level: 'silent' }));
    const notes = connection.collection<Note>('notes');
    try {
      await notes.insertOne({ _id: 'n-1', note: '挪车' });
      const killed = mongo.pid;

      // Act
      process.kill(killed ?? 0, 'SIGKILL');
      const note = await eventually(
        () =>
          notes.findOne({ _id: 'n-1' }).then(
            (found) => found?.note ?? 'missing',
            (error: Error) => error.name,
          ),
        (value) => value === '挪车',
        20_000,
      );

      // Assert
      expect(note).toBe('挪车');
      expect(mongo.restarts).toBe(1);
      expect(mongo.pid).not.toBe(killed);
      expect(lines).toContainEqual(expect.stringMatching(/ended unexpectedly \(signal SIGKILL\)/));
      expect(givenUp).toEqual([]);
    } finally {
      await connection.close();
      await mongo.stop();
    }
  }, 60_000);

  it('when it cannot be started again, then it gives up once with the reason instead of retrying for ever', async () => {
    // Arrange: once the server is killed, another program takes its port.
    const givenUp: Error[] = [];
    const mongo = await startSupervisedMongo({
      dataDir,
      env,
      log: () => undefined,
      maxRestarts: 2,
      retryDelayMs: 300,
      onGiveUp: (error) => givenUp.push(error),
    });
    const squatter = createServer();
    try {
      const port = Number(new URL(mongo.uri).port);

      // Act
      process.kill(mongo.pid ?? 0, 'SIGKILL');
      await eventually(
        () =>
          new Promise<boolean>((resolve) => {
            squatter.once('error', () => resolve(false));
            squatter.listen(port, '127.0.0.1', () => resolve(true));
          }),
        (listening) => listening,
        5_000,
      );
      await eventually(
        async () => givenUp.length,
        (count) => count > 0,
        20_000,
      );

      // Assert
      expect(givenUp).toHaveLength(1);
      expect(givenUp[0]?.message).toMatch(/started 2 times within 60 s; last attempt: .+/);
      expect(mongo.restarts).toBe(0);
    } finally {
      squatter.close();
      await mongo.stop();
    }
  }, 60_000);
});
