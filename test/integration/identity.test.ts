import type { IdentityCheckStart, IdentityStatus, User } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { aResident, bearer, loginBySms, loginByWechat } from '../support/auth-helpers';

/** 实名认证 against the sandbox population register over HTTP. */
describe('identity verification', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const verify = (token: string, body: object) =>
    stack.api().post('/api/v1/identity/verify').set(bearer(token)).send(body);

  it('when a name and ID number match the register, then the account is verified and shows them masked only', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('primary');
    const { accessToken } = await loginBySms(stack);

    // Act
    const res = await verify(accessToken, { name: person.name, idNumber: person.idNumber });
    const me = (await stack.api().get('/api/v1/me').set(bearer(accessToken)).expect(200)).body as User;
    const status = (await stack.api().get('/api/v1/identity').set(bearer(accessToken)).expect(200))
      .body as IdentityStatus;

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      realNameStatus: 'verified',
      method: 'register',
      idNumberMasked: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`,
    });
    expect(JSON.stringify(res.body)).not.toContain(person.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(person.name);
    expect(me.realNameStatus).toBe('verified');
    expect(status).toEqual(res.body);
  });

  it('when the name does not match, then 400 IDENTITY_MISMATCH and the account stays unverified', async () => {
    const person = await stack.sandbox.citizen('secondary');
    const { accessToken } = await loginBySms(stack);

    const res = await verify(accessToken, { name: '王不对', idNumber: person.idNumber });
    const status = await stack.api().get('/api/v1/identity').set(bearer(accessToken)).expect(200);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('IDENTITY_MISMATCH');
    expect(status.body).toEqual({ realNameStatus: 'unverified', inPerson: null });
  });

  it('when the ID number fails its checksum or the name is not a name, then 400 VALIDATION_FAILED before any lookup', async () => {
    const { accessToken } = await loginBySms(stack);

    const badId = await verify(accessToken, { name: '张三', idNumber: '440105199001011235' });
    const badName = await verify(accessToken, { name: '<script>', idNumber: '11010519491231002X' });

    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0].path).toBe('idNumber');
    expect(badName.status).toBe(400);
    expect(badName.body.error.fields[0].path).toBe('name');
  });

  it('when someone keeps guessing, then the sixth try in a day is refused with 429', async () => {
    const person = await stack.sandbox.citizen('elder');
    const { accessToken } = await loginBySms(stack);

    const answers = [];
    for (let i = 0; i < 6; i += 1)
      answers.push((await verify(accessToken, { name: '李四', idNumber: person.idNumber })).status);

    expect(answers).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('when a verified account verifies another identity, then 409; the same identity again is fine', async () => {
    const first = await stack.sandbox.citizen('young');
    const second = await stack.sandbox.citizen('secondary');
    const { accessToken } = await loginBySms(stack);
    await verify(accessToken, { name: first.name, idNumber: first.idNumber }).expect(200);

    const same = await verify(accessToken, { name: first.name, idNumber: first.idNumber.toLowerCase() });
    const other = await verify(accessToken, { name: second.name, idNumber: second.idNumber });

    expect(same.status).toBe(200);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('IDENTITY_ALREADY_VERIFIED');
  });

  it('when the identity system is down, then 503 names it and nothing changes', async () => {
    const person = await stack.sandbox.citizen('primary');
    const { accessToken } = await loginBySms(stack);
    await stack.sandbox.setFault('identity', { down: true });

    const res = await verify(accessToken, { name: person.name, idNumber: person.idNumber });

    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      message: expect.stringContaining('实名认证'),
    });
    await stack.sandbox.clearFaults();
    expect((await stack.api().get('/api/v1/identity').set(bearer(accessToken))).body.realNameStatus).toBe('unverified');
  });

  it('when a WeChat face check is started and passed at the camera, then the account is verified and this session holds L3', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('secondary');
    const { accessToken } = await loginByWechat(stack, `o_face_pass_${process.pid}`);
    const started = await stack
      .api()
      .post('/api/v1/identity/checks')
      .set(bearer(accessToken))
      .send({ channel: 'wechat-face', name: person.name, idNumber: person.idNumber });
    const { checkId, wechat } = started.body as IdentityCheckStart;
    const complete = () => stack.api().post(`/api/v1/identity/checks/${checkId}/complete`).set(bearer(accessToken));

    // Act
    const beforeCamera = await complete();
    await stack.sandbox.faceCamera(wechat?.verifyId ?? '', 'pass');
    const passed = await complete();
    const me = (await stack.api().get('/api/v1/me').set(bearer(accessToken)).expect(200)).body as User;

    // Assert
    expect(started.status).toBe(200);
    expect(beforeCamera.status).toBe(409);
    expect(beforeCamera.body.error.code).toBe('FACE_CHECK_PENDING');
    expect(passed.status).toBe(200);
    expect(passed.body.identity).toMatchObject({ realNameStatus: 'verified', method: 'face' });
    expect(passed.body.identity.inPerson).toMatchObject({ method: 'wechat-face' });
    expect(me.assurance.level).toBe('L3');
  });

  it("when the camera step fails, or someone uses another user's check, then it is refused and nothing is verified", async () => {
    const person = await stack.sandbox.citizen('young');
    const { accessToken } = await loginByWechat(stack, `o_face_fail_${process.pid}`);
    const other = await loginBySms(stack);
    const { checkId, wechat } = (
      await stack
        .api()
        .post('/api/v1/identity/checks')
        .set(bearer(accessToken))
        .send({ channel: 'wechat-face', name: person.name, idNumber: person.idNumber })
        .expect(200)
    ).body as IdentityCheckStart;

    const theirs = await stack.api().post(`/api/v1/identity/checks/${checkId}/complete`).set(bearer(other.accessToken));
    await stack.sandbox.faceCamera(wechat?.verifyId ?? '', 'fail');
    const failed = await stack.api().post(`/api/v1/identity/checks/${checkId}/complete`).set(bearer(accessToken));

    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('FACE_CHECK_NOT_FOUND');
    expect(failed.status).toBe(400);
    expect(failed.body.error.code).toBe('FACE_CHECK_FAILED');
    expect(failed.body.error.message).toBe('认证失败，请重试');
    expect((await stack.api().get('/api/v1/identity').set(bearer(accessToken))).body.realNameStatus).toBe('unverified');
  });

  it('when the database is looked at, then no ID number or name is stored in the clear', async () => {
    const person = await aResident(stack);
    const { accessToken } = await loginBySms(stack);
    await verify(accessToken, { name: person.name, idNumber: person.idNumber }).expect(200);

    const stored = await Promise.all(
      ['users', 'identity_bindings', 'identity_binding_events', 'identity_checks'].map((name) =>
        stack.connection.collection(name).find({}).toArray(),
      ),
    );

    expect(JSON.stringify(stored)).not.toContain(person.idNumber);
    expect(JSON.stringify(stored)).not.toContain(person.name);
    expect(stack.logs.join('\n')).not.toContain(person.idNumber);
  });
});
