import type { BindingHistory, IdentityCheckStart, IdentityStatus, MessageList, User } from '@suijing/shared';
import { aResident, bearer, loginBySms, passInPerson, uniquePhone, verifyRealName } from '../support/auth-helpers';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * One person, one account, and records that open only to the person: the
 * takeover a leaked name + ID number list would allow, refused; the real
 * person taking their identity back by an in-person check; the race.
 */
describe('trust: binding and takeover', () => {
  let stack: TestStack;
  let second: Awaited<ReturnType<TestStack['anotherInstance']>>;
  beforeAll(async () => {
    stack = await startTestStack();
    second = await stack.anotherInstance();
  });
  afterAll(async () => {
    await second.close();
    await stack.close();
  });

  it("when B knows A's name and ID number, then B is refused; after B passes 实人 as that person, A is logged out on every instance, told, and B reads the records", async () => {
    // Arrange: A, the first holder, on instance one, with the records open
    const person = await stack.sandbox.citizen('primary');
    const phoneA = uniquePhone();
    const a = await loginBySms(stack, phoneA);
    await verifyRealName(stack, a.accessToken, person);
    await passInPerson(stack, a.accessToken);
    await stack.api().get('/api/v1/vehicles').set(bearer(a.accessToken)).expect(200);
    await second.api().get('/api/v1/vehicles').set(bearer(a.accessToken)).expect(200);
    const b = await loginBySms(stack);

    // Act 1: B with the leaked name and number, on instance two
    const refused = await second
      .api()
      .post('/api/v1/identity/verify')
      .set(bearer(b.accessToken))
      .send({ name: person.name, idNumber: person.idNumber });
    const bBefore = await second.api().get('/api/v1/vehicles').set(bearer(b.accessToken));

    // Assert 1
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('IDENTITY_BOUND_ELSEWHERE');
    expect(refused.body.error.message).toContain('刷脸换绑');
    expect(bBefore.status).toBe(403);
    expect(bBefore.body.error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L3' } });

    // Act 2: B passes the in-person check as the person (刷脸换绑)
    const moved = await passInPerson({ api: second.api, sandbox: stack.sandbox }, b.accessToken, person);
    await stack.advanceTime(3000);
    const aOnOne = await stack.api().get('/api/v1/me').set(bearer(a.accessToken));
    const aOnTwo = await second.api().get('/api/v1/vehicles').set(bearer(a.accessToken));
    const aRefresh = await stack.api().post('/api/v1/auth/refresh').send({ refreshToken: a.refreshToken });
    const bRecords = await second.api().get('/api/v1/vehicles').set(bearer(b.accessToken));

    // Assert 2: the move, A's sessions ended with the reason, B's records open
    expect(moved.movedFromAnotherAccount).toBe(true);
    expect(moved.identity.realNameStatus).toBe('verified');
    for (const res of [aOnOne, aOnTwo, aRefresh]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('IDENTITY_MOVED');
    }
    expect(bRecords.status).toBe(200);

    // Assert 3: A is told by SMS and in the message centre, and no longer holds the person
    const sms = await stack.sandbox.smsOutbox(phoneA);
    expect(sms.some((m) => m.text.includes('换绑到另一账号'))).toBe(true);
    await stack.advanceTime(61_000); // a new login code for the same phone, a minute later
    const aAgain = await loginBySms(stack, phoneA);
    const messages = (await stack.api().get('/api/v1/messages').set(bearer(aAgain.accessToken)).expect(200))
      .body as MessageList;
    expect(messages.items[0]).toMatchObject({ kind: 'account-security', title: '实名身份已换绑到其他账号' });
    const aStatus = (await stack.api().get('/api/v1/identity').set(bearer(aAgain.accessToken)).expect(200))
      .body as IdentityStatus;
    expect(aStatus.realNameStatus).toBe('unverified');
    const aRecords = await stack.api().get('/api/v1/vehicles').set(bearer(aAgain.accessToken));
    expect(aRecords.status).toBe(403);

    // Assert 4: B sees the binding's history: bound to A first, then moved here
    const history = (await second.api().get('/api/v1/identity/binding/history').set(bearer(b.accessToken)).expect(200))
      .body as BindingHistory;
    expect(history.items.map((e) => [e.kind, e.thisAccount])).toEqual([
      ['moved-in', true],
      ['bound', false],
    ]);
    expect(history.items[1]?.account).toBe(`${phoneA.slice(0, 3)}****${phoneA.slice(-4)}`);
  });

  it('when two accounts bind the same person at the same instant, then exactly one wins', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('secondary');
    const accounts = await Promise.all([loginBySms(stack), loginBySms(stack), loginBySms(stack), loginBySms(stack)]);

    // Act
    const answers = await Promise.all(
      accounts.map((account, i) =>
        (i % 2 === 0 ? stack : second)
          .api()
          .post('/api/v1/identity/verify')
          .set(bearer(account.accessToken))
          .send({ name: person.name, idNumber: person.idNumber }),
      ),
    );

    // Assert
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const verified = await Promise.all(
      accounts.map(
        async (account) =>
          ((await stack.api().get('/api/v1/me').set(bearer(account.accessToken)).expect(200)).body as User)
            .realNameStatus,
      ),
    );
    expect(verified.filter((s) => s === 'verified')).toHaveLength(1);
  });

  it('when the person unbinds with a fresh check, then the account is logged out and another account may bind them', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('young');
    const first = await loginBySms(stack);
    await verifyRealName(stack, first.accessToken, person);
    await passInPerson(stack, first.accessToken);

    // Act
    await stack.api().delete('/api/v1/identity/binding').set(bearer(first.accessToken)).expect(204);
    const after = await stack.api().get('/api/v1/me').set(bearer(first.accessToken));
    const next = await loginBySms(stack);
    const rebound = await stack
      .api()
      .post('/api/v1/identity/verify')
      .set(bearer(next.accessToken))
      .send({ name: person.name, idNumber: person.idNumber });

    // Assert
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('IDENTITY_UNBOUND');
    expect(rebound.status).toBe(200);
  });
});

