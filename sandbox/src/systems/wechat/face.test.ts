import { seedCitizen } from '../../seed/citizens';
import { certHash } from './face-sessions';
import { newSandbox, type Agent } from '../../testing/fixtures';
import { REGISTER, accessToken, certHashOf, personWithRole } from '../../testing/identity';

const CITIZEN = seedCitizen('primary');
const OTHER = seedCitizen('secondary');

interface Started {
  token: string;
  verifyId: string;
  outSeqNo: string;
  certHash: string;
  openid: string;
}

async function getVerifyId(agent: Agent, token: string, body: object) {
  return agent.post('/cityservice/face/identify/getverifyid').query({ access_token: token }).send(body);
}

async function startCheck(
  agent: Agent,
  outSeqNo = 'FACE_0001',
  person = { name: CITIZEN.name, idNumber: CITIZEN.idNumber, openid: CITIZEN.openid },
): Promise<Started> {
  const token = await accessToken(agent);
  const res = await getVerifyId(agent, token, {
    out_seq_no: outSeqNo,
    cert_info: { cert_type: 'IDENTITY_CARD', cert_name: person.name, cert_no: person.idNumber },
    openid: person.openid,
  });
  expect(res.body).toEqual({ errcode: 0, errmsg: 'ok', verify_id: expect.any(String), expires_in: 3600 });
  return {
    token,
    verifyId: (res.body as { verify_id: string }).verify_id,
    outSeqNo,
    certHash: certHashOf(person.name, person.idNumber),
    openid: person.openid,
  };
}

async function query(agent: Agent, started: Started, override: object = {}) {
  const res = await agent
    .post('/cityservice/face/identify/queryverifyinfo')
    .query({ access_token: started.token })
    .send({
      verify_id: started.verifyId,
      out_seq_no: started.outSeqNo,
      cert_hash: started.certHash,
      openid: started.openid,
      ...override,
    });
  expect(res.status).toBe(200);
  return res.body as { errcode: number; errmsg: string; verify_ret?: number };
}

function camera(agent: Agent, verifyId: string, body: object = {}) {
  return agent.post(`/sandbox/wechat/face/${verifyId}`).send(body);
}

