import { randomUUID } from 'node:crypto';
import {
  IN_PERSON_RECENT_SECONDS,
  PersonalExportSchema,
  PrivacyNoticeSchema,
  type PrivacyNotice,
  type PrivacyNoticeCategory,
  type AccountDeletion,
  type ApplicationDetail,
  type ApplicationList,
  type DataUseList,
  type ItemGuide,
  type MessageList,
  type Address,
  type PaymentOrder,
  type TokenResponse,
  type User,
  type Wallet,
  type WalletShareCreated,
} from '@suijing/shared';
import { CHECK_TTL_SECONDS } from '../../bff/src/components/identity/in-person.service';
import { ACCOUNT_DELETION_COOLING_OFF_DAYS } from '../../bff/src/components/privacy/account-deletion.service';
import { DATA_USE_RETENTION_DAYS } from '../../bff/src/components/privacy/data-use.service';
import { ORDER_TTL_MS } from '../../bff/src/components/payments/payments.service';
import { CLOSED_ORDER_RETENTION_MS } from '../../bff/src/components/payments/settlement.service';
import { Types } from 'mongoose';
import { eventually } from '../support/eventually';
import { postApprovalEvent } from '../support/approval-webhook';
import {
  aResident,
  bearer,
  findItem,
  loginBySms,
  passInPerson,
  requiredMaterials,
  uniquePhone,
  uploadMaterial,
  verifyIdentity,
  verifyRealName,
} from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { startTestStack, type TestStack } from '../support/stack';

type Person = { name: string; idNumber: string; phone: string };

const DAY_MS = 86_400_000;

/**
 * The person's own rights over their data: 个人信息使用记录 (every read of
 * their records, across accounts, newest first), 注销账号 with a cooling-off
 * they can cancel, and a copy of everything held about them.
 */
