/**
 * The BFF's adapters for live checks (WeChat face verification, the 网证 platform) against the
 * sandbox over HTTP: the contract between the two sides, outcome by outcome.
 */
import { randomBytes } from 'node:crypto';
import { CtidClient, WechatClient, createLogger, type Clock } from '@suijing/bff';
import { seedCitizen, startSandbox, type RunningSandbox } from '@suijing/sandbox';
import { TestClock } from '../support/clock';
import { SandboxControl } from '../support/sandbox-control';
import { sandboxPaymentOptions, testEnv } from '../support/stack';

const PRIMARY = seedCitizen('primary');
const CTID = { appId: 'ctid-contract-app', appSecret: randomBytes(24).toString('base64url') };
const WECHAT = { appId: 'wxcontract0000001', appSecret: randomBytes(16).toString('hex') };

let sandbox: RunningSandbox;
let control: SandboxControl;
let clock: TestClock;
let ctid: CtidClient;
let wechat: WechatClient;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    wechat: WECHAT,
    sms: { apiKey: randomBytes(16).toString('hex') },
    gov: { appKey: randomBytes(16).toString('hex') },
    approval: { webhookSecret: randomBytes(32).toString('hex') },
    ctid: CTID,
    ...sandboxPaymentOptions(testEnv('http://127.0.0.1:1', 'in_person_upstreams')),
  });
  control = new SandboxControl(sandbox.url);
  const logger = createLogger({ level: 'silent' });
  clock = new TestClock();
  const shared: Clock = clock;
  ctid = new CtidClient({ baseUrl: sandbox.url, ...CTID, timeoutMs: 2000 }, logger, shared);
  wechat = new WechatClient({ baseUrl: sandbox.url, ...WECHAT, timeoutMs: 2000 }, logger, shared);
});

afterAll(async () => {
  await ctid.close();
  await wechat.close();
  await sandbox.close();
});

