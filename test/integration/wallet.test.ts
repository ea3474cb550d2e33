import { randomBytes, randomUUID } from 'node:crypto';
import type {
  DataUseList,
  FamilyMember,
  PrivacyNotice,
  ShareVerifyResult,
  Wallet,
  WalletItem,
  WalletShareCreated,
  WalletShareList,
  WalletShareRequest,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, passInPerson, verifyIdentity } from '../support/auth-helpers';

type Person = { name: string; idNumber: string; phone: string };

const MINUTE_MS = 60_000;

/** Beijing calendar day, yyyyMMdd, `offsetDays` from the stack's clock. */
function beijingDay(stack: TestStack, offsetDays = 0): string {
  const shifted = new Date(stack.clock.now().getTime() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

/** A verified citizen of a seeded role, logged in with L3 on this session. */
async function citizen(stack: TestStack, role: string): Promise<{ person: Person; token: string }> {
  const person = await stack.sandbox.citizen(role);
  const { accessToken } = await loginBySms(stack);
  await verifyIdentity(stack, accessToken, person);
  return { person, token: accessToken };
}

/** The sandbox's control route that sets a person's 居住登记 and 居住证 (the identity system's register). */
async function setResidence(stack: TestStack, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${stack.sandbox.url}/sandbox/identity/residence`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox residence: HTTP ${res.status} ${await res.text()}`);
}

function byKind(wallet: Wallet, kind: WalletItem['kind']): WalletItem[] {
  return wallet.items.filter((item) => item.kind === kind);
}

/**
 * 证照夹 against the sandbox over HTTP: every certificate of the person from
 * the systems that keep them, and 出示: a link that shows a verifier exactly
 * the chosen fields until it expires or is revoked, with each check recorded.
 */
describe('wallet: my certificates and scoped 出示', () => {
  let stack: TestStack;
  let primary: { person: Person; token: string };

  beforeAll(async () => {
    stack = await startTestStack({ TRAFFIC_FRESH_SECONDS: '0', TRAFFIC_REVALIDATE_SECONDS: '0' });
    await stack.sandbox.setTrafficLatency(0);
    primary = await citizen(stack, 'primary');
  });
  afterAll(() => stack.close());

  const api = () => stack.api();
  const walletOf = async (token: string): Promise<Wallet> =>
    (await api().get('/api/v1/wallet').set(bearer(token)).expect(200)).body as Wallet;
  const share = (token: string, request: WalletShareRequest, key = randomUUID()) =>
    api().post('/api/v1/wallet/shares').set(bearer(token)).set('Idempotency-Key', key).send(request);
  const check = async (token: string, verifierName = '张房东'): Promise<ShareVerifyResult> =>
    (await api().post('/api/v1/verify/shares').send({ token, verifierName }).expect(200)).body as ShareVerifyResult;
  const sharesOf = async (token: string): Promise<WalletShareList> =>
    (await api().get('/api/v1/wallet/shares').set(bearer(token)).expect(200)).body as WalletShareList;

  it('when an account without 实人 opens the wallet, then 403 ASSURANCE_REQUIRED asks for L3', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);

    // Act
    const res = await api().get('/api/v1/wallet').set(bearer(accessToken));

    // Assert
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string; required: { level: string } } }).error).toMatchObject({
      code: 'ASSURANCE_REQUIRED',
      required: { level: 'L3' },
    });
  });

  it('when I open my wallet, then the identity credential, licence, each vehicle and the store e-licences are listed with statuses', async () => {
    // Arrange
    const file = await stack.sandbox.trafficFile(primary.person.idNumber);

    // Act
    const wallet = await walletOf(primary.token);

    // Assert
    expect(wallet.unavailable).toEqual([]);
    const [identity] = byKind(wallet, 'identity');
    expect(identity).toMatchObject({ status: 'valid', name: '实人认证凭证' });
    expect(identity?.statusText).toContain('网证');
    expect(identity?.shareFields.map((f) => f.key)).toEqual(['name', 'verified', 'adult']);
    expect(byKind(wallet, 'driving-licence')).toHaveLength(1);
    expect(byKind(wallet, 'vehicle-licence')).toHaveLength(file.vehicles.length);
    const typeCodes = byKind(wallet, 'e-licence').map((item) => item.typeCode);
    expect(typeCodes).toEqual(expect.arrayContaining(['SFZ', 'HKB']));
    // The systems of record show the driving licence and the residence permit themselves.
    expect(typeCodes).not.toContain('JSZ');
    expect(typeCodes).not.toContain('JZZ');
    const text = JSON.stringify(wallet);
    for (const vehicle of file.vehicles) expect(text).not.toContain(vehicle.hphm);
    expect(text).not.toContain(primary.person.name);
    for (const item of wallet.items) {
      expect(item.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(['valid', 'expiring', 'expired', 'suspended', 'revoked']).toContain(item.status);
    }
    expect((await walletOf(primary.token)).items.map((i) => i.id)).toEqual(wallet.items.map((i) => i.id));
  });

  it('when the licence is 暂扣 and a vehicle missed its inspection, then they read suspended / expired and cannot be shown', async () => {
    // Arrange
    const file = await stack.sandbox.trafficFile(primary.person.idNumber);
    const vehicle = file.vehicles[0];
    if (!vehicle) throw new Error('primary has no vehicle');
    await stack.sandbox.setTrafficLicence(primary.person.idNumber, { zt: 'D' });
    await stack.sandbox.setTrafficVehicle(vehicle.xh, { yxqz: beijingDay(stack, -3) });

    // Act
    const wallet = await walletOf(primary.token);
    const licence = byKind(wallet, 'driving-licence')[0];
    const refused = await share(primary.token, {
      itemId: licence?.id ?? '',
      fields: ['classes'],
      minutes: 5,
      purpose: '入职',
    });

    // Assert
    expect(licence).toMatchObject({ status: 'suspended', shareFields: [] });
    expect(licence?.statusText).toContain('暂扣');
    expect(byKind(wallet, 'vehicle-licence').some((v) => v.status === 'expired')).toBe(true);
    expect(refused.status).toBe(409);
    expect((refused.body as { error: { code: string } }).error.code).toBe('WALLET_ITEM_NOT_SHOWABLE');
    await stack.sandbox.setTrafficLicence(primary.person.idNumber, { zt: 'A' });
    await stack.sandbox.setTrafficVehicle(vehicle.xh, { yxqz: vehicle.yxqz });
  });

  it('when I ask for an item by an id that is not in my wallet, then 404 WALLET_ITEM_NOT_FOUND', async () => {
    const res = await api().get('/api/v1/wallet/items/AAAAAAAAAAAAAAAAAAAAAA').set(bearer(primary.token));

    expect(res.status).toBe(404);
    expect((res.body as { error: { code: string } }).error.code).toBe('WALLET_ITEM_NOT_FOUND');
  });

  describe('出示 of the 电子居住证 to a landlord', () => {
    let newcomer: { person: Person; token: string };
    let permit: WalletItem;
    let created: WalletShareCreated;

    beforeAll(async () => {
      newcomer = await citizen(stack, 'newcomer');
      const issued = beijingDay(stack, -100);
      await setResidence(stack, { sfzmhm: newcomer.person.idNumber, jzz: { qfrq: issued } });
      const found = byKind(await walletOf(newcomer.token), 'residence-permit')[0];
      if (!found) throw new Error('the newcomer has no permit in the wallet');
      permit = found;
    });

    it('when a newcomer holds a permit, then the wallet lists the 电子居住证 valid with its card page and its five fields', async () => {
      // Assert
      expect(permit).toMatchObject({
        name: '电子居住证',
        status: 'valid',
        link: '/packages/wallet/pages/residence-card/index',
      });
      expect(permit.numberMasked).toContain('*');
      expect(permit.shareFields.map((f) => f.key)).toEqual([
        'name',
        'permitValid',
        'validUntil',
        'district',
        'numberMasked',
      ]);
    });

    it('when the holder shows name + 持有有效居住证 for 租房, then the verifier sees exactly those two and nothing else', async () => {
      // Act
      const res = await share(newcomer.token, {
        itemId: permit.id,
        fields: ['permitValid', 'name'],
        minutes: 30,
        purpose: '租房',
      });
      created = res.body as WalletShareCreated;
      const seen = await check(created.token);

      // Assert
      expect(res.status).toBe(201);
      expect(created.url).toBe(
        `${stack.config.publicBaseUrl}/#/packages/wallet/pages/verify/index?t=${encodeURIComponent(created.token)}`,
      );
      expect(created.fields).toEqual([
        { key: 'name', label: '姓名' },
        { key: 'permitValid', label: '持有有效居住证' },
      ]);
      expect(Object.keys(seen).sort()).toEqual(
        ['checkedAt', 'credentialName', 'expiresAt', 'fields', 'purpose', 'result', 'resultText'].sort(),
      );
      expect(seen).toMatchObject({ result: 'valid', credentialName: '电子居住证', purpose: '租房' });
      expect(seen.fields).toEqual([
        { key: 'name', label: '姓名', value: newcomer.person.name },
        { key: 'permitValid', label: '持有有效居住证', value: '是' },
      ]);
      const text = JSON.stringify(seen);
      expect(text).not.toContain(permit.numberMasked);
      expect(text).not.toContain(permit.validUntil ?? 'no-date');
    });

    it('when the same request is sent again with its Idempotency-Key, then the same link comes back', async () => {
      // Arrange
      const key = randomUUID();
      const request: WalletShareRequest = { itemId: permit.id, fields: ['district'], minutes: 5, purpose: '入职' };

      // Act
      const first = (await share(newcomer.token, request, key)).body as WalletShareCreated;
      const again = await share(newcomer.token, request, key);

      // Assert
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first);
      expect((await check(first.token, '某公司人事部')).fields?.map((f) => f.key)).toEqual(['district']);
    });

    it('when a verifier checked, then the holder sees who and when on the link and in the usage record', async () => {
      // Act
      const list = await sharesOf(newcomer.token);
      const usage = (await api().get('/api/v1/me/data-usage').set(bearer(newcomer.token)).expect(200))
        .body as DataUseList;

      // Assert
      const mine = list.items.find((s) => s.shareId === created.shareId);
      expect(mine).toMatchObject({
        state: 'active',
        purpose: '租房',
        credentialName: '电子居住证',
        kind: 'residence-permit',
      });
      expect(mine?.uses).toEqual([{ at: expect.any(String), verifierName: '张房东' }]);
      expect(usage.items.some((u) => u.feature === 'wallet-share' && u.what.includes('张房东'))).toBe(true);
      expect(JSON.stringify(list)).not.toContain(created.token);
    });

    it('when the link is revoked, then the verifier is told so, and the list says revoked', async () => {
      // Act
      await api().delete(`/api/v1/wallet/shares/${created.shareId}`).set(bearer(newcomer.token)).expect(204);
      const seen = await check(created.token);
      const again = await api().delete(`/api/v1/wallet/shares/${created.shareId}`).set(bearer(newcomer.token));

      // Assert
      expect(seen).toMatchObject({ result: 'revoked' });
      expect(seen.fields).toBeUndefined();
      expect(again.status).toBe(204);
      expect((await sharesOf(newcomer.token)).items.find((s) => s.shareId === created.shareId)?.state).toBe('revoked');
    });

    it("when another user revokes the holder's link, then 404 SHARE_NOT_FOUND and the link still works", async () => {
      // Arrange (the 实人 check of the set-up is still within five minutes)
      const live = (
        await share(newcomer.token, { itemId: permit.id, fields: ['name'], minutes: 5, purpose: '租房' }).expect(201)
      ).body as WalletShareCreated;

      // Act
      const res = await api().delete(`/api/v1/wallet/shares/${live.shareId}`).set(bearer(primary.token));

      // Assert
      expect(res.status).toBe(404);
      expect((res.body as { error: { code: string } }).error.code).toBe('SHARE_NOT_FOUND');
      expect((await check(live.token)).result).toBe('valid');
    });

    it('when the link outlives its minutes, then the verifier reads expired and sees no field', async () => {
      // Arrange
      const short = (
        await share(newcomer.token, { itemId: permit.id, fields: ['name'], minutes: 5, purpose: '租房' }).expect(201)
      ).body as WalletShareCreated;

      // Act
      await stack.advanceTime(5 * MINUTE_MS + 1_000);
      const seen = await check(short.token);

      // Assert
      expect(seen).toMatchObject({ result: 'expired' });
      expect(seen.fields).toBeUndefined();
      expect((await sharesOf(newcomer.token)).items.find((s) => s.shareId === short.shareId)?.state).toBe('expired');
    });

    it('when the share is made without a fresh 实人 check, then 403 asks for one within 5 minutes', async () => {
      // Act (the clock moved past five minutes since the last check)
      const res = await share(newcomer.token, { itemId: permit.id, fields: ['name'], minutes: 5, purpose: '租房' });

      // Assert
      expect(res.status).toBe(403);
      expect((res.body as { error: { required: { withinSeconds: number } } }).error.required.withinSeconds).toBe(300);
    });

    it("when fields that are not the item's are asked for, then 400 and no link is made", async () => {
      // Arrange
      await passInPerson(stack, newcomer.token);
      const before = (await sharesOf(newcomer.token)).items.length;

      // Act
      const res = await share(newcomer.token, { itemId: permit.id, fields: ['plate'], minutes: 5, purpose: '租房' });

      // Assert
      expect(res.status).toBe(400);
      expect((await sharesOf(newcomer.token)).items).toHaveLength(before);
    });

    it('when the permit is suspended (a 签注 overdue), then it reads suspended and cannot be shown', async () => {
      // Arrange: issued 13 months ago, the first anniversary passed without 签注.
      await setResidence(stack, { sfzmhm: newcomer.person.idNumber, jzz: { qfrq: beijingDay(stack, -400) } });

      // Act
      const suspended = byKind(await walletOf(newcomer.token), 'residence-permit')[0];
      const res = await share(newcomer.token, {
        itemId: suspended?.id ?? '',
        fields: ['name'],
        minutes: 5,
        purpose: '租房',
      });

      // Assert
      expect(suspended).toMatchObject({ status: 'suspended', shareFields: [] });
      expect(res.status).toBe(409);
    });
  });

  it('when the privacy notice is read, then it accounts for 出示记录 with the retention the TTL index enforces', async () => {
    // Arrange
    const ttlDays =
      (stack.connection.models['WalletShare']?.schema.indexes() ?? [])
        .map(([, options]) => (options as { expireAfterSeconds?: number }).expireAfterSeconds)
        .find((seconds) => seconds !== undefined) ?? Number.NaN;

    // Act
    const notice = (await api().get('/api/v1/privacy-notice').expect(200)).body as PrivacyNotice;

    // Assert
    const wallet = notice.categories.find((c) => c.key === 'wallet');
    expect(wallet?.retention).toContain(`${ttlDays / 86_400} 天`);
    expect(wallet?.recipients).toContain('核验方');
  });

  it('when a made-up token is checked, then the answer is unknown with no field', async () => {
    // Act
    const guessed = await check(randomBytes(32).toString('base64url'));
    const garbage = await check('not-a-token');

    // Assert
    expect(guessed).toMatchObject({ result: 'unknown' });
    expect(guessed.fields).toBeUndefined();
    expect(garbage.result).toBe('unknown');
  });

  it('when one address guesses tokens past 60 a minute, then 429 with Retry-After', async () => {
    // Arrange
    const address = '192.0.2.91';
    const answers = [];

    // Act
    for (let i = 0; i < 61; i += 1) {
      answers.push(
        await api()
          .post('/api/v1/verify/shares')
          .set('X-Forwarded-For', address)
          .send({ token: randomBytes(32).toString('base64url'), verifierName: '猜测者' }),
      );
    }

    // Assert
    expect(answers.slice(0, 60).every((res) => res.status === 200)).toBe(true);
    expect(answers[60]?.status).toBe(429);
    expect(answers[60]?.headers['retry-after']).toMatch(/^\d+$/);
  });

  it("when I open my son's certificates, then his e-licences show without an identity credential; a stranger gets 404", async () => {
    // Arrange
    const son = await stack.sandbox.kin('son');
    const added = await api()
      .post('/api/v1/family/children')
      .set(bearer(primary.token))
      .set('Idempotency-Key', randomUUID())
      .send({ name: son.name, idNumber: son.idNumber, relation: 'son' });
    if (added.status !== 201) throw new Error(`add child: HTTP ${added.status} ${JSON.stringify(added.body)}`);
    const member = added.body as FamilyMember;
    const stranger = await citizen(stack, 'secondary');

    // Act
    const wallet = (
      await api().get(`/api/v1/family/members/${member.memberId}/wallet`).set(bearer(primary.token)).expect(200)
    ).body as Wallet;
    const intruder = await api().get(`/api/v1/family/members/${member.memberId}/wallet`).set(bearer(stranger.token));

    // Assert
    expect(byKind(wallet, 'identity')).toEqual([]);
    expect(byKind(wallet, 'e-licence').map((i) => i.typeCode)).toEqual(expect.arrayContaining(['CSZM']));
    expect(wallet.items.every((item) => item.link === undefined)).toBe(true);
    expect(intruder.status).toBe(404);
    expect((intruder.body as { error: { code: string } }).error.code).toBe('FAMILY_MEMBER_NOT_FOUND');
  });
});

