import { randomUUID } from 'node:crypto';
import {
  dateRange,
  filingDay,
  mustProvideOnline,
  type ApplicationDetail,
  type ApplicationSubmitRequest,
  type ItemGuide,
  type ItemGuideResponse,
  type ItemListResponse,
  type LicenceAnswer,
  type Material,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import {
  aResident,
  bearer,
  loginBySms,
  loginByWechat,
  requiredMaterials,
  uniquePhone,
  uploadMaterial,
  verifyIdentity,
  verifyRealName,
} from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';

/**
 * What a guide says of an online item and what its form asks agree: the
 * materials filing online needs no upload of (the online form is the
 * material, or its issuer supplies it) are exempt, are never asked for by
 * the form or the BFF, and the guide's own wording says so; date pickers run
 * over the dates each field allows, which the BFF checks on the day; a
 * contact phone left out is the account's own.
 */
describe('online forms: the guide and the form agree', () => {
  let stack: TestStack;
  let guides: ItemGuide[];

  beforeAll(async () => {
    stack = await startTestStack();
    const codes: string[] = [];
    for (let page = 1, more = true; more; page += 1) {
      const list = (await stack.api().get('/api/v1/items').query({ page, pageSize: 50 }).expect(200))
        .body as ItemListResponse;
      codes.push(...list.items.map((item) => item.code));
      more = list.hasMore;
    }
    guides = [];
    // A few at a time: every guide, as the citizen's 在线办理 opens it.
    for (let start = 0; start < codes.length; start += 20) {
      const batch = await Promise.all(
        codes
          .slice(start, start + 20)
          .map(async (code) => (await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse),
      );
      guides.push(...batch.map((answer) => answer.item));
    }
  });
  afterAll(() => stack.close());

  /** How guides word a material that filing online obtains by itself (so nothing is uploaded). */
  const OBTAINED_ONLINE = /在线填写|电子签名|数据共享|系统共享|系统内生成|联网传输|联网上传|线上推送/;
  const wording = (material: Material): string => `${material.spec} ${material.note ?? ''}`;

  const guideNamed = (name: string): ItemGuide => {
    const guide = guides.find((item) => item.name === name);
    if (!guide) throw new Error(`no item named ${name}`);
    return guide;
  };

  it('when every online item is read, then each material its guide says is obtained online is exempt, and only those', () => {
    // Arrange
    const online = guides.filter((guide) => guide.channels.includes('网上办理'));

    // Act
    const disagreements = online.flatMap((guide) =>
      guide.materials.flatMap((material) => {
        const says = OBTAINED_ONLINE.test(wording(material));
        const exempt = material.onlineExemption !== undefined;
        if (says === exempt) return [];
        return [
          `${guide.name} · ${material.name}: ${exempt ? 'exempt, the guide does not say so' : 'still asked for'}`,
        ];
      }),
    );

    // Assert
    expect(online.length).toBeGreaterThan(300);
    expect(disagreements).toEqual([]);
  });

  it('when 机动车解除抵押登记 is read, then only the ID card is asked for online; the lender and the 车管所 supply the rest', () => {
    // Act
    const guide = guideNamed('机动车解除抵押登记');

    // Assert
    expect(guide.materials.filter(mustProvideOnline).map((m) => m.name)).toEqual(['居民身份证']);
    expect(guide.materials.map((m) => [m.name, m.onlineExemption])).toEqual([
      ['居民身份证', undefined],
      ['《机动车登记业务申请表》', 'form'],
      ['机动车登记证书', 'shared'],
      ['抵押权人身份证明（营业执照或统一社会信用代码证书）', 'shared'],
      ['抵押权人出具的解除抵押书面材料', 'shared'],
    ]);
  });

  it('when every date field is read, then it is bounded, and birth dates run from 1900 to today', () => {
    // Arrange
    const today = filingDay(stack.clock.now());
    const fields = guides.flatMap((guide) =>
      guide.form.sections
        .flatMap((s) => s.fields)
        .filter((field) => field.type === 'date')
        .map((field) => ({ guide, field })),
    );

    // Act
    const unbounded = fields.filter(({ field }) => field.earliest === undefined || field.latest === undefined);
    const births = fields.filter(({ field }) => field.label === '出生日期');

    // Assert
    expect(fields.length).toBeGreaterThan(50);
    expect(unbounded.map(({ guide, field }) => `${guide.name} · ${field.label}`)).toEqual([]);
    expect(births.length).toBeGreaterThan(10);
    for (const { field } of births) expect(dateRange(field, today)).toEqual({ start: '1900-01-01', end: today });
  });

  describe('filing', () => {
    let token: string;
    let person: { name: string; idNumber: string; phone: string };
    /** The phone the account logged in with. */
    const accountPhone = uniquePhone();

    beforeAll(async () => {
      person = await stack.sandbox.citizen('primary');
      token = (await loginBySms(stack, accountPhone)).accessToken;
      await verifyIdentity(stack, token, person);
    });

    const submit = (body: ApplicationSubmitRequest) =>
      stack.api().post('/api/v1/applications').set(bearer(token)).set('Idempotency-Key', randomUUID()).send(body);

    it('when 机动车解除抵押登记 is filed without materials, then only the ID card is missing; with it alone, the case is filed', async () => {
      // Arrange
      const guide = guideNamed('机动车解除抵押登记');
      const body: ApplicationSubmitRequest = {
        itemCode: guide.code,
        formVersion: guide.form.version,
        // 车辆识别代号 (its last six) has a pattern fillForm does not guess.
        data: { ...fillForm(guide.form, person), clsbdh: '123456' },
        materials: [],
      };

      // Act
      const without = await submit(body);
      const materialId = await uploadMaterial(stack, token, TINY_PNG);
      const withCard = await submit({ ...body, materials: [{ name: '居民身份证', source: 'upload', materialId }] });

      // Assert
      expect(without.status).toBe(400);
      expect(without.body.error.code).toBe('MATERIAL_REQUIRED');
      expect(without.body.error.fields).toEqual([{ path: 'materials.居民身份证', message: expect.any(String) }]);
      expect(withCard.status).toBe(201);
    });

    it('when a date outside its field’s range is sent, then 400 names the field and the bound, for a draft as for a filing', async () => {
      // Arrange: 预约办理日期 runs from tomorrow to a week on
      const guide = guideNamed('居民身份证有效期满换领');
      const field = guide.form.sections.flatMap((s) => s.fields).find((f) => f.key === 'yjsj');
      if (!field) throw new Error('no 预约办理日期');
      const today = filingDay(stack.clock.now());
      const tooLate = dateRange(field, today).end?.replace(/^(\d{4})/, (year) => String(Number(year) + 500)) ?? '';

      // Act
      const draft = await stack
        .api()
        .put(`/api/v1/drafts/${guide.code}`)
        .set(bearer(token))
        .send({ formVersion: guide.form.version, data: { yjsj: today } });
      const filed = await submit({
        itemCode: guide.code,
        formVersion: guide.form.version,
        data: { ...fillForm(guide.form, person), yjsj: tooLate },
        materials: [],
      });

      // Assert
      expect(draft.status).toBe(400);
      expect(draft.body.error.fields).toEqual([
        { path: 'yjsj', message: `预约办理日期不能早于${spoken(dateRange(field, today).start)}` },
      ]);
      expect(filed.status).toBe(400);
      expect(filed.body.error.fields).toEqual([
        { path: 'yjsj', message: `预约办理日期不能晚于${spoken(dateRange(field, today).end)}` },
      ]);
    });

    it('when a 自愿降级 leaves the contact phone out, then the case carries the account’s own phone', async () => {
      // Arrange
      const { licence } = (await stack.api().get('/api/v1/licence').set(bearer(token)).expect(200))
        .body as LicenceAnswer;
      const body = {
        targetClass: licence.downgrade?.options[0]?.code ?? '',
        address: '广州市天河区天河路100号',
        delivery: 'window',
        materials: await requiredMaterials(stack, token, licence.downgrade?.itemCode ?? ''),
      };

      // Act
      const filed = await stack
        .api()
        .post('/api/v1/licence/downgrade')
        .set(bearer(token))
        .set('Idempotency-Key', randomUUID())
        .send(body);

      // Assert
      expect(filed.status).toBe(201);
      const submission = await stack.sandbox.approvalSubmission((filed.body as ApplicationDetail).caseNo);
      expect(submission.bdsj['sjhm']).toBe(accountPhone);
    });

    it('when a complaint leaves the phone out, then it is filed; an account without a phone is asked for one', async () => {
      // Arrange
      const complaint = {
        kind: 'suggestion',
        category: 'online-service',
        title: '希望增加夜间办理',
        content: '建议出入境大厅周末开放更长时间，方便上班族办理。',
        photos: [],
      };
      const wechat = await loginByWechat(stack, `o-${randomUUID()}`);
      await verifyRealName(stack, wechat.accessToken, await aResident(stack));
      const send = (accessToken: string) =>
        stack.api().post('/api/v1/complaints').set(bearer(accessToken)).set('Idempotency-Key', randomUUID());

      // Act
      const mine = await send(token).send(complaint);
      const noPhone = await send(wechat.accessToken).send(complaint);
      const typed = await send(wechat.accessToken).send({ ...complaint, phone: '13900139000' });

      // Assert
      expect(wechat.user.phoneMasked).toBeNull();
      expect(mine.status).toBe(201);
      expect(noPhone.status).toBe(400);
      expect(noPhone.body.error.fields).toEqual([{ path: 'phone', message: '请填写联系电话' }]);
      expect(typed.status).toBe(201);
    });
  });
});

/** 2026-12-09 -> 2026年12月9日, as the messages say it. */
function spoken(date: string | undefined): string {
  if (!date) throw new Error('no bound');
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
