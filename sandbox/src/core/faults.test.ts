import http from 'node:http';
import { startSandbox, type RunningSandbox } from '../server';
import {
  LOGIN_SMS,
  TEST_WECHAT,
  issueCode,
  jscode2session,
  newSandbox,
  sendSms,
  testOptions,
} from '../testing/fixtures';
import { seedCitizen } from '../seed/citizens';

describe('fault injection', () => {
  it('when latency is set for a system, then its responses are delayed and other systems are not', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/sms').send({ latencyMs: 300 }).expect(200);

    // Act
    const slowStart = Date.now();
    await sendSms(agent).expect(200);
    const slowMs = Date.now() - slowStart;
    const fastStart = Date.now();
    await agent
      .post('/cgi-bin/stable_token')
      .send({ grant_type: 'client_credential', appid: TEST_WECHAT.appId, secret: TEST_WECHAT.appSecret })
      .expect(200);
    const fastMs = Date.now() - fastStart;

    // Assert (loosely: timers may fire a little early or late)
    expect(slowMs).toBeGreaterThanOrEqual(280);
    expect(fastMs).toBeLessThan(250);
  });

  it('when errorRate is 1, then WeChat answers HTTP 500 with errcode -1 and the SMS gateway with 9999, without doing the work', async () => {
    // Arrange
    const agent = newSandbox();
    const code = await issueCode(agent, seedCitizen('primary').openid);
    await agent.put('/sandbox/faults/wechat').send({ errorRate: 1 }).expect(200);
    await agent.put('/sandbox/faults/sms').send({ errorRate: 1 }).expect(200);

    // Act
    const wechat = await agent.get('/sns/jscode2session').query({
      appid: TEST_WECHAT.appId,
      secret: TEST_WECHAT.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const sms = await sendSms(agent);
    await agent.delete('/sandbox/faults').expect(200);
    const retried = await jscode2session(agent, code);

    // Assert
    expect(wechat.status).toBe(500);
    expect(wechat.body).toEqual({ errcode: -1, errmsg: expect.stringMatching(/^system error, rid: /) });
    expect(sms.status).toBe(500);
    expect(sms.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
    expect(retried.openid).toBe(seedCitizen('primary').openid);
  });

  it('when errorRate is 0.5, then about half the requests fail and the same ones fail on every run with the same seed', async () => {
    // Arrange
    const outcomes = async (): Promise<number[]> => {
      const agent = newSandbox({ seed: 7 });
      await agent.put('/sandbox/faults/sms').send({ errorRate: 0.5 }).expect(200);
      const statuses: number[] = [];
      for (let i = 0; i < 40; i += 1) {
        const res = await sendSms(agent, { ...LOGIN_SMS, mobile: `139000000${String(i).padStart(2, '0')}` });
        statuses.push(res.status);
      }
      return statuses;
    };

    // Act
    const first = await outcomes();
    const second = await outcomes();

    // Assert
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(second).toEqual(first);
  });

  it('when malformed is set, then the answer is HTTP 200 with a body that is not JSON', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/sms').send({ malformed: true }).expect(200);

    // Act
    const res = await agent
      .post('/sms/v1/send')
      .set('X-Api-Key', 'test-sms-key')
      .send(LOGIN_SMS)
      .buffer(true)
      .parse((response, callback) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => callback(null, text));
      });

    // Assert
    expect(res.status).toBe(200);
    expect(typeof res.body).toBe('string');
    expect(() => JSON.parse(String(res.body))).toThrow();
    expect(String(res.body).startsWith('{"code":"0000"')).toBe(true);
  });

  describe('over real HTTP', () => {
    let sandbox: RunningSandbox;

    beforeEach(async () => {
      sandbox = await startSandbox({ ...testOptions(), port: 0 });
    });

    afterEach(async () => {
      await sandbox.close();
    });

    it('when a system is down, then its connections are dropped without an answer while the rest keeps working', async () => {
      // Arrange
      await fetchJson(`${sandbox.url}/sandbox/faults/wechat`, 'PUT', { down: true });

      // Act
      const dropped = await rawGet(`${sandbox.url}/sns/jscode2session?appid=x`);
      const sms = await fetch(`${sandbox.url}/sms/v1/send`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'test-sms-key' },
        body: JSON.stringify(LOGIN_SMS),
      });
      await fetchJson(`${sandbox.url}/sandbox/faults/wechat`, 'DELETE');
      const recovered = await rawGet(`${sandbox.url}/sns/jscode2session?appid=x`);

      // Assert
      expect(dropped).toEqual({ error: expect.stringMatching(/ECONNRESET|socket hang up/) });
      expect(sms.status).toBe(200);
      expect(recovered).toEqual({ status: 200 });
    });
  });
});

