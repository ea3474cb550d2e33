import { startFullStack, type FullStack } from '../support/full-stack';
import { addressFor, uniquePhone } from '../support/auth-helpers';
import { eventually } from '../support/eventually';

// The gateway is slowed on purpose below; on a loaded CI machine 700 ms plus scheduling delays passed the
// test stack's 1.5 s upstream timeout, and the send answered 503 before the stop was ever tested.
const SLOW_GATEWAY_TOLERATED = { UPSTREAM_TIMEOUT_MS: '10000' };

/**
 * An SMS code send kept in flight by a slowed gateway: resolved once the send has reached the gateway
 * (a fixed pause loses the race on a busy machine), with the answer still to come.
 */
async function sendInFlight(stack: FullStack): Promise<{ phone: string; answer: Promise<Response> }> {
  await stack.sandbox.setFault('sms', { latencyMs: 700 });
  const phone = uniquePhone();
  const smsBefore = await stack.sandbox.requestsTo('sms');
  const answer = fetch(`${stack.url}/api/v1/auth/sms/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': addressFor(phone) },
    body: JSON.stringify({ phone }),
  });
  await eventually(
    () => stack.sandbox.requestsTo('sms'),
    (count) => count > smsBefore,
  );
  return { phone, answer };
}

describe('a listening BFF: graceful shutdown', () => {
  let stack: FullStack;
  beforeAll(async () => {
    stack = await startFullStack({ serveH5: false, env: SLOW_GATEWAY_TOLERATED });
  });
  afterAll(() => stack.close());

  it('when the BFF is stopped with a request in flight, then that request completes and new ones are refused', async () => {
    // Arrange
    const inFlight = await sendInFlight(stack);

    // Act
    const stopped = stack.bff.close(5_000);
    const answer = await inFlight.answer;
    await stopped;
    const afterStop = await fetch(`${stack.url}/healthz`).then(
      (res) => res.status,
      () => 'refused',
    );

    // Assert
    expect(answer.status).toBe(200);
    expect(await stack.sandbox.smsOutbox(inFlight.phone)).toHaveLength(1);
    expect(afterStop).toBe('refused');
  });
});

describe('a listening BFF: draining before it stops (behind a load balancer)', () => {
  let stack: FullStack;
  beforeAll(async () => {
    stack = await startFullStack({ serveH5: false, env: SLOW_GATEWAY_TOLERATED });
  });
  afterAll(() => stack.close());

  it('when the BFF drains with a request in flight, then /readyz answers 503, new answers close their connection, and the request completes', async () => {
    // Arrange
    const inFlight = await sendInFlight(stack);

    // Act
    const drained = stack.bff.drain(1_500);
    const readiness = await fetch(`${stack.url}/readyz`);
    const readinessBody = (await readiness.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    const liveness = await fetch(`${stack.url}/healthz`);
    const answer = await inFlight.answer;
    await drained;

    // Assert
    expect(readiness.status).toBe(503);
    expect(readinessBody.status).toBe('unavailable');
    expect(readinessBody.checks['lifecycle']?.ok).toBe(false);
    expect(liveness.status).toBe(200);
    expect(liveness.headers.get('connection')).toBe('close');
    expect(answer.status).toBe(200);
    expect(await stack.sandbox.smsOutbox(inFlight.phone)).toHaveLength(1);
  });
});