async function post(path: string, body: object): Promise<Response> {
  return fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const serial = () => randomBytes(12).toString('hex');
const person = { name: PRIMARY.name, idNumber: PRIMARY.idNumber };

describe('网证 adapter against the sandbox', () => {
  it('when the person confirms on the platform, then the result passes once at the platform’s time', async () => {
    // Arrange
    const bizSerialNo = serial();
    const started = await ctid.startAuthorisation({ bizSerialNo, ...person });
    const before = await ctid.result({ requestId: started.requestId, bizSerialNo });
    const token = started.authUrl.split('/').pop() ?? '';

    // Act
    expect((await post(`/sandbox/ctid/requests/${token}/complete`, { outcome: 'pass' })).status).toBe(200);
    const passed = await ctid.result({ requestId: started.requestId, bizSerialNo });
    const again = await ctid.result({ requestId: started.requestId, bizSerialNo });

    // Assert
    expect(started).toMatchObject({ expiresInSeconds: 300, qrContent: started.authUrl });
    expect(before).toEqual({ kind: 'pending' });
    expect(passed.kind).toBe('passed');
    if (passed.kind === 'passed') expect(Math.abs(passed.checkedAt.getTime() - Date.now())).toBeLessThan(5000);
    expect(again).toEqual({ kind: 'failed', reason: 'other' });
  });

  it.each([
    { outcome: 'not-same-person', reason: 'not-same-person' },
    { outcome: 'no-face', reason: 'no-face' },
    { outcome: 'liveness-failed', reason: 'liveness' },
    { outcome: 'timeout', reason: 'timeout' },
    { outcome: 'cancel', reason: 'cancelled' },
    { outcome: 'fail', reason: 'other' },
  ])(
    'when the person’s authorisation ends with $outcome, then the adapter says $reason',
    async ({ outcome, reason }) => {
      // Arrange
      const bizSerialNo = serial();
      const started = await ctid.startAuthorisation({ bizSerialNo, ...person });

      // Act
      await post(`/sandbox/ctid/requests/${started.requestId}/complete`, { outcome });
      const result = await ctid.result({ requestId: started.requestId, bizSerialNo });

      // Assert
      expect(result).toEqual({ kind: 'failed', reason });
    },
  );

  it('when nobody answers within five minutes, then the adapter says expired', async () => {
    // Arrange
    const bizSerialNo = serial();
    const started = await ctid.startAuthorisation({ bizSerialNo, ...person });

    // Act
    clock.advance(301_000);
    await control.advanceClock(301_000);
    const result = await ctid.result({ requestId: started.requestId, bizSerialNo });

    // Assert
    expect(result).toEqual({ kind: 'failed', reason: 'expired' });
  });

  it('when the result is asked for with another serial, then nothing can pass', async () => {
    // Arrange
    const started = await ctid.startAuthorisation({ bizSerialNo: serial(), ...person });
    await post(`/sandbox/ctid/requests/${started.requestId}/complete`, { outcome: 'pass' });

    // Act
    const result = await ctid.result({ requestId: started.requestId, bizSerialNo: serial() });

    // Assert
    expect(result).toEqual({ kind: 'failed', reason: 'other' });
  });
});

describe('WeChat face adapter against the sandbox', () => {
  async function startFace() {
    const outSeqNo = serial();
    const started = await wechat.startFaceCheck({ outSeqNo, ...person, openid: PRIMARY.openid });
    const check = { verifyId: started.verifyId, outSeqNo, name: person.name, idNumber: person.idNumber };
    return { started, check: { ...check, openid: PRIMARY.openid } };
  }

  it('when the camera step passes, then the result is pending before and passed once after', async () => {
    // Arrange
    const { started, check } = await startFace();
    const before = await wechat.faceCheckResult(check);

    // Act
    await post(`/sandbox/wechat/face/${encodeURIComponent(started.verifyId)}`, { outcome: 'pass' });
    const passed = await wechat.faceCheckResult(check);
    const again = await wechat.faceCheckResult(check);

    // Assert
    expect(started.expiresInSeconds).toBe(3600);
    expect(before).toEqual({ kind: 'pending' });
    expect(passed).toEqual({ kind: 'passed', checkedAt: expect.any(Date) });
    expect(again).toEqual({ kind: 'failed', reason: 'other' });
  });

  it.each([
    { outcome: 'not-same-person', reason: 'not-same-person' },
    { outcome: 'no-face', reason: 'no-face' },
    { outcome: 'liveness-failed', reason: 'liveness' },
    { outcome: 'timeout', reason: 'timeout' },
    { outcome: 'cancel', reason: 'cancelled' },
    { outcome: 'fail', reason: 'other' },
  ])('when the camera step ends with $outcome, then the adapter says $reason', async ({ outcome, reason }) => {
    // Arrange
    const { started, check } = await startFace();

    // Act
    await post(`/sandbox/wechat/face/${encodeURIComponent(started.verifyId)}`, { outcome });
    const result = await wechat.faceCheckResult(check);

    // Assert
    expect(result).toEqual({ kind: 'failed', reason });
  });

  it('when the result is read for other details (cert_hash), then nothing can pass', async () => {
    // Arrange
    const { started, check } = await startFace();
    await post(`/sandbox/wechat/face/${encodeURIComponent(started.verifyId)}`, { outcome: 'pass' });

    // Act
    const result = await wechat.faceCheckResult({ ...check, name: '张三' });

    // Assert
    expect(result).toEqual({ kind: 'failed', reason: 'other' });
  });

  it.each([
    {
      label: 'an openid WeChat does not know',
      fields: { openid: 'oNobody_0000000000000000000' },
      code: 'WECHAT_OPENID_REQUIRED',
    },
    { label: 'a name that is not the number’s', fields: { name: '张三' }, code: 'IDENTITY_MISMATCH' },
  ])('when a face check is started with $label, then it is $code', async ({ fields, code }) => {
    // Act
    const starting = wechat.startFaceCheck({ outSeqNo: serial(), ...person, openid: PRIMARY.openid, ...fields });

    // Assert
    await expect(starting).rejects.toMatchObject({ code });
  });
});