describe('trust: in-person checks', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const someone = () => aResident(stack);

  const start = (token: string, body: object = { channel: 'ctid' }) =>
    stack.api().post('/api/v1/identity/checks').set(bearer(token)).send(body);
  const complete = (token: string, checkId: string) =>
    stack.api().post(`/api/v1/identity/checks/${checkId}/complete`).set(bearer(token));

  it.each([
    ['not-same-person', 'FACE_NOT_SAME_PERSON', '不是同一人'],
    ['no-face', 'FACE_NOT_DETECTED', '未检测到人脸'],
    ['liveness-failed', 'FACE_LIVENESS_FAILED', '活体检测未通过'],
    ['timeout', 'FACE_CHECK_TIMEOUT', '超时'],
    ['cancel', 'FACE_CHECK_CANCELLED', '取消'],
  ] as const)(
    'when the 网证 authorisation ends as %s, then %s with words a person understands and nothing is bound',
    async (outcome, code, words) => {
      // Arrange
      const person = await someone();
      const { accessToken } = await loginBySms(stack);
      const check = (await start(accessToken, { channel: 'ctid', ...person }).expect(200)).body as IdentityCheckStart;

      // Act
      await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', outcome);
      const res = await complete(accessToken, check.checkId);
      const replay = await complete(accessToken, check.checkId);
      const status = (await stack.api().get('/api/v1/identity').set(bearer(accessToken)).expect(200))
        .body as IdentityStatus;

      // Assert
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toContain(words);
      expect(replay.status).toBe(404);
      expect(status).toMatchObject({ realNameStatus: 'unverified', inPerson: null });
    },
  );

  it('when another session of the same account completes a check, then 404 and the check still belongs to its session', async () => {
    // Arrange
    const phone = uniquePhone();
    const first = await loginBySms(stack, phone);
    await stack.advanceTime(61_000); // the next code for the same phone, a minute later
    const other = await loginBySms(stack, phone);
    const person = await someone();
    const check = (await start(first.accessToken, { channel: 'ctid', ...person }).expect(200))
      .body as IdentityCheckStart;
    await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', 'pass');

    // Act
    const foreign = await complete(other.accessToken, check.checkId);
    const own = await complete(first.accessToken, check.checkId);

    // Assert
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('FACE_CHECK_NOT_FOUND');
    expect(own.status).toBe(200);
  });

  it('when a result is stamped far from our clock, then FACE_CHECK_CLOCK_SKEW and the session stays below L3', async () => {
    // Arrange
    const person = await someone();
    const { accessToken } = await loginBySms(stack);
    const check = (await start(accessToken, { channel: 'ctid', ...person }).expect(200)).body as IdentityCheckStart;
    await stack.sandbox.advanceClock(2 * 60_000); // the platform's clock runs two minutes ahead of ours
    await stack.sandbox.ctidDecide(check.ctid?.authUrl ?? '', 'pass');

    // Act
    const res = await complete(accessToken, check.checkId);
    const status = (await stack.api().get('/api/v1/identity').set(bearer(accessToken)).expect(200))
      .body as IdentityStatus;
    await stack.sandbox.advanceClock(-2 * 60_000);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FACE_CHECK_CLOCK_SKEW');
    expect(status.inPerson).toBeNull();
  });

  it('when an account starts a fourth check in a day, then 429; a fifth account for the same person is the last allowed', async () => {
    // Arrange
    const person = await someone();
    const { accessToken } = await loginBySms(stack);

    // Act
    const mine = [];
    for (let i = 0; i < 4; i += 1) mine.push((await start(accessToken, { channel: 'ctid', ...person })).status);
    const others = [];
    for (let i = 0; i < 3; i += 1) {
      const account = await loginBySms(stack);
      others.push((await start(account.accessToken, { channel: 'ctid', ...person })).body?.error?.code ?? 'OK');
    }

    // Assert: three by this account, two more by others (five for the person), then refused
    expect(mine).toEqual([200, 200, 200, 429]);
    expect(others).toEqual(['OK', 'OK', 'IN_PERSON_ID_TOO_MANY_TRIES']);
  });

  it('when an SMS user asks for WeChat face without a linked WeChat, then 409 WECHAT_OPENID_REQUIRED; after linking, the check starts', async () => {
    // Arrange
    const person = await someone();
    const { accessToken } = await loginBySms(stack);
    const openid = `o_link_${Date.now()}`;

    // Act
    const unlinked = await start(accessToken, { channel: 'wechat-face', ...person });
    const code = await stack.sandbox.wechatCode(openid);
    await stack.api().post('/api/v1/identity/wechat-link').set(bearer(accessToken)).send({ code }).expect(204);
    const linked = await start(accessToken, { channel: 'wechat-face', ...person });

    // Assert
    expect(unlinked.status).toBe(409);
    expect(unlinked.body.error.code).toBe('WECHAT_OPENID_REQUIRED');
    expect(linked.status).toBe(200);
    expect(linked.body.wechat.verifyId).toEqual(expect.any(String));
  });

  it('when the full ID number is asked more than five minutes after the check, then a fresh check is required', async () => {
    // Arrange
    const person = await someone();
    const { accessToken } = await loginBySms(stack);
    await verifyRealName(stack, accessToken, person);
    await passInPerson(stack, accessToken);

    // Act
    const now = await stack.api().get('/api/v1/identity/full').set(bearer(accessToken));
    await stack.advanceTime(6 * 60_000);
    const later = await stack.api().get('/api/v1/identity/full').set(bearer(accessToken));
    const records = await stack.api().get('/api/v1/licence').set(bearer(accessToken));

    // Assert
    expect(now.status).toBe(200);
    expect(now.body.idNumber).toBe(person.idNumber);
    expect(later.status).toBe(403);
    expect(later.body.error.required).toEqual({ level: 'L3', withinSeconds: 300 });
    expect(records.status).not.toBe(403);
  });
});

