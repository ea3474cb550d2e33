import { randomUUID } from 'node:crypto';
import type { HallList } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import {
  addressFor,
  findItem,
  bearer,
  loginBySms,
  requiredMaterials,
  uniquePhone,
  verifyIdentity,
} from '../support/auth-helpers';
import { fillForm } from '../support/forms';
import type { Response } from 'supertest';

type Fault = { latencyMs?: number; errorRate?: number; down?: boolean; malformed?: boolean };

/** Each way a back-end system breaks: slower than the timeout (1.5 s here), 500s, garbage, dropped connections. */
const FAULTS: Array<[string, Fault]> = [
  ['slow past the timeout', { latencyMs: 2_500 }],
  ['500s', { errorRate: 1 }],
  ['malformed bodies', { malformed: true }],
  ['connections dropped', { down: true }],
];

/** Timeout × (one try + one retry for safe calls) + slack: no request hangs on a broken system. */
const BUDGET_MS = 5_000;

/**
 * Every back-end system × every way it breaks: the routes that need it answer
 * within their budget with a clear 503 (or, where a copy is kept, the copy),
 * the rest of the app keeps working, and a submission caught in the fault is
 * filed exactly once when retried.
 */
describe('fault matrix: each system broken each way', () => {
  // A stack of its own per case: a circuit breaker opened by one case must not colour the next.
  let stack: TestStack;
  let base: string;
  let residents: Array<{ name: string; idNumber: string }>;
  let nextResident = 0;

  beforeEach(async () => {
    stack = await startTestStack({ TRAFFIC_FRESH_SECONDS: '0', TRAFFIC_REVALIDATE_SECONDS: '0' });
    await stack.sandbox.setTrafficLatency(0);
    base = (await loginBySms(stack)).accessToken;
    residents = await stack.sandbox.registerPeople('resident', 20, 2000);
    nextResident = 0;
  });
  afterEach(() => stack.close());

  const theItem = () => findItem(stack, '居民身份证有效期满换领');

  async function aHall(): Promise<{ hallId: string; business: string }> {
    const halls = (await stack.api().get('/api/v1/halls').expect(200)).body as HallList;
    return { hallId: halls.items[0]?.id ?? '', business: halls.items[0]?.businesses[0]?.code ?? '' };
  }

  /** A new verified citizen (nothing cached for them anywhere). */
  async function verifiedCitizen(): Promise<{ token: string; person: { name: string; idNumber: string } }> {
    const person = residents[nextResident++];
    if (!person) throw new Error('out of residents');
    const { accessToken } = await loginBySms(stack);
    await verifyIdentity(stack, accessToken, person);
    return { token: accessToken, person };
  }

  async function timed(run: () => Promise<Response>): Promise<{ res: Response; ms: number }> {
    const started = Date.now();
    const res = await run();
    return { res, ms: Date.now() - started };
  }

  /** The app beside the broken system still answers. */
  async function othersWork(): Promise<void> {
    await stack.api().get('/api/v1/items/hot').expect(200);
    await stack.api().get('/api/v1/me').set(bearer(base)).expect(200);
  }

  function expectClear503(res: Response, ms: number): void {
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/暂时无法访问/);
    expect(ms).toBeLessThan(BUDGET_MS);
  }

  describe.each(FAULTS)('%s', (_label, fault) => {
    it('when WeChat breaks, then WeChat login is a clear 503 and SMS login still works', async () => {
      const code = await stack.sandbox.wechatCode(`fault-${randomUUID()}`);
      await stack.sandbox.setFault('wechat', fault);

      const { res, ms } = await timed(() =>
        stack
          .api()
          .post('/api/v1/auth/wechat')
          .send({ code, client: { platform: 'weapp' } }),
      );

      expectClear503(res, ms);
      await othersWork();
    });

    it('when the SMS gateway breaks, then sending a code is a clear 503', async () => {
      const phone = uniquePhone();
      await stack.sandbox.setFault('sms', fault);

      const { res, ms } = await timed(() =>
        stack.api().post('/api/v1/auth/sms/send').set('X-Forwarded-For', addressFor(phone)).send({ phone }),
      );

      expectClear503(res, ms);
      await othersWork();
    });

    it('when the catalog system breaks, then search and guides are served from the copy in memory', async () => {
      await theItem(); // the instance has loaded the catalog
      await stack.sandbox.setFault('catalog', fault);

      const { res, ms } = await timed(() => stack.api().get('/api/v1/items').query({ q: '护照' }));

      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(BUDGET_MS);
      await othersWork();
    });

    it('when the identity system breaks, then 实名认证 is a clear 503 and the user stays unverified', async () => {
      const { accessToken } = await loginBySms(stack);
      const person = residents[nextResident++];
      await stack.sandbox.setFault('identity', fault);

      const { res, ms } = await timed(() =>
        stack
          .api()
          .post('/api/v1/identity/verify')
          .set(bearer(accessToken))
          .send({ name: person?.name, idNumber: person?.idNumber }),
      );
      await stack.sandbox.clearFaults();
      const status = await stack.api().get('/api/v1/identity').set(bearer(accessToken)).expect(200);

      expectClear503(res, ms);
      expect(status.body.realNameStatus).toBe('unverified');
      await othersWork();
    });

    it('when the approval system breaks during a submission, then 503, and the retry files exactly one case', async () => {
      // Arrange: everything ready before the system breaks (uploads go to it too).
      const item = await theItem();
      const { token, person } = await verifiedCitizen();
      const body = {
        itemCode: item.code,
        formVersion: item.form.version,
        data: fillForm(item.form, { ...person, phone: '13800000000' }),
        materials: await requiredMaterials(stack, token, item.code),
      };
      const key = randomUUID();
      const submit = () =>
        stack.api().post('/api/v1/applications').set(bearer(token)).set('Idempotency-Key', key).send(body);
      await stack.sandbox.setFault('approval', fault);

      // Act
      const { res, ms } = await timed(submit);
      await stack.sandbox.clearFaults();
      await stack.advanceTime(31_000); // the key's lease lapses, as for a worker that gave up
      const retried = await submit();

      // Assert
      expectClear503(res, ms);
      expect(retried.status).toBe(201);
      expect(await stack.sandbox.approvalCases(person.idNumber)).toHaveLength(1);
      const draft = await stack.api().get(`/api/v1/drafts/${item.code}`).set(bearer(token));
      expect(draft.status).toBe(404); // submitted: the draft did its job
      await othersWork();
    });

    it('when the traffic system breaks and nothing is cached, then my vehicles are a clear 503', async () => {
      const { token } = await verifiedCitizen();
      await stack.sandbox.setFault('traffic', fault);

      const { res, ms } = await timed(() => stack.api().get('/api/v1/vehicles').set(bearer(token)));

      expectClear503(res, ms);
      await othersWork();
    });

    it('when the hall system breaks, then slots are a clear 503 and the hall list stays up without waits', async () => {
      const { hallId, business } = await aHall();
      await stack.sandbox.setFault('hall', fault);
      stack.clock.advance(16_000); // past the 15 s a queue is kept

      const slots = await timed(() => stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business }));
      const list = await timed(() => stack.api().get('/api/v1/halls'));

      expectClear503(slots.res, slots.ms);
      expect(list.res.status).toBe(200);
      expect(list.ms).toBeLessThan(BUDGET_MS * 3);
      await othersWork();
    }, 60_000);

    it('when the feedback platform breaks, then the hot board is a clear 503', async () => {
      await stack.sandbox.setFault('feedback', fault);

      const { res, ms } = await timed(() => stack.api().get('/api/v1/hot-topics').query({ status: 'listed' }));

      expectClear503(res, ms);
      await othersWork();
    });
  });
});

