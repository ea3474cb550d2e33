import { fromCompactDateTime } from '@suijing/shared';
import { seedCitizen } from '../../seed/citizens';
import { newSandbox, type Agent } from '../../testing/fixtures';
import { apply, result, tokenOf } from '../../testing/ctid';
import { personWithRole } from '../../testing/identity';

const CITIZEN = seedCitizen('primary');
const PERSON = { name: CITIZEN.name, idNumber: CITIZEN.idNumber };

interface Started {
  businessSerialNumber: string;
  bizSerialNum: string;
  token: string;
}

async function start(agent: Agent, person = PERSON, bizSerialNum = 'BIZ_RESULT_1'): Promise<Started> {
  const { pkg } = await apply(agent, { ...person, bizSerialNum });
  return { businessSerialNumber: String(pkg.businessSerialNumber), bizSerialNum, token: tokenOf(pkg.authUrl) };
}

function ids(started: Started) {
  return { businessSerialNumber: started.businessSerialNumber, bizSerialNum: started.bizSerialNum };
}

function complete(agent: Agent, ref: string, body: object = {}) {
  return agent.post(`/sandbox/ctid/requests/${ref}/complete`).send(body);
}

describe('网证 result query (POST /ctid/v1/auth/result)', () => {
  it('when the person has not answered, then it says WAITING and can be asked again', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);

    // Act
    const first = await result(agent, ids(started));
    const second = await result(agent, ids(started));

    // Assert
    expect(first.signed).toBe(true);
    expect(first.pkg).toMatchObject({ success: true, authStatus: 'WAITING', authMode: '0x42' });
    expect(first.pkg).not.toHaveProperty('authResult');
    expect(second.pkg.authStatus).toBe('WAITING');
  });

  it('when the person confirms, then it says DONE 00XX with a signed resultTime, once, and the request is gone', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await complete(agent, started.token, { outcome: 'pass' }).expect(200);

    // Act
    const done = await result(agent, ids(started));
    const again = await result(agent, ids(started));

    // Assert
    expect(done.signed).toBe(true);
    expect(done.pkg).toMatchObject({
      success: true,
      businessSerialNumber: started.businessSerialNumber,
      bizSerialNum: started.bizSerialNum,
      authStatus: 'DONE',
      authResult: '00XX',
      resultTime: expect.stringMatching(/^\d{17}$/),
    });
    const resultAt = fromCompactDateTime(String(done.pkg.resultTime).slice(0, 14))?.getTime() ?? 0;
    expect(Math.abs(resultAt - Date.now())).toBeLessThan(5000);
    expect(again.pkg).toMatchObject({ success: false, errorCode: 'E2001' });
  });

  it.each([
    { outcome: 'not-same-person', authResult: '01XX' },
    { outcome: 'no-face', authResult: '0FXX' },
    { outcome: 'liveness-failed', authResult: '0IXX' },
    { outcome: 'timeout', authResult: '0WXX' },
    { outcome: 'fail', authResult: '0BXX' },
  ])('when the person’s check ends with $outcome, then it says DONE $authResult', async ({ outcome, authResult }) => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await complete(agent, started.businessSerialNumber, { outcome }).expect(200);

    // Act
    const done = await result(agent, ids(started));

    // Assert
    expect(done.pkg).toMatchObject({ authStatus: 'DONE', authResult });
  });

  it('when the person cancels, then it says CANCELLED with the time they did', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await complete(agent, started.token, { outcome: 'cancel' }).expect(200);

    // Act
    const cancelled = await result(agent, ids(started));

    // Assert
    expect(cancelled.pkg).toMatchObject({ authStatus: 'CANCELLED', resultTime: expect.stringMatching(/^\d{17}$/) });
    expect(cancelled.pkg).not.toHaveProperty('authResult');
  });

  it.each([
    { label: 'a name that is not the number’s', person: { name: '张三', idNumber: CITIZEN.idNumber } },
    {
      label: 'a deceased person',
      person: { name: personWithRole('deceased').name, idNumber: personWithRole('deceased').idNumber },
    },
  ])('when the request was made for $label, then a confirmed face still says 5XXX', async ({ person }) => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent, person);
    await complete(agent, started.token, { outcome: 'pass' }).expect(200);

    // Act
    const done = await result(agent, ids(started));

    // Assert
    expect(done.pkg).toMatchObject({ authStatus: 'DONE', authResult: '5XXX' });
  });

  it('when the person has a default outcome and the completion names none, then the default is used', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post(`/sandbox/ctid/people/${CITIZEN.idNumber}`).send({ outcome: 'liveness-failed' }).expect(200);
    const started = await start(agent);

    // Act
    const completed = await complete(agent, started.token).expect(200);
    const done = await result(agent, ids(started));

    // Assert
    expect(completed.body).toEqual({ businessSerialNumber: started.businessSerialNumber, outcome: 'liveness-failed' });
    expect(done.pkg.authResult).toBe('0IXX');
  });

  it('when nobody answers within 300 s, then it says EXPIRED once and completing is refused (410)', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await agent.post('/sandbox/clock').send({ advanceMs: 301_000 }).expect(200);
    const later = new Date(Date.now() + 301_000);

    // Act
    const completing = await complete(agent, started.token, { outcome: 'pass' });
    const expired = await result(agent, ids(started), later);
    const again = await result(agent, ids(started), later);

    // Assert
    expect(completing.status).toBe(410);
    expect(expired.pkg).toMatchObject({ authStatus: 'EXPIRED' });
    expect(again.pkg.errorCode).toBe('E2001');
  });

  it.each([
    { label: 'another bizSerialNum', change: { bizSerialNum: 'BIZ_OTHER_9' } },
    { label: 'a made-up request id', change: { businessSerialNumber: 'ABCDEFGHIJKLMNOPQR' } },
  ])('when asked with $label, then it answers E2001 and the real result stays readable', async ({ change }) => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await complete(agent, started.token, { outcome: 'pass' }).expect(200);

    // Act
    const wrong = await result(agent, { ...ids(started), ...change });
    const right = await result(agent, ids(started));

    // Assert
    expect(wrong.pkg).toMatchObject({ success: false, errorCode: 'E2001' });
    expect(right.pkg.authResult).toBe('00XX');
  });

  it('when a request is completed twice, then the second is refused (409) and the first answer stands', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await complete(agent, started.token, { outcome: 'not-same-person' }).expect(200);

    // Act
    const second = await complete(agent, started.token, { outcome: 'pass' });

    // Assert
    expect(second.status).toBe(409);
    expect((await result(agent, ids(started))).pkg.authResult).toBe('01XX');
  });

  it('when a request is looked up, then the identity is masked and the jump path given', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);

    // Act
    const shown = await agent.get(`/sandbox/ctid/requests/${started.token}`).expect(200);
    const unknown = await agent.get('/sandbox/ctid/requests/nope');
    const badOutcome = await complete(agent, started.token, { outcome: 'maybe' });

    // Assert
    expect(shown.body).toEqual({
      businessSerialNumber: started.businessSerialNumber,
      bizSerialNum: started.bizSerialNum,
      authMode: '0x42',
      name: expect.stringContaining('*'),
      idNumber: `${CITIZEN.idNumber.slice(0, 4)}**********${CITIZEN.idNumber.slice(-4)}`,
      status: 'pending',
      outcome: null,
      defaultOutcome: 'pass',
      authPath: `/ctid/h5/authorize/${started.token}`,
      expiresAt: expect.any(String),
    });
    expect(unknown.status).toBe(404);
    expect(badOutcome.status).toBe(400);
  });

  it('when the sandbox is reset, then open requests and default outcomes are forgotten', async () => {
    // Arrange
    const agent = newSandbox();
    const started = await start(agent);
    await agent.post(`/sandbox/ctid/people/${CITIZEN.idNumber}`).send({ outcome: 'no-face' }).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const completing = await complete(agent, started.token, { outcome: 'pass' });
    const person = await agent.get(`/sandbox/ctid/people/${CITIZEN.idNumber}`).expect(200);

    // Assert
    expect(completing.status).toBe(404);
    expect(person.body.outcome).toBe('pass');
  });
});