describe('trust: accounts verified before bindings existed', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('when two accounts hold the same person from before, then at start one is bound and the other loses 实名', async () => {
    // Arrange: A verified as today; then the state an older release left: no binding, and B holding the same person
    const person = await stack.sandbox.citizen('primary');
    const a = await loginBySms(stack);
    const b = await loginBySms(stack);
    await verifyRealName(stack, a.accessToken, person);
    const users = stack.connection.collection<{ _id: string; realName?: Record<string, unknown> }>('users');
    const held = await users.findOne({ _id: a.user.id });
    await stack.connection.collection('identity_bindings').deleteMany({});
    await stack.connection.collection('identity_binding_events').deleteMany({});
    for (const id of [a.user.id, b.user.id]) {
      await users.updateOne(
        { _id: id },
        { $set: { realNameStatus: 'verified', realName: { ...held?.realName, bound: false } } },
      );
    }

    // Act
    await stack.app.warmUp();
    await stack.advanceTime(3000);
    const statuses = await Promise.all(
      [a, b].map(
        async (account) =>
          ((await stack.api().get('/api/v1/me').set(bearer(account.accessToken)).expect(200)).body as User)
            .realNameStatus,
      ),
    );
    const other = await loginBySms(stack);
    const third = await stack
      .api()
      .post('/api/v1/identity/verify')
      .set(bearer(other.accessToken))
      .send({ name: person.name, idNumber: person.idNumber });

    // Assert
    expect(statuses.filter((s) => s === 'verified')).toHaveLength(1);
    expect(third.status).toBe(409);
    expect(third.body.error.code).toBe('IDENTITY_BOUND_ELSEWHERE');
  });
});