describe('privacy: usage record, closing the account, a copy of my data', () => {
  let stack: TestStack;
  let guide: ItemGuide;

  beforeAll(async () => {
    stack = await startTestStack();
    guide = await findItem(stack, '居民身份证有效期满换领');
  });
  afterAll(() => stack.close());

  const api = () => stack.api();
  /** A collection as stored, for what the API no longer shows (string ids throughout). */
  const collection = (name: string) => stack.connection.collection<{ _id: string; [field: string]: unknown }>(name);

  /** A new account, verified (L2) and through the in-person check (L3) as `person`. */
  async function inPersonAccount(person: Person): Promise<TokenResponse & { phone: string }> {
    const phone = uniquePhone();
    const tokens = await loginBySms(stack, phone);
    await verifyRealName(stack, tokens.accessToken, person);
    await passInPerson(stack, tokens.accessToken);
    return { ...tokens, phone };
  }

  async function usage(token: string, query: Record<string, number> = {}): Promise<DataUseList> {
    return (await api().get('/api/v1/me/data-usage').query(query).set(bearer(token)).expect(200)).body as DataUseList;
  }

  async function fileCase(token: string, person: Person): Promise<ApplicationDetail> {
    const res = await api()
      .post('/api/v1/applications')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        itemCode: guide.code,
        formVersion: guide.form.version,
        data: fillForm(guide.form, person),
        materials: await requiredMaterials(stack, token, guide.code),
      });
    if (res.status !== 201) throw new Error(`filing: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as ApplicationDetail;
  }

  /** The approval system pushes the case as it stands now, signed at the BFF's time. */
  async function pushCase(caseNo: string, person: Person) {
    const record = (await stack.sandbox.approvalCases(person.idNumber)).find((c) => c.bjbh === caseNo);
    if (!record) throw new Error(`no case ${caseNo} in the sandbox`);
    const event = {
      sjbh: `privacy-${randomUUID()}`,
      sjsj: '20260101120000',
      bjbh: caseNo,
      sfzmhm: person.idNumber,
      zt: record.zt,
      hjmc: '受理',
      bj: record,
    };
    // Signed now by wall time, as the approval system signs: the webhook checks wall time, not the test clock.
    return postApprovalEvent(stack, JSON.stringify(event));
  }

  /** A passport application of mine accepted by staff (its fee of 120 元 is due), and an H5 order for the fee, unpaid. */
  async function pendingFeeOrder(token: string, person: Person, phone: string): Promise<PaymentOrder> {
    const passport = await findItem(stack, '普通护照首次申领');
    const filed = await api()
      .post('/api/v1/applications')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        itemCode: passport.code,
        formVersion: passport.form.version,
        data: fillForm(passport.form, person, { contactPhone: phone }),
        materials: await requiredMaterials(stack, token, passport.code),
      });
    if (filed.status !== 201) throw new Error(`filing: HTTP ${filed.status} ${JSON.stringify(filed.body)}`);
    const caseNo = (filed.body as ApplicationDetail).caseNo;
    await stack.sandbox.approvalAction(caseNo, 'accept');
    const res = await api()
      .post('/api/v1/payments/orders')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ thing: { kind: 'fee', caseId: caseNo }, channel: 'h5' });
    if (res.status !== 201) throw new Error(`order: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as PaymentOrder;
  }

  describe('隐私保护指引', () => {
    let notice: PrivacyNotice;
    const category = (key: PrivacyNoticeCategory['key']): PrivacyNoticeCategory => {
      const found = notice.categories.find((c) => c.key === key);
      if (!found) throw new Error(`the notice has no ${key}`);
      return found;
    };

    beforeAll(async () => {
      const res = await api().get('/api/v1/privacy-notice').expect(200);
      notice = PrivacyNoticeSchema.parse(res.body);
    });

    it('when anyone reads it before logging in, then the ID number, the face check, location and uploaded materials each say what, why, how long and to whom, as sensitive information', () => {
      for (const key of ['identity', 'face', 'location', 'materials'] as const) {
        const entry = category(key);
        expect(entry.sensitive).toBe(true);
        for (const text of [entry.collected, entry.purpose, entry.retention, entry.recipients]) {
          expect(text.length).toBeGreaterThan(8);
        }
      }
      expect(category('identity').collected).toContain('身份证号码');
      expect(category('face').collected).toContain('人脸');
      expect(category('face').recipients).toMatch(/微信.*网证|网证.*微信/);
      expect(category('location').collected).toContain('位置');
      expect(category('materials').recipients).toContain('审批系统');
      expect(notice.sensitive).toMatch(/敏感个人信息/);
    });

    it('when it says how long things are kept, then the figures are the ones the BFF enforces', () => {
      const sessionTtlDays =
        (stack.connection.models['Session']?.schema.indexes() ?? [])
          .map(([, options]) => (options as { expireAfterSeconds?: number }).expireAfterSeconds)
          .find((seconds) => seconds !== undefined) ?? Number.NaN;

      expect(category('face').retention).toContain(`${CHECK_TTL_SECONDS / 60} 分钟`);
      expect(category('face').retention).toContain(`${IN_PERSON_RECENT_SECONDS / 86_400} 天`);
      expect(category('data-use').retention).toContain(`${DATA_USE_RETENTION_DAYS} 天`);
      expect(category('device').retention).toContain(`${sessionTtlDays / 86_400} 天`);
      expect(notice.rights.join('')).toContain(`${ACCOUNT_DELETION_COOLING_OFF_DAYS} 天冷静期`);
      expect(category('payments').retention).toContain(`${ORDER_TTL_MS / 60_000} 分钟后关闭`);
      expect(category('payments').retention).toContain(`关闭后保存 ${CLOSED_ORDER_RETENTION_MS / DAY_MS} 天`);
      expect(category('payments').retention).toContain('《会计档案管理办法》保存 30 年');
    });

    it('when it speaks of payments and the address book, then it says what, why, how long and to whom, payments as sensitive', () => {
      const payments = category('payments');
      const addresses = category('addresses');

      expect(payments.sensitive).toBe(true);
      expect(addresses.sensitive).toBe(false);
      for (const entry of [payments, addresses]) {
        for (const text of [entry.collected, entry.purpose, entry.retention, entry.recipients]) {
          expect(text.length).toBeGreaterThan(8);
        }
      }
      expect(payments.recipients).toMatch(/微信支付.*非税/);
      expect(payments.retention).toContain('与账号分离');
      expect(addresses.collected).toMatch(/收件人.*手机号码.*详细地址/);
      expect(addresses.retention).toMatch(/删除该地址或注销账号时删除/);
      expect(notice.rights.join('')).toContain('收件地址');
    });

    it('when a person passes the face check, uploads a document and looks for the nearest hall, then what is stored is what the notice says', async () => {
      // Arrange
      const person = await aResident(stack);
      const tokens = await loginBySms(stack, uniquePhone());
      await verifyRealName(stack, tokens.accessToken, person);
      const position = { lat: 23.137461, lng: 113.264385 };

      // Act
      await passInPerson(stack, tokens.accessToken);
      const materialId = await uploadMaterial(stack, tokens.accessToken, TINY_PNG);
      await api().get('/api/v1/halls').query(position).set(bearer(tokens.accessToken)).expect(200);

      // Assert: the check is gone once its result is read; the identity is sealed
      const userId = tokens.user.id;
      expect(await collection('identity_checks').countDocuments({ userId })).toBe(0);
      const user = JSON.stringify(await collection('users').findOne({ _id: userId }));
      expect(user).not.toContain(person.idNumber);
      expect(user).not.toContain(person.name);
      // Only a description of the file is kept here: the file is the approval system's
      const material = await collection('materials').findOne({ _id: materialId });
      expect(Object.keys(material ?? {}).sort()).toEqual(
        ['_id', 'fileId', 'filename', 'mime', 'sha256', 'size', 'uploadedAt', 'userId'].sort(),
      );
      // The position was used for the distances and written nowhere
      for (const { name } of await stack.connection.db!.listCollections().toArray()) {
        const stored = JSON.stringify(await collection(name).find().toArray());
        expect(stored).not.toContain(String(position.lat));
        expect(stored).not.toContain(String(position.lng));
      }
    });
  });

  describe('个人信息使用记录', () => {
    let person: Person;
    let account: TokenResponse & { phone: string };

    beforeAll(async () => {
      person = await stack.sandbox.citizen('primary');
      account = await inPersonAccount(person);
    });

    it('when an account without 实名 asks for the record, then 403 ASSURANCE_REQUIRED names L2', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);

      // Act
      const res = await api().get('/api/v1/me/data-usage').set(bearer(accessToken));

      // Assert
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L2' } });
    });

    it('when I read my vehicles and then my licence, then both are recorded, newest first, this session, masked', async () => {
      // Arrange
      const before = await usage(account.accessToken);

      // Act
      await api().get('/api/v1/vehicles').set(bearer(account.accessToken)).expect(200);
      await api().get('/api/v1/licence').set(bearer(account.accessToken)).expect(200);
      const after = await usage(account.accessToken, { page: 1, pageSize: 2 });

      // Assert
      expect(after.total).toBe(before.total + 2);
      expect(after.retentionDays).toBe(180);
      expect(after.items.map((i) => i.feature)).toEqual(['licence', 'vehicles']);
      const [licence, vehicles] = after.items;
      expect(Date.parse(licence?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(vehicles?.at ?? ''));
      for (const item of after.items) {
        expect(item).toMatchObject({ thisSession: true, device: { platform: 'h5' } });
        expect(item.account).toBe(`${account.phone.slice(0, 3)}****${account.phone.slice(-4)}`);
        expect(item.what.length).toBeGreaterThan(0);
      }
      const text = JSON.stringify(after);
      expect(text).not.toContain(person.idNumber);
      expect(text).not.toContain(account.phone);
      expect(text).not.toContain(person.name);
    });

    it('when I page through the record, then pages follow each other without overlap and the total holds', async () => {
      // Act
      const all = await usage(account.accessToken, { page: 1, pageSize: 50 });
      const first = await usage(account.accessToken, { page: 1, pageSize: 1 });
      const second = await usage(account.accessToken, { page: 2, pageSize: 1 });
      const beyond = await usage(account.accessToken, { page: all.total + 1, pageSize: 1 });

      // Assert
      expect(first.items).toEqual(all.items.slice(0, 1));
      expect(second.items).toEqual(all.items.slice(1, 2));
      expect(first.total).toBe(all.total);
      expect(beyond.items).toEqual([]);
      const times = all.items.map((i) => Date.parse(i.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('when another device of mine reads my licence, then my record shows it, not as this session', async () => {
      // Arrange: the same account on a second device (a minute on: one code a minute per phone), checked in person
      await stack.advanceTime(61_000);
      const other = await loginBySms(stack, account.phone, 'weapp');
      await passInPerson(stack, other.accessToken);

      // Act
      await api().get('/api/v1/licence').set(bearer(other.accessToken)).expect(200);
      const seen = await usage(account.accessToken, { page: 1, pageSize: 1 });

      // Assert
      expect(seen.items[0]).toMatchObject({ feature: 'licence', thisSession: false, device: { platform: 'weapp' } });
    });

    it('when I ask for a bad page, then 400 VALIDATION_FAILED', async () => {
      const res = await api().get('/api/v1/me/data-usage').query({ pageSize: 500 }).set(bearer(account.accessToken));

      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('a copy of my personal information', () => {
    let person: Person;
    let account: TokenResponse & { phone: string };

    beforeAll(async () => {
      person = await stack.sandbox.citizen('elder');
      account = await inPersonAccount(person);
    });

    it('when the last in-person check is not fresh, then the copy and closing ask for one (L3 within 300 s)', async () => {
      // Arrange: 实名 only, no in-person check on this session
      const phone = uniquePhone();
      const { accessToken } = await loginBySms(stack, phone);
      await verifyRealName(stack, accessToken, await stack.sandbox.citizen('young'));

      // Act
      const copy = await api().get('/api/v1/me/export').set(bearer(accessToken));
      const close = await api().post('/api/v1/me/deletion').set(bearer(accessToken));

      // Assert
      for (const res of [copy, close]) {
        expect(res.status).toBe(403);
        expect(res.body.error).toMatchObject({
          code: 'ASSURANCE_REQUIRED',
          required: { level: 'L3', withinSeconds: 300 },
        });
      }
    });

    it('when I download my copy, then it is a dated JSON attachment with everything held about me', async () => {
      // Arrange
      const token = account.accessToken;
      await api().get('/api/v1/licence').set(bearer(token)).expect(200);
      const filed = await fileCase(token, person);
      await api().put(`/api/v1/favorites/${guide.code}`).set(bearer(token)).expect(200);
      await api()
        .put(`/api/v1/drafts/${guide.code}`)
        .set(bearer(token))
        .send({ formVersion: guide.form.version, data: {} })
        .expect(200);
      const materialId = await uploadMaterial(stack, token, TINY_PNG);
      const mobile = uniquePhone();
      const address = (
        await api()
          .post('/api/v1/addresses')
          .set(bearer(token))
          .set('Idempotency-Key', randomUUID())
          .send({ recipient: '黄小明', mobile, districtCode: '440106', detail: '天河路100号201房' })
          .expect(201)
      ).body as Address;
      const order = await pendingFeeOrder(token, person, account.phone);
      const wallet = (await api().get('/api/v1/wallet').set(bearer(token)).expect(200)).body as Wallet;
      const shown = (
        await api()
          .post('/api/v1/wallet/shares')
          .set(bearer(token))
          .set('Idempotency-Key', randomUUID())
          .send({
            itemId: wallet.items.find((i) => i.kind === 'identity')?.id,
            fields: ['name', 'verified'],
            minutes: 30,
            purpose: '入职',
          })
          .expect(201)
      ).body as WalletShareCreated;
      await api()
        .post('/api/v1/verify/shares')
        .send({ token: shown.token, verifierName: '某某公司人事部' })
        .expect(200);

      // Act
      const res = await api().get('/api/v1/me/export').set(bearer(token));

      // Assert: the file
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="suijing-personal-information-\d{8}\.json"$/,
      );
      const doc = (await api().get('/openapi.json').expect(200)).body as {
        paths: Record<string, { get?: { responses?: Record<string, { headers?: Record<string, unknown> }> } }>;
      };
      expect(Object.keys(doc.paths['/api/v1/me/export']?.get?.responses?.['200']?.headers ?? {})).toEqual([
        'Content-Disposition',
      ]);
      // Assert: what it holds
      const copy = PersonalExportSchema.parse(res.body);
      expect(copy.account.phone).toBe(account.phone);
      expect(copy.identity).toMatchObject({ name: person.name, idNumber: person.idNumber });
      expect(copy.sessions.map((s) => s.id).length).toBeGreaterThan(0);
      expect(copy.sessions.some((s) => s.inPersonAt !== null)).toBe(true);
      expect(copy.bindingHistory.some((e) => e.kind === 'bound' && e.thisAccount)).toBe(true);
      expect(copy.favorites.map((f) => f.code)).toContain(guide.code);
      expect(copy.drafts.map((d) => d.itemCode)).toContain(guide.code);
      expect(copy.cases.find((c) => c.caseNo === filed.caseNo)).toMatchObject({
        itemCode: guide.code,
        status: 'submitted',
      });
      expect(copy.materials.find((m) => m.materialId === materialId)).toMatchObject({
        mime: 'image/png',
        size: TINY_PNG.length,
      });
      expect(copy.dataUse.items.some((i) => i.feature === 'licence' && i.thisSession)).toBe(true);
      expect(copy.deletion).toEqual({ status: 'none' });
      expect(JSON.stringify(copy)).not.toMatch(/refreshHash|wechatSessionKey|Sealed/);
      // Assert: the address book in full (the answers elsewhere mask it), the payment orders without WeChat ids
      expect(copy.addresses).toEqual([
        expect.objectContaining({
          id: address.id,
          recipient: '黄小明',
          mobile,
          city: '广州市',
          district: '天河区',
          detail: '天河路100号201房',
          isDefault: true,
        }),
      ]);
      expect(copy.payments).toEqual([
        expect.objectContaining({
          orderId: order.id,
          kind: 'fee',
          reference: order.thing.reference,
          amountFen: 12000,
          state: 'pending',
          paidAt: null,
          receiptNo: null,
          refund: null,
        }),
      ]);
      const stored = await collection('payment_orders').findOne({ _id: new Types.ObjectId(order.id) } as object);
      const text = JSON.stringify(copy);
      expect(text).not.toContain(String(stored?.['outTradeNo']));
      // Assert: 出示记录 with who checked, but neither the link's token nor the values shown
      expect(copy.walletShares).toEqual([
        expect.objectContaining({
          purpose: '入职',
          fields: ['姓名', '已通过实人认证'],
          state: 'active',
          revokedAt: null,
          uses: [{ at: expect.any(String), verifierName: '某某公司人事部' }],
        }),
      ]);
      expect(text).not.toContain(shown.token);
      expect(text).not.toContain(shown.shareId);
    });

    it('when I have downloaded my copy, then the download itself is in my usage record', async () => {
      const seen = await usage(account.accessToken, { page: 1, pageSize: 1 });

      expect(seen.items[0]).toMatchObject({ feature: 'export', what: '导出个人信息副本', thisSession: true });
    });
  });

  describe('注销账号', () => {
    let person: Person;
    let account: TokenResponse & { phone: string };
    let userId: string;
    let refreshToken: string;
    let caseNo: string;

    beforeAll(async () => {
      person = await stack.sandbox.citizen('secondary');
      account = await inPersonAccount(person);
      refreshToken = account.refreshToken;
      userId = ((await api().get('/api/v1/me').set(bearer(account.accessToken)).expect(200)).body as User).id;
    });

    const deletion = async (token = account.accessToken) =>
      (await api().get('/api/v1/me/deletion').set(bearer(token)).expect(200)).body as AccountDeletion;

    /** A new access token from the refresh token, as the app does when its token lapses. */
    async function refreshed(): Promise<string> {
      const res = await api().post('/api/v1/auth/refresh').send({ refreshToken });
      if (res.status !== 200) throw new Error(`refresh: HTTP ${res.status} ${JSON.stringify(res.body)}`);
      const tokens = res.body as TokenResponse;
      refreshToken = tokens.refreshToken;
      return tokens.accessToken;
    }

    it('when nothing is asked, then there is no closing; cancelling it is 404 ACCOUNT_DELETION_NOT_FOUND', async () => {
      // Act
      const status = await deletion();
      const cancel = await api().delete('/api/v1/me/deletion').set(bearer(account.accessToken));

      // Assert
      expect(status).toEqual({ status: 'none' });
      expect(cancel.status).toBe(404);
      expect(cancel.body.error.code).toBe('ACCOUNT_DELETION_NOT_FOUND');
    });

    it('when I ask to close my account, then it is scheduled 7 days ahead and asking again keeps the date', async () => {
      // Act
      const first = (await api().post('/api/v1/me/deletion').set(bearer(account.accessToken)).expect(200))
        .body as AccountDeletion;
      const again = (await api().post('/api/v1/me/deletion').set(bearer(account.accessToken)).expect(200))
        .body as AccountDeletion;

      // Assert
      expect(first.status).toBe('scheduled');
      expect(Date.parse(first.scheduledFor ?? '') - Date.parse(first.requestedAt ?? '')).toBe(7 * DAY_MS);
      expect(again).toEqual(first);
      expect(await deletion()).toEqual(first);
    });

    it('when I cancel, then nothing is pending any more and my account goes on', async () => {
      // Act
      await api().delete('/api/v1/me/deletion').set(bearer(account.accessToken)).expect(204);

      // Assert
      expect(await deletion()).toEqual({ status: 'none' });
      await api().get('/api/v1/me').set(bearer(account.accessToken)).expect(200);
    });

    it('when closing is scheduled, then the account works until the day, and a run before it closes nothing', async () => {
      // Arrange: a case, a draft, a favourite, a message, a read of my records
      caseNo = (await fileCase(account.accessToken, person)).caseNo;
      await stack.sandbox.approvalAction(caseNo, 'accept');
      expect((await pushCase(caseNo, person)).status).toBe(200);
      await api().put(`/api/v1/favorites/${guide.code}`).set(bearer(account.accessToken)).expect(200);
      await api()
        .put(`/api/v1/drafts/${guide.code}`)
        .set(bearer(account.accessToken))
        .send({ formVersion: guide.form.version, data: {} })
        .expect(200);
      await api().get('/api/v1/vehicles').set(bearer(account.accessToken)).expect(200);
      const messages = (await api().get('/api/v1/messages').set(bearer(account.accessToken)).expect(200))
        .body as MessageList;
      expect(messages.items.some((m) => m.caseNo === caseNo)).toBe(true);
      const scheduled = (await api().post('/api/v1/me/deletion').set(bearer(account.accessToken)).expect(200))
        .body as AccountDeletion;

      // Act
      await stack.advanceTime(6 * DAY_MS);
      const closed = await stack.app.closeDueAccounts();
      const token = await refreshed();

      // Assert
      expect(closed).toBe(0);
      expect(await deletion(token)).toEqual(scheduled);
      await api().get(`/api/v1/drafts/${guide.code}`).set(bearer(token)).expect(200);
    });

    it('when the day comes and the run closes the account, then its tokens are refused and its data are gone', async () => {
      // Arrange
      await stack.advanceTime(DAY_MS + 60_000);
      const token = await refreshed();
      await api().get('/api/v1/me').set(bearer(token)).expect(200);

      // Act
      const closed = await stack.app.closeDueAccounts();
      const again = await stack.app.closeDueAccounts();

      // Assert: the devices are told
      expect(closed).toBe(1);
      expect(again).toBe(0);
      const me = await api().get('/api/v1/me').set(bearer(token));
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('ACCOUNT_CLOSED');
      const refresh = await api().post('/api/v1/auth/refresh').send({ refreshToken });
      expect(refresh.status).toBe(401);
      expect(refresh.body.error.code).toBe('ACCOUNT_CLOSED');
      // Assert: what was the account's is gone
      const byUser = { userId };
      expect(await collection('users').countDocuments({ _id: userId })).toBe(0);
      expect(await collection('account_deletions').countDocuments({ _id: userId })).toBe(0);
      for (const name of ['login_keys', 'drafts', 'favorites', 'materials', 'messages', 'identity_checks']) {
        expect({ name, left: await collection(name).countDocuments(byUser) }).toEqual({ name, left: 0 });
      }
      const sessions = await collection('sessions').find(byUser).toArray();
      expect(sessions.length).toBeGreaterThan(0);
      expect(sessions.map((s) => [s['revokeReason'], s['wechatSessionKey']])).toEqual(
        sessions.map(() => ['account_closed', null]),
      );
      const rotations = await collection('refresh_rotations').countDocuments({
        sessionId: { $in: sessions.map((s) => s._id) },
      });
      expect(rotations).toBe(0);
      // Assert: the case is kept, for the police system, apart from any account
      const kept = await collection('applications').findOne({ _id: caseNo });
      expect(kept).toMatchObject({ userId: 'closed-account', accountClosedAt: expect.any(Date) });
      const idHash = String(kept?.['idHash']);
      expect(idHash).toMatch(/^[0-9a-f]{64}$/);
      expect(await collection('traffic_snapshots').countDocuments({ _id: { $regex: `:${idHash}$` } })).toBe(0);
    });

    it('when a case of the closed account moves on, then it is kept current and nobody is messaged', async () => {
      // Arrange
      await stack.sandbox.approvalAction(caseNo, 'review');

      // Act
      const pushed = await pushCase(caseNo, person);

      // Assert
      expect(pushed.status).toBe(200);
      expect(await collection('messages').countDocuments({ caseNo })).toBe(0);
      const kept = await collection('applications').findOne({ _id: caseNo });
      expect(kept?.['status']).toBe('reviewing');
    });

    it('when the case is looked up by its number and the last six ID digits, then it is still found, as the page promises', async () => {
      // Act
      const found = await api()
        .post('/api/v1/progress/lookup')
        .set('X-Forwarded-For', '203.0.113.61')
        .send({ caseNo, idLast6: person.idNumber.slice(-6) });

      // Assert
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ caseNo, status: 'reviewing' });
    });

    it('when the same phone logs in again, then it is a new account that no longer reaches the kept case', async () => {
      // Act
      const fresh = await loginBySms(stack, account.phone);
      await verifyIdentity(stack, fresh.accessToken, person);
      const cases = (await api().get('/api/v1/applications').set(bearer(fresh.accessToken)).expect(200))
        .body as ApplicationList;
      const detail = await api().get(`/api/v1/applications/${caseNo}`).set(bearer(fresh.accessToken));

      // Assert
      expect(fresh.user.id).not.toBe(userId);
      expect(fresh.user.realNameStatus).toBe('unverified');
      expect(cases.items.map((c) => c.caseNo)).not.toContain(caseNo);
      expect(detail.status).toBe(404);
    });
  });

  describe('注销账号 with payments and an address book', () => {
    interface OrderDoc {
      _id: Types.ObjectId;
      userId: string;
      state: string;
      outTradeNo: string;
      receiptNo?: string;
      purgeAt?: Date;
      accountClosedAt?: Date;
    }
    const orderDoc = async (id: string): Promise<OrderDoc> => {
      const doc = await stack.connection
        .collection<OrderDoc>('payment_orders')
        .findOne({ _id: new Types.ObjectId(id) } as object);
      if (!doc) throw new Error(`no order ${id}`);
      return doc;
    };
    let account: TokenResponse & { phone: string };
    let paid: PaymentOrder;
    let pending: PaymentOrder;

    beforeAll(async () => {
      const resident = await aResident(stack);
      account = await inPersonAccount({ ...resident, phone: '' });
      const person = { ...resident, phone: account.phone };
      const token = account.accessToken;
      await api()
        .post('/api/v1/addresses')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send({ recipient: '黄小明', mobile: uniquePhone(), districtCode: '440106', detail: '天河路100号201房' })
        .expect(201);
      paid = await pendingFeeOrder(token, person, account.phone);
      await stack.sandbox.wxpayPay((await orderDoc(paid.id)).outTradeNo);
      await eventually(
        () => orderDoc(paid.id),
        (doc) => doc.state === 'paid',
      );
      pending = await pendingFeeOrder(token, person, account.phone);
      await api().post('/api/v1/me/deletion').set(bearer(token)).expect(200);
    });

    it('when the day comes while an order of mine is still pending, then the run ends my sessions but waits, keeping my data', async () => {
      // Arrange: the day has come; the order expired but no sweep has closed it at WeChat Pay yet
      await stack.advanceTime(7 * DAY_MS + 60_000);
      const refreshed = await api()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(200);
      const token = (refreshed.body as TokenResponse).accessToken;

      // Act
      const closed = await stack.app.closeDueAccounts();

      // Assert
      expect(closed).toBe(0);
      const me = await api().get('/api/v1/me').set(bearer(token));
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('ACCOUNT_CLOSED');
      const userId = account.user.id;
      expect(await collection('users').countDocuments({ _id: userId })).toBe(1);
      expect(await collection('addresses').countDocuments({ userId })).toBe(1);
      expect(await orderDoc(pending.id)).toMatchObject({ userId, state: 'pending' });
    });

    it('when the sweep has closed the order at WeChat Pay, then the next run closes the account: addresses gone, orders kept apart from it', async () => {
      // Arrange
      await stack.app.payments.sweep();
      expect((await stack.sandbox.wxpayOrder((await orderDoc(pending.id)).outTradeNo)).state).toBe('CLOSED');
      await stack.advanceTime(5 * 60_000 + 1_000); // the waiting run's lease

      // Act
      const closed = await stack.app.closeDueAccounts();

      // Assert
      expect(closed).toBe(1);
      const userId = account.user.id;
      expect(await collection('users').countDocuments({ _id: userId })).toBe(0);
      expect(await collection('addresses').countDocuments({ userId })).toBe(0);
      expect(await collection('payment_orders').countDocuments({ userId })).toBe(0);
      const kept = await orderDoc(paid.id);
      expect(kept).toMatchObject({ userId: 'closed-account', state: 'paid', accountClosedAt: expect.any(Date) });
      expect(kept.receiptNo).toBeDefined();
      const unpaid = await orderDoc(pending.id);
      expect(unpaid).toMatchObject({ userId: 'closed-account', state: 'closed', accountClosedAt: expect.any(Date) });
      expect(unpaid.purgeAt).toBeInstanceOf(Date);
    });
  });
});