describe('circuit breakers: open on a broken system, close again when it recovers', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const hotTopics = (status: string) => stack.api().get('/api/v1/hot-topics').query({ status });
  const feedbackCircuit = async () =>
    ((await stack.api().get('/readyz')).body as { checks: Record<string, { detail: string }> }).checks['feedback']
      ?.detail;

  it('when the feedback platform fails, then its circuit opens (readiness says so); once it is back, the circuit closes', async () => {
    // Arrange: the platform fails every call.
    await stack.sandbox.setFault('feedback', { errorRate: 1 });

    // Act
    // Six asks: past the breaker's volume threshold (5). The BFF keeps the board a minute, so the clock moves on.
    const failing = [];
    for (let i = 0; i < 6; i += 1) {
      failing.push((await hotTopics('all')).status);
      stack.clock.advance(61_000);
    }
    const whileOpen = await feedbackCircuit();
    await stack.sandbox.clearFaults();
    // opossum tries again after its reset time (10 s, real time).
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const recovered = await hotTopics('all');

    // Assert
    expect(failing.every((status) => status === 503)).toBe(true);
    expect(whileOpen).toBe('circuit open');
    expect(recovered.status).toBe(200);
    expect(await feedbackCircuit()).toBe('circuit closed');
  }, 30_000);
});
