import { createHmac } from 'node:crypto';
import { TEST_GOV_APP_KEY, TEST_WEBHOOK_SECRET, newSandbox, testOptions } from '../../testing/fixtures';
import { APPLICANT, act, startReceiver, submission, submitted, waitFor, type Receiver } from '../../testing/approval';
import { startSandbox } from '../../server';
import type { ApprovalEvent } from './records';

describe('approval webhook', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('when a case is submitted and accepted, then both events arrive in order, signed over timestamp and raw body', async () => {
    // Arrange
    receiver = await startReceiver();
    const agent = newSandbox({ approval: { webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: receiver.url } });
    const before = Math.floor(Date.now() / 1000);

    // Act
    const record = await submitted(agent);
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    const received = receiver;
    await waitFor(() => received.requests.length >= 2);
    const deliveries = await agent.get('/sandbox/approval/deliveries').expect(200);

    // Assert
    const events = received.requests.map((request) => JSON.parse(request.body) as ApprovalEvent);
    expect(events.map((event) => [event.zt, event.hjmc])).toEqual([
      ['01', '申请'],
      ['02', '受理'],
    ]);
    expect(events[0]).toMatchObject({ bjbh: record.bjbh, sfzmhm: APPLICANT.idNumber, sjsj: record.sqsj, bj: record });
    expect(events[1]?.bj.lcjl).toHaveLength(2);
    expect(new Set(events.map((event) => event.sjbh)).size).toBe(2);
    for (const request of received.requests) {
      const timestamp = String(request.headers['x-approval-timestamp']);
      const expected = createHmac('sha256', TEST_WEBHOOK_SECRET).update(`${timestamp}.${request.body}`).digest('hex');
      expect(request.headers['x-approval-signature']).toBe(expected);
      expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
      expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    }
    expect(deliveries.body.items).toEqual([
      expect.objectContaining({
        sjbh: events[0]?.sjbh,
        url: received.url,
        attempts: 1,
        lastStatus: 200,
        delivered: true,
      }),
      expect.objectContaining({ sjbh: events[1]?.sjbh, attempts: 1, delivered: true }),
    ]);
  });

  it('when the receiver answers 500 twice, then the event is retried with backoff until it is taken', async () => {
    // Arrange
    receiver = await startReceiver((count) => (count <= 2 ? 500 : 204));
    const agent = newSandbox({ approval: { webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: receiver.url } });

    // Act
    await submitted(agent);
    const received = receiver;
    await waitFor(() => received.requests.length >= 3, 8000);
    const deliveries = await agent.get('/sandbox/approval/deliveries').expect(200);

    // Assert
    const [first, second, third] = received.requests;
    expect(new Set(received.requests.map((request) => (JSON.parse(request.body) as ApprovalEvent).sjbh)).size).toBe(1);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(450);
    expect((third?.at ?? 0) - (second?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(deliveries.body.items).toEqual([expect.objectContaining({ attempts: 3, lastStatus: 204, delivered: true })]);
  });

  it('when no URL is set at first, then events wait and go out once PUT /webhook names one; submitting never waits for it', async () => {
    // Arrange
    receiver = await startReceiver();
    const agent = newSandbox();
    await submitted(agent);
    const waiting = await agent.get('/sandbox/approval/deliveries').expect(200);

    // Act
    await agent.put('/sandbox/approval/webhook').send({ url: receiver.url }).expect(200);
    const received = receiver;
    await waitFor(() => received.requests.length >= 1);
    const bad = await agent.put('/sandbox/approval/webhook').send({ url: 'ftp://example.com' });

    // Assert
    expect(waiting.body.items).toEqual([expect.objectContaining({ url: null, attempts: 0, delivered: false })]);
    expect(bad.status).toBe(400);
  });

  it('when a case is withdrawn, then an 08 event is pushed', async () => {
    // Arrange
    receiver = await startReceiver();
    const agent = newSandbox({ approval: { webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: receiver.url } });
    const record = await submitted(agent);

    // Act
    await agent
      .post(`/approval/v1/cases/${record.bjbh}/withdraw`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: APPLICANT.idNumber, chyy: '不再需要' })
      .expect(200);
    const received = receiver;
    await waitFor(() => received.requests.length >= 2);

    // Assert
    const last = JSON.parse(received.requests[1]?.body ?? '{}') as ApprovalEvent;
    expect(last).toMatchObject({ zt: '08', hjmc: '撤回', yj: '不再需要', bj: { zt: '08' } });
  });

  it('when the sandbox is reset while an event is failing, then retries stop and cases, deliveries and demo are gone', async () => {
    // Arrange
    receiver = await startReceiver(() => 500);
    const agent = newSandbox({ approval: { webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: receiver.url } });
    await submitted(agent);
    await agent.put('/sandbox/approval/demo').send({ enabled: true, stepMs: 60_000 }).expect(200);
    const received = receiver;
    await waitFor(() => received.requests.length >= 2, 4000);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const countAtReset = received.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2500));

    // Assert
    expect(received.requests.length).toBe(countAtReset);
    expect((await agent.get('/sandbox/approval/deliveries').expect(200)).body.items).toEqual([]);
    expect((await agent.get('/sandbox/approval/cases').expect(200)).body.items).toEqual([]);
    expect((await agent.get('/sandbox/approval/demo').expect(200)).body).toEqual({ enabled: false, stepMs: null });
  });

  it('when a running sandbox is closed while an event is failing, then no attempt follows', async () => {
    // Arrange
    receiver = await startReceiver(() => 503);
    const sandbox = await startSandbox({
      ...testOptions({ approval: { webhookSecret: TEST_WEBHOOK_SECRET, webhookUrl: receiver.url } }),
      port: 0,
    });
    await fetch(`${sandbox.url}/approval/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-App-Key': TEST_GOV_APP_KEY },
      body: JSON.stringify(submission()),
    });
    const received = receiver;
    await waitFor(() => received.requests.length >= 1);

    // Act
    await sandbox.close();
    const countAtClose = received.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Assert
    expect(received.requests.length).toBe(countAtClose);
  });
});
