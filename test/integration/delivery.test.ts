import { randomUUID } from 'node:crypto';
import type {
  Address,
  AddressInput,
  AddressList,
  ApplicationDetail,
  ApplicationSubmitRequest,
  ItemGuide,
  ItemGuideResponse,
  UploadedMaterial,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, passInPerson, uniquePhone, verifyIdentity } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';

/** 无犯罪记录证明开具（本人申请）: 电子证明, 邮寄 or 窗口领取. */
const NO_CRIME = '1144010000750226542000414000001';
/** 天河区 and 南山区 in the region table. */
const TIANHE = '440106';
const NANSHAN = '440305';
const HOUR = 3_600_000;

const HOME: AddressInput = {
  recipient: '王小明',
  mobile: '13912345678',
  districtCode: TIANHE,
  detail: '天河路385号太古汇一座1201',
};
const OFFICE: AddressInput = {
  recipient: '李华',
  mobile: '13787654321',
  districtCode: NANSHAN,
  detail: '科技园南区深南大道10000号',
};

/** 收件地址簿 and 邮寄: addresses kept sealed and masked, a case posted to one, and its EMS way in the case. */
describe('delivery: the address book, 邮寄 to a saved address, EMS tracking in the case', () => {
  let stack: TestStack;
  let token: string;
  let person: { name: string; idNumber: string; phone: string };
  let noCrime: ItemGuide;

  beforeAll(async () => {
    stack = await startTestStack();
    person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack, uniquePhone())).accessToken;
    await verifyIdentity(stack, token, person);
    noCrime = ((await stack.api().get(`/api/v1/items/${NO_CRIME}`).expect(200)).body as ItemGuideResponse).item;
    const url = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const add = (input: AddressInput, accessToken = token, key: string = randomUUID()) =>
    stack.api().post('/api/v1/addresses').set(bearer(accessToken)).set('Idempotency-Key', key).send(input);
  const book = async (accessToken = token) =>
    (await stack.api().get('/api/v1/addresses').set(bearer(accessToken)).expect(200)).body as AddressList;

  async function application(delivery: ApplicationSubmitRequest['delivery']): Promise<ApplicationSubmitRequest> {
    const materials = [];
    for (const material of noCrime.materials.filter((m) => m.necessity === 'required')) {
      const uploaded = (
        await stack.api().post('/api/v1/materials').set(bearer(token)).attach('file', TINY_PNG, 'photo.png').expect(201)
      ).body as UploadedMaterial;
      materials.push({ name: material.name, source: 'upload' as const, materialId: uploaded.materialId });
    }
    return {
      itemCode: NO_CRIME,
      formVersion: noCrime.form.version,
      data: fillForm(noCrime.form, person),
      materials,
      ...(delivery ? { delivery } : {}),
    };
  }

  const caseView = async (caseNo: string) =>
    (await stack.api().get(`/api/v1/applications/${caseNo}`).set(bearer(token)).expect(200)).body as ApplicationDetail;

  describe('the address book', () => {
    it('when I add an address, then the list shows it masked and the edit view shows the street in full, the mobile masked', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);

      // Act
      const created = await add(HOME, accessToken).expect(201);
      const list = await book(accessToken);
      const full = await stack
        .api()
        .get(`/api/v1/addresses/${(created.body as Address).id}`)
        .set(bearer(accessToken))
        .expect(200);

      // Assert
      expect(created.body).toMatchObject({
        recipient: '王小明',
        mobile: '139****5678',
        province: { code: '440000', name: '广东省' },
        city: { code: '440100', name: '广州市' },
        district: { code: TIANHE, name: '天河区' },
        detail: HOME.detail,
        isDefault: true,
      });
      expect(list.items).toEqual([
        expect.objectContaining({
          recipient: '王**',
          mobile: '139****5678',
          region: '广东省广州市天河区',
          detail: '天河路3****',
          isDefault: true,
        }),
      ]);
      expect(JSON.stringify(list)).not.toContain('13912345678');
      expect(JSON.stringify(list)).not.toContain('太古汇');
      expect(full.body).toEqual(created.body);
    });

    it('when the same save is retried with its Idempotency-Key, then one address is kept', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const key = randomUUID();

      // Act
      const first = await add(HOME, accessToken, key).expect(201);
      const again = await add(HOME, accessToken, key).expect(201);

      // Assert
      expect((again.body as Address).id).toBe((first.body as Address).id);
      expect((await book(accessToken)).items).toHaveLength(1);
    });

    it('when a second address is made the default, then it is listed first and the first is no longer default', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const home = (await add(HOME, accessToken).expect(201)).body as Address;

      // Act
      const office = (await add({ ...OFFICE, isDefault: true }, accessToken).expect(201)).body as Address;
      const list = await book(accessToken);

      // Assert
      expect(list.items.map((item) => [item.id, item.isDefault])).toEqual([
        [office.id, true],
        [home.id, false],
      ]);
      expect(list.items[0]?.region).toBe('广东省深圳市南山区');
    });

    it('when I change an address without retyping the mobile and delete another, then the mobile stays and the default passes on', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      const home = (await add(HOME, accessToken).expect(201)).body as Address;
      const office = (await add(OFFICE, accessToken).expect(201)).body as Address;

      // Act
      const changed = await stack
        .api()
        .put(`/api/v1/addresses/${office.id}`)
        .set(bearer(accessToken))
        .send({ recipient: OFFICE.recipient, districtCode: NANSHAN, detail: '科技园北区朗山路11号' })
        .expect(200);
      const left = await stack.api().delete(`/api/v1/addresses/${home.id}`).set(bearer(accessToken)).expect(200);

      // Assert
      expect((changed.body as Address).detail).toBe('科技园北区朗山路11号');
      expect((changed.body as Address).mobile).toBe('137****4321');
      expect((left.body as AddressList).items).toEqual([expect.objectContaining({ id: office.id, isDefault: true })]);
    });

    it('when another user reads, changes or deletes my address, then it is 404 and mine is untouched', async () => {
      // Arrange
      const owner = (await loginBySms(stack)).accessToken;
      const intruder = (await loginBySms(stack)).accessToken;
      const mine = (await add(HOME, owner).expect(201)).body as Address;

      // Act
      const read = await stack.api().get(`/api/v1/addresses/${mine.id}`).set(bearer(intruder));
      const changed = await stack.api().put(`/api/v1/addresses/${mine.id}`).set(bearer(intruder)).send(OFFICE);
      const deleted = await stack.api().delete(`/api/v1/addresses/${mine.id}`).set(bearer(intruder));

      // Assert
      for (const res of [read, changed, deleted]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('ADDRESS_NOT_FOUND');
      }
      const after = await stack.api().get(`/api/v1/addresses/${mine.id}`).set(bearer(owner)).expect(200);
      expect(after.body).toEqual(mine);
      expect((await book(intruder)).items).toEqual([]);
    });

    it('when the district is not in the region table or the mobile is wrong, then 400 names the field', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);

      // Act
      const unknownRegion = await add({ ...HOME, districtCode: '999999' }, accessToken);
      const badMobile = await add({ ...HOME, mobile: '1234' }, accessToken);

      // Assert
      expect(unknownRegion.status).toBe(400);
      expect(unknownRegion.body.error).toMatchObject({ code: 'REGION_UNKNOWN', fields: [{ path: 'districtCode' }] });
      expect(badMobile.status).toBe(400);
      expect(badMobile.body.error.fields).toEqual([expect.objectContaining({ path: 'mobile' })]);
    });

    it('when the book holds 20 addresses, then a 21st is refused with ADDRESS_LIMIT', async () => {
      // Arrange
      const { accessToken } = await loginBySms(stack);
      for (let n = 0; n < 20; n += 1) await add({ ...HOME, detail: `天河路${n + 1}号` }, accessToken).expect(201);

      // Act
      const over = await add(OFFICE, accessToken);

      // Assert
      expect(over.status).toBe(409);
      expect(over.body.error.code).toBe('ADDRESS_LIMIT');
      expect((await book(accessToken)).items).toHaveLength(20);
    });

    it('when the request has no login, then 401', async () => {
      // Act
      const res = await stack.api().get('/api/v1/addresses');

      // Assert
      expect(res.status).toBe(401);
    });
  });

  describe('邮寄 to an address of the book, followed with EMS', () => {
    let caseNo: string;
    let trackingNo: string;

    beforeAll(async () => {
      // The item asks 实人 (L3) of the session that files it.
      await passInPerson(stack, token);
    });

    it('when I apply with an address of my book, then the case goes to its recipient and address, shown masked', async () => {
      // Arrange
      const saved = (await add(OFFICE).expect(201)).body as Address;

      // Act
      const filed = await stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(await application({ mode: 'post', addressId: saved.id }))
        .expect(201);
      caseNo = (filed.body as ApplicationDetail).caseNo;
      const stored = (await stack.sandbox.approvalCases(person.idNumber)).find((c) => c.bjbh === caseNo);

      // Assert
      expect(stored).toMatchObject({
        sdxx: {
          sdfs: '2',
          sjr: '李华',
          lxdh: '13787654321',
          sf: '广东省',
          cs: '深圳市',
          qx: '南山区',
          xxdz: OFFICE.detail,
        },
      });
      expect((filed.body as ApplicationDetail).delivery).toEqual({
        mode: 'post',
        modeText: '邮寄',
        recipient: '李*',
        phone: '137****4321',
        address: '广东省深圳市南山区****',
      });
    });

    it('when the console delivers, then the case shows the EMS number and 收寄 in its timeline, after the 送达 step', async () => {
      // Act
      for (const action of ['accept', 'review', 'approve', 'deliver'])
        await stack.sandbox.approvalAction(caseNo, action);
      const detail = await caseView(caseNo);
      trackingNo = detail.trackingNo ?? '';

      // Assert
      expect(trackingNo).toMatch(/^\d{13}$/);
      const parcel = await stack.sandbox.emsParcel(trackingNo);
      expect(parcel).toMatchObject({ orderNo: caseNo, receiver: { region: '广东省深圳市南山区' } });
      expect(detail.tracking).toMatchObject({ carrier: 'EMS', trackingNo, available: true, delivered: false });
      expect(detail.tracking?.events).toEqual([
        expect.objectContaining({ text: '已收寄', kind: 'posted', place: '广州天河揽投部' }),
      ]);
      const steps = detail.timeline.map((entry) => [entry.step, entry.source ?? 'approval']);
      expect(steps.slice(-2)).toEqual([
        ['送达', 'approval'],
        ['邮件寄递', 'ems'],
      ]);
    });

    it('when the hours pass and the postman hands it over, then the timeline follows it to 已签收 in time order', async () => {
      // Act
      // Only EMS's clock: the login would not outlive six hours of the BFF's.
      await stack.sandbox.advanceClock(6 * HOUR);
      const midway = await caseView(caseNo);
      await stack.sandbox.emsDeliver(trackingNo);
      const signed = await caseView(caseNo);

      // Assert
      expect(midway.tracking?.events.map((event) => event.kind)).toEqual(['posted', 'sorting', 'in-transit']);
      expect(signed.tracking?.delivered).toBe(true);
      expect(signed.tracking?.events.map((event) => event.text)).toEqual([
        '已收寄',
        '到达处理中心',
        '离开处理中心，发往下一站',
        '到达投递局',
        '正在派送',
        '已签收',
      ]);
      expect(signed.tracking?.events.at(-1)?.place).toBe('深圳南山揽投部');
      const times = signed.timeline.map((entry) => Date.parse(entry.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    });

    it('when EMS is down, then the case still shows, its tracking marked unavailable', async () => {
      // Arrange
      await stack.sandbox.setFault('ems', { errorRate: 1 });

      // Act
      const detail = await caseView(caseNo);

      // Assert
      expect(detail.status).toBe('delivered');
      expect(detail.trackingNo).toBe(trackingNo);
      expect(detail.tracking).toEqual({ carrier: 'EMS', trackingNo, available: false, delivered: false, events: [] });
      expect(detail.timeline.some((entry) => entry.source === 'ems')).toBe(false);
    });

    it("when I name another user's address, then the application is refused and nothing is filed", async () => {
      // Arrange
      const other = (await loginBySms(stack)).accessToken;
      const theirs = (await add(HOME, other).expect(201)).body as Address;
      const before = (await stack.sandbox.approvalCases(person.idNumber)).length;

      // Act
      const res = await stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(await application({ mode: 'post', addressId: theirs.id }));

      // Assert
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('ADDRESS_NOT_FOUND');
      expect(await stack.sandbox.approvalCases(person.idNumber)).toHaveLength(before);
    });

    it('when both a typed address and one of the book are sent, then 400 says to choose one', async () => {
      // Arrange
      const saved = (await book()).items[0]?.id ?? '';
      const typed = { province: '广东省', city: '广州市', district: '天河区', detail: '天河路100号201房' };

      // Act
      const res = await stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(await application({ mode: 'post', address: typed, addressId: saved }));

      // Assert
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'delivery.addressId' })]);
    });
  });
});