describe('WeChat face check (/cityservice/face/identify)', () => {
  it('when the camera step passes, then queryverifyinfo answers 10000 once and the verify_id is used up', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    const before = await query(agent, started);
    const cameraRes = await camera(agent, started.verifyId, { outcome: 'pass' }).expect(200);
    const passed = await query(agent, started);
    const again = await query(agent, started);

    // Assert
    expect(before).toEqual({ errcode: 84003, errmsg: expect.stringContaining('verify not finished') });
    expect(cameraRes.body).toEqual({ verifyId: started.verifyId, outcome: 'pass', verifyRet: 10000 });
    expect(passed).toEqual({ errcode: 0, errmsg: 'ok', verify_ret: 10000 });
    expect(again.errcode).toBe(84001);
  });

  it.each([
    { outcome: 'not-same-person', verifyRet: 10004 },
    { outcome: 'no-face', verifyRet: 10002 },
    { outcome: 'liveness-failed', verifyRet: 10028 },
    { outcome: 'timeout', verifyRet: 90017 },
    { outcome: 'cancel', verifyRet: 90004 },
    { outcome: 'fail', verifyRet: 90018 },
  ])(
    'when the camera step ends with $outcome, then queryverifyinfo answers $verifyRet',
    async ({ outcome, verifyRet }) => {
      // Arrange
      const agent = newSandbox();
      const started = await startCheck(agent);
      await camera(agent, started.verifyId, { outcome }).expect(200);

      // Act
      const res = await query(agent, started);

      // Assert
      expect(res).toEqual({ errcode: 0, errmsg: 'ok', verify_ret: verifyRet });
    },
  );

  it('when the demo sends the older {result: "fail"}, then it is taken as the outcome fail', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    await camera(agent, started.verifyId, { result: 'fail' }).expect(200);

    // Assert
    expect((await query(agent, started)).verify_ret).toBe(90018);
  });

  it('when a person has a default outcome and the camera step names none, then the default is used', async () => {
    // Arrange
    const agent = newSandbox();
    const set = await agent
      .post(`/sandbox/wechat/face/people/${CITIZEN.idNumber}`)
      .send({ outcome: 'not-same-person' })
      .expect(200);
    const started = await startCheck(agent);

    // Act
    const shown = await agent.get(`/sandbox/wechat/face/${started.verifyId}`).expect(200);
    const cameraRes = await camera(agent, started.verifyId).expect(200);

    // Assert
    expect(set.body).toEqual({ idNumber: expect.stringContaining('**'), outcome: 'not-same-person' });
    expect(shown.body.defaultOutcome).toBe('not-same-person');
    expect(cameraRes.body.outcome).toBe('not-same-person');
    expect((await query(agent, started)).verify_ret).toBe(10004);
  });

  it('when a default outcome is cleared or the sandbox reset, then the person passes again', async () => {
    // Arrange
    const agent = newSandbox();
    const path = `/sandbox/wechat/face/people/${CITIZEN.idNumber}`;
    await agent.post(path).send({ outcome: 'no-face' }).expect(200);

    // Act
    const cleared = await agent.delete(path).expect(200);
    await agent.post(path).send({ outcome: 'timeout' }).expect(200);
    await agent.post('/sandbox/reset').expect(200);
    const afterReset = await agent.get(path).expect(200);

    // Assert
    expect(cleared.body.outcome).toBe('pass');
    expect(afterReset.body.outcome).toBe('pass');
  });

  it.each([
    { label: 'a number not in the register', path: '110101199001011236', body: { outcome: 'pass' }, status: 404 },
    { label: 'an unknown outcome', path: CITIZEN.idNumber, body: { outcome: 'maybe' }, status: 400 },
  ])('when a default outcome is set for $label, then it answers $status', async ({ path, body, status }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post(`/sandbox/wechat/face/people/${path}`).send(body);

    // Assert
    expect(res.status).toBe(status);
  });

  it('when another WeChat user runs the camera step, then it is refused (403) and the check stays open', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    const foreign = await camera(agent, started.verifyId, { outcome: 'pass', openid: OTHER.openid });
    const own = await camera(agent, started.verifyId, { outcome: 'pass', openid: CITIZEN.openid });

    // Assert
    expect(foreign.status).toBe(403);
    expect(own.status).toBe(200);
  });

  it('when the verify_id is older than 3600 s on the sandbox clock, then the camera step is refused (410) and the query answers 84004 once', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);
    await agent.post('/sandbox/clock').send({ advanceMs: 3_601_000 }).expect(200);

    // Act
    const cameraRes = await camera(agent, started.verifyId, { outcome: 'pass' });
    const expired = await query(agent, started);
    const again = await query(agent, started);

    // Assert
    expect(cameraRes.status).toBe(410);
    expect(expired.errcode).toBe(84004);
    expect(again.errcode).toBe(84001);
  });

  it('when the camera step is done just before expiry, then the result can still be read afterwards', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);
    await agent.post('/sandbox/clock').send({ advanceMs: 3_590_000 }).expect(200);
    await camera(agent, started.verifyId, { outcome: 'pass' }).expect(200);
    await agent.post('/sandbox/clock').send({ advanceMs: 60_000 }).expect(200);

    // Act
    const passed = await query(agent, started);

    // Assert
    expect(passed.verify_ret).toBe(10000);
  });

  it('when the camera step is done twice, then the second is refused with 409', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);
    await camera(agent, started.verifyId, { outcome: 'no-face' }).expect(200);

    // Act
    const second = await camera(agent, started.verifyId, { outcome: 'pass' });

    // Assert
    expect(second.status).toBe(409);
    expect((await query(agent, started)).verify_ret).toBe(10002);
  });

  it('when the session is shown to the browser stand-in, then the number is masked', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    const res = await agent.get(`/sandbox/wechat/face/${started.verifyId}`).expect(200);
    const unknown = await agent.get('/sandbox/wechat/face/nope');
    const badOutcome = await camera(agent, started.verifyId, { outcome: 'maybe' });

    // Assert
    expect(res.body).toEqual({
      verifyId: started.verifyId,
      certName: CITIZEN.name,
      certNo: `${CITIZEN.idNumber.slice(0, 4)}**********${CITIZEN.idNumber.slice(-4)}`,
      status: 'pending',
      outcome: null,
      defaultOutcome: 'pass',
      expiresAt: expect.any(String),
    });
    expect(unknown.status).toBe(404);
    expect(badOutcome.status).toBe(400);
  });

  it.each([
    {
      label: 'a cert_hash of other details',
      override: { cert_hash: certHashOf('张三', CITIZEN.idNumber) },
      errcode: 41010,
    },
    { label: 'another out_seq_no', override: { out_seq_no: 'FACE_9999' }, errcode: 41011 },
    { label: 'another openid', override: { openid: OTHER.openid }, errcode: 41012 },
    { label: 'no openid', override: { openid: undefined }, errcode: 41009 },
    { label: 'an unknown verify_id', override: { verify_id: 'made-up' }, errcode: 84001 },
    { label: 'no cert_hash', override: { cert_hash: undefined }, errcode: 47001 },
  ])(
    'when the query has $label, then it answers $errcode and the result stays readable',
    async ({ override, errcode }) => {
      // Arrange
      const agent = newSandbox();
      const started = await startCheck(agent);
      await camera(agent, started.verifyId, { outcome: 'pass' }).expect(200);

      // Act
      const wrong = await query(agent, started, override);
      const right = await query(agent, started);

      // Assert
      expect(wrong).toEqual({ errcode, errmsg: expect.stringContaining(', rid: ') });
      expect(right.verify_ret).toBe(10000);
    },
  );

  it('when the cert_hash is given in upper-case hex, then it is accepted', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    const res = await query(agent, started, { cert_hash: started.certHash.toUpperCase() });

    // Assert
    expect(res.errcode).toBe(84003);
  });

  it.each([
    { label: 'a name that does not match the number', cert: { cert_name: '张三', cert_no: CITIZEN.idNumber } },
    { label: 'a number not in the register', cert: { cert_name: CITIZEN.name, cert_no: '110101199001011236' } },
    {
      label: 'a number failing the checksum',
      cert: { cert_name: CITIZEN.name, cert_no: `${CITIZEN.idNumber.slice(0, 17)}Y` },
    },
    {
      label: 'the deceased person',
      cert: { cert_name: personWithRole('deceased').name, cert_no: personWithRole('deceased').idNumber },
    },
  ])('when getverifyid is asked for $label, then it answers 84002', async ({ cert }) => {
    // Arrange
    const agent = newSandbox();
    const token = await accessToken(agent);

    // Act
    const res = await getVerifyId(agent, token, {
      out_seq_no: 'FACE_0001',
      cert_info: { cert_type: 'IDENTITY_CARD', ...cert },
      openid: CITIZEN.openid,
    });

    // Assert
    expect(res.body).toEqual({ errcode: 84002, errmsg: expect.stringContaining(', rid: ') });
  });

  it.each([
    { label: 'no out_seq_no', body: { out_seq_no: undefined }, errcode: 47001 },
    { label: 'a too short out_seq_no', body: { out_seq_no: 'F1' }, errcode: 47001 },
    {
      label: 'a passport cert_type',
      body: { cert_info: { cert_type: 'PASSPORT', cert_name: CITIZEN.name, cert_no: CITIZEN.idNumber } },
      errcode: 47001,
    },
    { label: 'no openid', body: { openid: undefined }, errcode: 41009 },
    { label: 'an openid nobody logged in with', body: { openid: 'oUnknownUser_123456789012345' }, errcode: 40003 },
  ])('when getverifyid has $label, then it answers $errcode', async ({ body, errcode }) => {
    // Arrange
    const agent = newSandbox();
    const token = await accessToken(agent);
    const valid = {
      out_seq_no: 'FACE_0001',
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: CITIZEN.name, cert_no: CITIZEN.idNumber },
      openid: CITIZEN.openid,
    };

    // Act
    const res = await getVerifyId(agent, token, { ...valid, ...body });

    // Assert
    expect(res.body.errcode).toBe(errcode);
  });

  it('when an out_seq_no is used a second time, then getverifyid answers 84005', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent, 'FACE_REUSED');

    // Act
    const again = await getVerifyId(agent, started.token, {
      out_seq_no: 'FACE_REUSED',
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: CITIZEN.name, cert_no: CITIZEN.idNumber },
      openid: CITIZEN.openid,
    });

    // Assert
    expect(again.body.errcode).toBe(84005);
  });

  it('when the number ends in a lower-case x, then the register still finds the person and cert_hash uses the number as sent', async () => {
    // Arrange
    const agent = newSandbox();
    const withX = REGISTER.people.find(
      (candidate) => candidate.idNumber.endsWith('X') && candidate.status === 'normal',
    );
    if (!withX) throw new Error('no X number in the register');

    // Act
    const started = await startCheck(agent, 'FACE_X', {
      name: withX.name,
      idNumber: withX.idNumber.toLowerCase(),
      openid: CITIZEN.openid,
    });
    const res = await query(agent, started);

    // Assert
    expect(res.errcode).toBe(84003);
  });

  it.each([
    { label: 'no access_token', token: undefined, errcode: 41001 },
    { label: 'a made-up access_token', token: '86_made-up', errcode: 40001 },
  ])('when the call has $label, then both face APIs answer $errcode', async ({ token, errcode }) => {
    // Arrange
    const agent = newSandbox();
    const query = token === undefined ? {} : { access_token: token };

    // Act
    const get = await agent.post('/cityservice/face/identify/getverifyid').query(query).send({});
    const ask = await agent.post('/cityservice/face/identify/queryverifyinfo').query(query).send({});

    // Assert
    expect(get.body.errcode).toBe(errcode);
    expect(ask.body.errcode).toBe(errcode);
  });

  it('when the token has expired, then the face APIs answer 42001', async () => {
    // Arrange
    const agent = newSandbox();
    const token = await accessToken(agent);
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 7200 * 1000 })
      .expect(200);

    // Act
    const res = await agent.post('/cityservice/face/identify/getverifyid').query({ access_token: token }).send({});

    // Assert
    expect(res.body.errcode).toBe(42001);
  });

  it('when the sandbox is reset, then open face checks are forgotten', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await startCheck(agent);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const cameraRes = await camera(agent, started.verifyId, { outcome: 'pass' });

    // Assert
    expect(cameraRes.status).toBe(404);
  });
});

describe('cert_hash', () => {
  it('when WeChat’s documented example is hashed, then the documented digest comes out', () => {
    expect(certHash('张三', '310101199801011234')).toBe(
      '3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b',
    );
  });
});
