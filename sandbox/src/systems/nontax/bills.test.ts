import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import request from 'supertest';
import { SandboxClock } from '../../core/clock';
import { SandboxEvents, type FinePaid } from '../../core/events';
import { Prng } from '../../core/prng';
import { resolveOptions } from '../../options';
import { testOptions } from '../../testing/fixtures';
import {
  DECISION,
  createOrder,
  dayAfterDecision,
  nontaxCall,
  nontaxSandbox,
  openDecision,
  signedParams,
  type NontaxHarness,
} from '../../testing/nontax';
import { createNontaxSystem } from '.';
import { isPaymentCode } from './numbers';
import { nontaxSign } from './signature';

let harness: NontaxHarness;

beforeEach(() => {
  harness = nontaxSandbox();
  harness.clock.set(dayAfterDecision(0));
});

afterEach(() => harness.close());

describe('bills (缴款码) of decisions', () => {
  it('when a decision is opened, then its 缴款码 is 20 digits with a check digit and the person is masked', async () => {
    // Arrange / Act
    const res = await harness.agent.post('/sandbox/nontax/decisions').send(DECISION).expect(201);
    const again = await harness.agent.post('/sandbox/nontax/decisions').send(DECISION).expect(200);

    // Assert
    const body = res.body as Record<string, unknown>;
    expect(isPaymentCode(String(body.jkm))).toBe(true);
    expect(again.body).toMatchObject({ jkm: body.jkm });
    expect(JSON.stringify(body)).not.toContain(DECISION.sfzmhm);
    expect(JSON.stringify(body)).not.toContain(DECISION.xm);
  });

  it('when the bill is asked for by 决定书编号 on the decision day, then the amount is the fine, due in 15 days', async () => {
    // Arrange
    const { jkm } = await openDecision(harness);

    // Act
    const answer = await nontaxCall(harness, '/bill/query', { jdsbh: DECISION.jdsbh });

    // Assert
    expect(answer).toMatchObject({ code: '0000' });
    expect(answer.data).toMatchObject({
      jkm,
      jdsbh: DECISION.jdsbh,
      fkje: '200.00',
      jcfk: '0.00',
      yjje: '200.00',
      jfqx: '20261216',
      zt: '0',
    });
  });

  it.each([
    { day: 15, jcfk: '0.00', yjje: '200.00' },
    { day: 16, jcfk: '6.00', yjje: '206.00' },
    { day: 20, jcfk: '30.00', yjje: '230.00' },
    { day: 300, jcfk: '200.00', yjje: '400.00' },
  ])('when it is day $day after the decision, then 加处罚款 is $jcfk', async ({ day, jcfk, yjje }) => {
    // Arrange
    const { jkm } = await openDecision(harness);
    harness.clock.set(dayAfterDecision(day));

    // Act
    const answer = await nontaxCall(harness, '/bill/query', { jkm });

    // Assert
    expect(answer.data).toMatchObject({ fkje: '200.00', jcfk, yjje, zt: '0' });
  });

  it('when the 15th day ends at midnight Beijing, then the late fee starts at 00:00 of the 16th', async () => {
    // Arrange
    const { jkm } = await openDecision(harness);
    const lastMinute = new Date(Date.UTC(2026, 11, 16, 15, 59, 0)); // 2026-12-16 23:59 Beijing

    // Act
    harness.clock.set(lastMinute);
    const before = await nontaxCall(harness, '/bill/query', { jkm });
    harness.clock.advance(60_000);
    const after = await nontaxCall(harness, '/bill/query', { jkm });

    // Assert
    expect(before.data).toMatchObject({ jcfk: '0.00' });
    expect(after.data).toMatchObject({ jcfk: '6.00' });
  });

  it('when no bill has the number, then the answer is 2001, signed', async () => {
    // Arrange / Act
    const answer = await nontaxCall(harness, '/bill/query', { jdsbh: 'NO-SUCH-DECISION' });

    // Assert
    expect(answer.code).toBe('2001');
    expect(answer.sign).toBe(nontaxSign('test-nontax-app-secret', answer));
  });

  it('when a bill is voided, then it answers 作废', async () => {
    // Arrange
    const { jkm } = await openDecision(harness);

    // Act
    await harness.agent.post(`/sandbox/nontax/bills/${jkm}/void`).expect(200);
    const answer = await nontaxCall(harness, '/bill/query', { jkm });

    // Assert
    expect(answer.data).toMatchObject({ zt: '2' });
  });
});