describe('fault settings API', () => {
  it('when faults are read, then every registered system is listed, healthy by default', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/sandbox/faults').expect(200);
    const health = await agent.get('/sandbox/health').expect(200);

    // Assert
    const healthy = { latencyMs: 0, errorRate: 0, down: false, malformed: false };
    const names = health.body.systems as string[];
    expect(names).toEqual(expect.arrayContaining(['wechat', 'sms', 'catalog', 'approval']));
    expect(res.body).toEqual({ faults: Object.fromEntries(names.map((name) => [name, healthy])) });
  });

  it('when a PUT leaves fields out, then it replaces the whole setting (left-out faults are off)', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/wechat').send({ latencyMs: 50, down: true }).expect(200);

    // Act
    const res = await agent.put('/sandbox/faults/wechat').send({ errorRate: 0.25 }).expect(200);

    // Assert
    expect(res.body).toEqual({
      system: 'wechat',
      faults: { latencyMs: 0, errorRate: 0.25, down: false, malformed: false },
    });
  });

  it("when one system's faults are deleted, then only that system is healthy again", async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/wechat').send({ down: true }).expect(200);
    await agent.put('/sandbox/faults/sms').send({ down: true }).expect(200);

    // Act
    await agent.delete('/sandbox/faults/wechat').expect(200);
    const res = await agent.get('/sandbox/faults').expect(200);

    // Assert
    expect(res.body.faults.wechat.down).toBe(false);
    expect(res.body.faults.sms.down).toBe(true);
  });

  it.each([
    { label: 'an unknown field', body: { latency: 100 } },
    { label: 'an errorRate above 1', body: { errorRate: 1.5 } },
    { label: 'a negative latency', body: { latencyMs: -1 } },
    { label: 'a string for down', body: { down: 'yes' } },
  ])('when the setting has $label, then it answers 400 and changes nothing', async ({ body }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.put('/sandbox/faults/sms').send(body);
    const after = await agent.get('/sandbox/faults').expect(200);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(after.body.faults.sms).toEqual({ latencyMs: 0, errorRate: 0, down: false, malformed: false });
  });

  it('when the system is unknown, then it answers 404 naming the known systems', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.put('/sandbox/faults/mail').send({ down: true });

    // Assert
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('wechat, sms');
  });

  it('when faults are injected, then /sandbox/stats counts what reached each system', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/sms').send({ errorRate: 1 }).expect(200);
    await sendSms(agent).expect(500);
    await sendSms(agent).expect(500);

    // Act
    const res = await agent.get('/sandbox/stats').expect(200);

    // Assert
    expect(res.body.systems.sms).toEqual({ requests: 2, delayed: 0, dropped: 0, failed: 2, malformed: 0 });
    expect(res.body.systems.wechat.requests).toBe(0);
  });
});

async function fetchJson(url: string, method: string, body?: object): Promise<unknown> {
  const init: RequestInit = { method };
  if (body) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${method} ${url} -> ${res.status}`);
  return res.json();
}

/** A plain node:http GET, to see exactly what happens on the socket. */
function rawGet(url: string): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: `${error.code ?? ''} ${error.message}` }));
  });
}
