import { fromCompactDateTime } from '@suijing/shared';
import { seedCitizen } from '../../seed/citizens';
import { TEST_CTID, newSandbox } from '../../testing/fixtures';
import { answerOf, apply, applyPackage, envelopeOf, signOf } from '../../testing/ctid';

const CITIZEN = seedCitizen('primary');
const PERSON = { name: CITIZEN.name, idNumber: CITIZEN.idNumber };

describe('网证 authorisation request (POST /ctid/v1/auth/apply)', () => {
  it('when a signed 0x42 request is made, then it answers a signed package with the request id, jump URL, QR and 300 s', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const answer = await apply(agent, { ...PERSON, bizSerialNum: 'BIZ_APPLY_1' });

    // Assert
    expect(answer.signed).toBe(true);
    expect(answer.pkg).toEqual({
      success: true,
      appId: TEST_CTID.appId,
      bizSerialNum: 'BIZ_APPLY_1',
      businessSerialNumber: expect.stringMatching(/^[0-9A-Z]{18}$/),
      authUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/ctid\/h5\/authorize\/[A-Za-z0-9_-]{32}$/),
      qrCode: answer.pkg.authUrl,
      expiresIn: 300,
      timeStamp: expect.stringMatching(/^\d{17}$/),
    });
  });

  it('when the answer is read, then it carries neither the name nor the ID number', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const answer = await apply(agent, PERSON);

    // Assert
    expect(JSON.stringify(answer.pkg)).not.toContain(CITIZEN.idNumber);
    expect(JSON.stringify(answer.pkg)).not.toContain(CITIZEN.name);
  });

  it.each([
    {
      label: 'a signature made with another secret',
      body: () => envelopeOf(applyPackage(PERSON), 'another-secret'),
      code: 'E1001',
      signed: false,
    },
    {
      label: 'another app id',
      body: () => envelopeOf({ ...applyPackage(PERSON), appId: 'someone-else' }),
      code: 'E1001',
      signed: false,
    },
    { label: 'no envelope', body: () => applyPackage(PERSON), code: 'E1003', signed: false },
    {
      label: 'a bizPackage that is not JSON',
      body: () => ({ bizPackage: 'not json', sign: signOf('not json') }),
      code: 'E1003',
      signed: false,
    },
    {
      label: 'a timeStamp ten minutes old',
      body: () => envelopeOf(applyPackage({ ...PERSON, now: new Date(Date.now() - 600_000) })),
      code: 'E1002',
      signed: true,
    },
    {
      label: 'a timeStamp in another format',
      body: () => envelopeOf({ ...applyPackage(PERSON), timeStamp: new Date().toISOString() }),
      code: 'E1002',
      signed: true,
    },
    {
      label: 'no identity',
      body: () => envelopeOf({ ...applyPackage(PERSON), sfxx: undefined }),
      code: 'E1003',
      signed: true,
    },
    {
      label: 'a too short bizSerialNum',
      body: () => envelopeOf(applyPackage({ ...PERSON, bizSerialNum: 'B1' })),
      code: 'E1003',
      signed: true,
    },
    {
      label: 'a javascript: returnUrl',
      body: () => envelopeOf(applyPackage({ ...PERSON, returnUrl: 'javascript:alert(1)' })),
      code: 'E1003',
      signed: true,
    },
    {
      label: 'mode 0x40 (name and number only, no face)',
      body: () => envelopeOf(applyPackage({ ...PERSON, authMode: '0x40' })),
      code: 'E1004',
      signed: true,
    },
    {
      label: 'a number failing the checksum',
      body: () => envelopeOf(applyPackage({ ...PERSON, idNumber: `${CITIZEN.idNumber.slice(0, 17)}Y` })),
      code: 'E1005',
      signed: true,
    },
  ])('when the request has $label, then it answers $code', async ({ body, code, signed }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/ctid/v1/auth/apply').send(body()).expect(200);

    // Assert
    const answer = answerOf(res);
    expect(answer.pkg).toMatchObject({ success: false, errorCode: code });
    expect(answer.signed).toBe(signed);
    if (!signed) expect(answer.sign).toBe('');
  });

  it('when a bizSerialNum is used a second time, then it answers E1006', async () => {
    // Arrange
    const agent = newSandbox();
    await apply(agent, { ...PERSON, bizSerialNum: 'BIZ_TWICE' });

    // Act
    const again = await apply(agent, { ...PERSON, bizSerialNum: 'BIZ_TWICE' });

    // Assert
    expect(again.pkg).toMatchObject({ success: false, errorCode: 'E1006' });
  });

  it('when the sandbox clock runs ahead, then timeStamps are judged by it', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ advanceMs: 3_600_000 }).expect(200);

    // Act
    const realTime = await apply(agent, { ...PERSON, bizSerialNum: 'BIZ_REAL' });
    const sandboxTime = await apply(agent, {
      ...PERSON,
      bizSerialNum: 'BIZ_AHEAD',
      now: new Date(Date.now() + 3_600_000),
    });

    // Assert
    expect(realTime.pkg.errorCode).toBe('E1002');
    expect(sandboxTime.pkg.success).toBe(true);
    const answeredAt = fromCompactDateTime(String(sandboxTime.pkg.timeStamp).slice(0, 14))?.getTime() ?? 0;
    expect(Math.abs(answeredAt - (Date.now() + 3_600_000))).toBeLessThan(5000);
  });

  it('when the platform is faulted, then it answers HTTP 500 with an unsigned E9999', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/ctid').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await agent.post('/ctid/v1/auth/apply').send(envelopeOf(applyPackage(PERSON)));

    // Assert
    expect(res.status).toBe(500);
    expect(answerOf(res).pkg).toMatchObject({ success: false, errorCode: 'E9999' });
  });
});