describe('request signatures', () => {
  it('when the answer is a success, then its sign covers code, msg, data, timestamp and nonce', async () => {
    // Arrange
    await openDecision(harness);

    // Act
    const answer = await nontaxCall(harness, '/bill/query', { jdsbh: DECISION.jdsbh });
    const tampered = { ...answer, data: { ...answer.data, yjje: '0.01' } };

    // Assert
    expect(answer.sign).toBe(nontaxSign('test-nontax-app-secret', answer));
    expect(tampered.sign).not.toBe(nontaxSign('test-nontax-app-secret', tampered));
  });

  it('when the request is signed with another secret, then 1002 comes unsigned', async () => {
    // Arrange
    const params = signedParams(harness.clock, { jdsbh: DECISION.jdsbh }, 'not-the-secret');

    // Act
    const res = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);

    // Assert
    expect(res.body).toMatchObject({ code: '1002', sign: '' });
  });

  it('when a parameter is changed after signing, then 1002', async () => {
    // Arrange
    const params = { ...signedParams(harness.clock, { jdsbh: DECISION.jdsbh }), jdsbh: 'OTHER' };

    // Act
    const res = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);

    // Assert
    expect(res.body).toMatchObject({ code: '1002' });
  });

  it('when the timestamp is six minutes old, then 1003', async () => {
    // Arrange
    const params = signedParams(harness.clock, { jdsbh: DECISION.jdsbh });
    harness.clock.advance(6 * 60_000);

    // Act
    const res = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);

    // Assert
    expect(res.body).toMatchObject({ code: '1003' });
  });

  it('when the same signed request is sent twice, then the second is refused as a replay (1004)', async () => {
    // Arrange
    await openDecision(harness);
    const params = signedParams(harness.clock, { jdsbh: DECISION.jdsbh });

    // Act
    const first = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);
    const second = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);

    // Assert
    expect(first.body).toMatchObject({ code: '0000' });
    expect(second.body).toMatchObject({ code: '1004' });
  });

  it('when a parameter is not a string, then 1001', async () => {
    // Arrange
    const params = { ...signedParams(harness.clock, {}), jdsbh: 123 };

    // Act
    const res = await harness.agent.post('/nontax/api/v1/bill/query').send(params).expect(200);

    // Assert
    expect(res.body).toMatchObject({ code: '1001' });
  });
});

describe('events between systems', () => {
  const events = new SandboxEvents();
  const clock = new SandboxClock();
  const system = createNontaxSystem({
    clock,
    options: resolveOptions(testOptions()),
    citizens: [],
    random: (stream) => Prng.derive(1, stream),
    events,
  });
  const app = new Koa();
  app.use(bodyParser({ enableTypes: ['json'] }));
  app.use(system.routes.routes());
  const control = new Router({ prefix: '/sandbox/nontax' });
  if (system.controlRoutes) control.use(system.controlRoutes.routes());
  app.use(control.routes());
  const own: NontaxHarness = { agent: request(app.callback()), clock, close: () => system.close?.() };
  const paid: FinePaid[] = [];
  events.on('finePaid', (event) => paid.push(event));

  afterAll(() => own.close());

  it('when the traffic system issues a decision, then the platform opens its 缴款码 for the fine', async () => {
    // Arrange
    clock.set(dayAfterDecision(0));

    // Act
    events.emit('decisionIssued', {
      jdsbh: DECISION.jdsbh,
      wfbh: '4401060000012345',
      sfzmhm: DECISION.sfzmhm,
      xm: DECISION.xm,
      fkje: '150',
      wfjf: '3',
      jdsj: DECISION.jdsj,
      cjjgmc: '广州市公安局交通警察支队天河大队',
    });
    const answer = await nontaxCall(own, '/bill/query', { jdsbh: DECISION.jdsbh });

    // Assert
    expect(answer.data).toMatchObject({ fkje: '150.00', yjje: '150.00', zsdwmc: '广州市公安局交通警察支队天河大队' });
  });

  it('when the bill is paid twice (two cashier tabs), then the traffic system hears of it once', async () => {
    // Arrange
    const jkm = String((await nontaxCall(own, '/bill/query', { jdsbh: DECISION.jdsbh })).data?.jkm);
    await createOrder(own, jkm, 'ORDER-TAB-1');
    await createOrder(own, jkm, 'ORDER-TAB-2');

    // Act
    await own.agent.post('/sandbox/nontax/orders/ORDER-TAB-1/pay').expect(200);
    await own.agent.post('/sandbox/nontax/orders/ORDER-TAB-2/pay').expect(200);

    // Assert
    expect(paid).toEqual([{ jdsbh: DECISION.jdsbh, jfsj: expect.stringMatching(/^2026120112\d{4}$/) as unknown }]);
  });
});