/** Each source degrades alone: a stack per case, so a breaker opened by one system stays out of the other. */
describe('wallet: one system down', () => {
  let stack: TestStack;

  beforeEach(async () => {
    stack = await startTestStack({ TRAFFIC_FRESH_SECONDS: '0', TRAFFIC_REVALIDATE_SECONDS: '0' });
    await stack.sandbox.setTrafficLatency(0);
  });
  afterEach(() => stack.close());

  it('when the traffic system is down, then the licence and vehicles are missing and named, the rest is listed', async () => {
    // Arrange
    const { token } = await citizen(stack, 'elder');
    await stack.sandbox.setFault('traffic', { down: true });

    // Act
    const res = await stack.api().get('/api/v1/wallet').set(bearer(token));

    // Assert
    expect(res.status).toBe(200);
    const wallet = res.body as Wallet;
    expect(wallet.unavailable.map((u) => u.source)).toEqual(['traffic']);
    expect(wallet.unavailable[0]?.sourceName).toContain('车驾管');
    expect(byKind(wallet, 'driving-licence')).toEqual([]);
    expect(byKind(wallet, 'vehicle-licence')).toEqual([]);
    expect(byKind(wallet, 'identity')).toHaveLength(1);
    expect(byKind(wallet, 'e-licence').length).toBeGreaterThan(0);
  });

  it('when the identity system is down, then the e-licences and the permit are named missing, traffic still shows', async () => {
    // Arrange
    const { token } = await citizen(stack, 'elder');
    await stack.sandbox.setFault('identity', { errorRate: 1 });

    // Act
    const res = await stack.api().get('/api/v1/wallet').set(bearer(token));

    // Assert
    expect(res.status).toBe(200);
    const wallet = res.body as Wallet;
    expect(wallet.unavailable.map((u) => u.source)).toEqual(['e-licences', 'residence']);
    expect(byKind(wallet, 'e-licence')).toEqual([]);
    expect(byKind(wallet, 'driving-licence')).toHaveLength(1);
  });
});
