import { seedCitizen } from '../../seed/citizens';
import { newSandbox, type Agent } from '../../testing/fixtures';
import { apply, result } from '../../testing/ctid';

const CITIZEN = seedCitizen('primary');
const PERSON = { name: CITIZEN.name, idNumber: CITIZEN.idNumber };
const RETURN_URL = 'http://localhost:8080/#/identity/checks/abc';

async function start(agent: Agent, returnUrl?: string) {
  const { pkg } = await apply(agent, {
    ...PERSON,
    bizSerialNum: 'BIZ_PAGE_01',
    ...(returnUrl === undefined ? {} : { returnUrl }),
  });
  return {
    path: new URL(String(pkg.authUrl)).pathname,
    ids: { businessSerialNumber: String(pkg.businessSerialNumber), bizSerialNum: 'BIZ_PAGE_01' },
  };
}

function choose(agent: Agent, path: string, outcome: string) {
  return agent.post(path).type('form').send({ outcome });
}

describe('网证 authorisation page (/ctid/h5/authorize/:token)', () => {
  it('when the page is opened, then it shows the masked identity, every choice and the person’s default', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post(`/sandbox/ctid/people/${CITIZEN.idNumber}`).send({ outcome: 'no-face' }).expect(200);
    const { path } = await start(agent);

    // Act
    const res = await agent.get(path).expect(200);

    // Assert
    expect(res.type).toBe('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toContain(CITIZEN.idNumber);
    expect(res.text).not.toContain(CITIZEN.name);
    expect(res.text).toContain(`${CITIZEN.idNumber.slice(0, 4)}**********${CITIZEN.idNumber.slice(-4)}`);
    for (const label of ['本人确认', '不是本人', '未检测到人脸', '活体检测失败', '超时', '取消']) {
      expect(res.text).toContain(label);
    }
    expect(res.text).toContain('class="preset">未检测到人脸（默认）');
  });

  it('when the person confirms and a returnUrl was given, then the page sends them back (303) and the result is DONE', async () => {
    // Arrange
    const agent = newSandbox();
    const { path, ids } = await start(agent, RETURN_URL);

    // Act
    const res = await choose(agent, path, 'pass');
    const done = await result(agent, ids);

    // Assert
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(RETURN_URL);
    expect(done.pkg).toMatchObject({ authStatus: 'DONE', authResult: '00XX' });
  });

  it('when the person picks 不是本人 without a returnUrl, then a done page is shown and the result says 01XX', async () => {
    // Arrange
    const agent = newSandbox();
    const { path, ids } = await start(agent);

    // Act
    const res = await choose(agent, path, 'not-same-person');
    const done = await result(agent, ids);

    // Assert
    expect(res.status).toBe(200);
    expect(res.text).toContain('已完成授权');
    expect(done.pkg.authResult).toBe('01XX');
  });

  it('when the page is answered twice, then the second answer is refused (409)', async () => {
    // Arrange
    const agent = newSandbox();
    const { path } = await start(agent);
    await choose(agent, path, 'cancel');

    // Act
    const again = await choose(agent, path, 'pass');
    const reopened = await agent.get(path);

    // Assert
    expect(again.status).toBe(409);
    expect(reopened.status).toBe(409);
  });

  it('when the request has expired, then the page and its form answer 410', async () => {
    // Arrange
    const agent = newSandbox();
    const { path } = await start(agent);
    await agent.post('/sandbox/clock').send({ advanceMs: 300_000 }).expect(200);

    // Act
    const shown = await agent.get(path);
    const answered = await choose(agent, path, 'pass');

    // Assert
    expect(shown.status).toBe(410);
    expect(answered.status).toBe(410);
  });

  it('when the page is opened with an unknown token, then it answers 404', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/ctid/h5/authorize/made-up-token');

    // Assert
    expect(res.status).toBe(404);
  });

  it('when the page is opened with the request id instead of its token, then it answers 404', async () => {
    // Arrange
    const agent = newSandbox();
    const { ids } = await start(agent);

    // Act
    const res = await agent.get(`/ctid/h5/authorize/${ids.businessSerialNumber}`);

    // Assert
    expect(res.status).toBe(404);
  });

  it('when the form sends no known outcome, then it answers 400 and the request stays open', async () => {
    // Arrange
    const agent = newSandbox();
    const { path, ids } = await start(agent);

    // Act
    const res = await choose(agent, path, 'maybe');
    const waiting = await result(agent, ids);

    // Assert
    expect(res.status).toBe(400);
    expect(waiting.pkg.authStatus).toBe('WAITING');
  });

  it('when the result was read, then the page no longer opens', async () => {
    // Arrange
    const agent = newSandbox();
    const { path, ids } = await start(agent);
    await choose(agent, path, 'pass');
    await result(agent, ids);

    // Act
    const res = await agent.get(path);

    // Assert
    expect(res.status).toBe(404);
  });
});
