import { TEST_NONTAX } from '../../testing/fixtures';
import {
  createOrder,
  dayAfterDecision,
  eventually,
  nontaxSandbox,
  openDecision,
  startReceiver,
  type NontaxHarness,
  type Receiver,
} from '../../testing/nontax';
import type { CallbackDelivery } from './callback-dispatcher';
import { isNontaxSignature } from './signature';

let harness: NontaxHarness;
let receiver: Receiver;
let jkm: string;

beforeEach(async () => {
  harness = nontaxSandbox();
  harness.clock.set(dayAfterDecision(0));
  receiver = await startReceiver();
  ({ jkm } = await openDecision(harness));
  await createOrder(harness, jkm, 'ORDER-0001', { notifyUrl: receiver.url });
});

afterEach(async () => {
  harness.close();
  await receiver.close();
});

async function deliveries(): Promise<Array<Omit<CallbackDelivery, 'createdAt'>>> {
  const res = await harness.agent.get('/sandbox/nontax/callbacks').expect(200);
  return (res.body as { deliveries: Array<Omit<CallbackDelivery, 'createdAt'>> }).deliveries;
}

function parsed(body: string | undefined): Record<string, string> {
  return JSON.parse(body ?? '{}') as Record<string, string>;
}

describe('payment callbacks', () => {
  it('when an order is paid, then a callback signed with the app secret reaches the notify URL once acknowledged', async () => {
    // Arrange / Act
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    await eventually(async () => (await deliveries())[0]?.delivered === true);

    // Assert
    expect(receiver.bodies).toHaveLength(1);
    const body = parsed(receiver.bodies[0]);
    expect(body).toMatchObject({
      appId: TEST_NONTAX.appId,
      signType: 'HMAC-SHA256',
      tzlx: 'PAY',
      ddh: 'ORDER-0001',
      jkm,
      jyje: '200.00',
      zt: '1',
    });
    expect(Math.abs(Number(body.timestamp) - harness.clock.nowMs())).toBeLessThan(5000);
    expect(isNontaxSignature(TEST_NONTAX.appSecret, body)).toBe(true);
    expect(isNontaxSignature('another-secret', body)).toBe(false);
  });

  it('when the app answers without {"code":"0000"}, then the callback is retried 15 s later on the sandbox clock', async () => {
    // Arrange
    receiver.reply = { status: 200, body: 'OK' };
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    await eventually(async () => (await deliveries())[0]?.attempts === 1 && receiver.bodies.length === 1);
    const waiting = (await deliveries())[0];

    // Act
    receiver.reply = { status: 200, body: '{"code":"0000"}' };
    harness.clock.advance(14_000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const notYet = receiver.bodies.length;
    harness.clock.advance(1_500);
    await eventually(async () => (await deliveries())[0]?.delivered === true);

    // Assert
    expect(waiting).toMatchObject({ delivered: false, lastStatus: 200 });
    expect(notYet).toBe(1);
    expect(receiver.bodies).toHaveLength(2);
    // Each attempt is signed afresh.
    expect(parsed(receiver.bodies[1]).nonce).not.toBe(parsed(receiver.bodies[0]).nonce);
  });

  it('when callbacks are held (app unreachable), then attempts fail until released, then it is delivered', async () => {
    // Arrange
    await harness.agent.post('/sandbox/nontax/callbacks/hold').expect(200);

    // Act
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    await eventually(async () => (await deliveries())[0]?.attempts === 1);
    harness.clock.advance(15_000);
    await eventually(async () => (await deliveries())[0]?.attempts === 2);
    const held = (await deliveries())[0];
    await harness.agent.post('/sandbox/nontax/callbacks/release').expect(200);
    await eventually(async () => (await deliveries())[0]?.delivered === true);

    // Assert
    expect(held).toMatchObject({ delivered: false, lastStatus: null });
    expect(held?.lastError).toContain('held');
    expect(receiver.bodies).toHaveLength(1);
  });

  it('when a delivered callback is replayed, then the app receives it again, re-signed or verbatim', async () => {
    // Arrange
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    await eventually(() => receiver.bodies.length === 1);

    // Act
    await harness.agent.post('/sandbox/nontax/callbacks/ORDER-0001/replay').send({}).expect(202);
    await eventually(() => receiver.bodies.length === 2);
    await harness.agent.post('/sandbox/nontax/callbacks/ORDER-0001/replay').send({ verbatim: true }).expect(202);
    await eventually(() => receiver.bodies.length === 3);
    const unknown = await harness.agent.post('/sandbox/nontax/callbacks/ORDER-NONE/replay').send({});

    // Assert
    expect(parsed(receiver.bodies[1]).nonce).not.toBe(parsed(receiver.bodies[0]).nonce);
    expect(parsed(receiver.bodies[1]).ddh).toBe('ORDER-0001');
    expect(receiver.bodies[2]).toBe(receiver.bodies[1]);
    expect(unknown.status).toBe(404);
  });

  it('when the sandbox closes, then no retry goes out any more', async () => {
    // Arrange
    receiver.reply = { status: 500, body: '' };
    await harness.agent.post('/sandbox/nontax/orders/ORDER-0001/pay').expect(200);
    await eventually(() => receiver.bodies.length === 1);

    // Act
    harness.close();
    harness.clock.advance(60 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 800));

    // Assert
    expect(receiver.bodies).toHaveLength(1);
  });
});
