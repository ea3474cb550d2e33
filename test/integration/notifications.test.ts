import { randomUUID } from 'node:crypto';
import type {
  ApplicationDetail,
  Appointment,
  HallList,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  SlotList,
} from '@suijing/shared';
import { SUBSCRIBE_TEMPLATES } from '@suijing/sandbox';
import { CASE_PROGRESS_TEMPLATE, startTestStack, type TestStack } from '../support/stack';
import { bearer, loginByWechat, uploadMaterial, verifyIdentity } from '../support/auth-helpers';
import { beijingDate } from '../support/beijing-time';
import { fillForm, TINY_PNG } from '../support/forms';
import { eventually } from '../support/eventually';

/** The sandbox's template ids by our key (the stack configures every one as WECHAT_TEMPLATE_<KEY>). */
const TEMPLATE = Object.fromEntries(SUBSCRIBE_TEMPLATES.map((template) => [template.key, template.id])) as Record<
  'MATERIALS_REQUIRED' | 'CASE_RESULT' | 'BOOKING_CONFIRMED' | 'BOOKING_CANCELLED',
  string
>;

/** Case progress reaches a WeChat user as a subscribe message, when they accepted the template. */
describe('subscribe messages on case progress', () => {
  let stack: TestStack;
  let guide: ItemGuide;
  beforeAll(async () => {
    stack = await startTestStack();
    const url = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    guide = ((await stack.api().get(`/api/v1/items/${found.items[0]?.code}`).expect(200)).body as ItemGuideResponse)
      .item;
  });
  afterAll(() => stack.close());

  async function fileCase(role: string): Promise<{ openid: string; caseNo: string }> {
    const person = await stack.sandbox.citizen(role);
    const { accessToken } = await loginByWechat(stack, person.openid);
    await verifyIdentity(stack, accessToken, person);
    const materials = [];
    for (const material of guide.materials.filter((m) => m.necessity === 'required')) {
      const materialId = await uploadMaterial(stack, accessToken, TINY_PNG);
      materials.push({ name: material.name, source: 'upload' as const, materialId });
    }
    const filed = (
      await stack
        .api()
        .post('/api/v1/applications')
        .set(bearer(accessToken))
        .set('Idempotency-Key', randomUUID())
        .send({
          itemCode: guide.code,
          formVersion: guide.form.version,
          data: fillForm(guide.form, person, { contactPhone: person.phone }),
          materials,
        })
        .expect(201)
    ).body as ApplicationDetail;
    return { openid: person.openid, caseNo: filed.caseNo };
  }

  it('when a WeChat user accepted the template and the case is accepted, then one subscribe message says so', async () => {
    // Arrange
    const { openid, caseNo } = await fileCase('secondary');
    await stack.sandbox.grantSubscribe(openid, CASE_PROGRESS_TEMPLATE, 1);

    // Act
    await stack.sandbox.approvalAction(caseNo, 'accept');
    const outbox = await eventually(
      () => stack.sandbox.subscribeOutbox(openid),
      (items) => items.length > 0,
    );

    // Assert
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.templateId).toBe(CASE_PROGRESS_TEMPLATE);
    expect(outbox[0]?.data).toMatchObject({
      character_string1: caseNo,
      phrase3: expect.stringMatching(/已受理|已提交/),
    });
  });

  it('when a case needs 补正 and another is approved, then 补正材料通知 and 办件结果通知 open that case in the mini-program', async () => {
    // Arrange: the user allowed those two templates only (not progress)
    const { openid, caseNo: supplemented } = await fileCase('primary');
    const { caseNo: approved } = await fileCase('primary');
    await stack.sandbox.grantSubscribe(openid, TEMPLATE.MATERIALS_REQUIRED, 1);
    await stack.sandbox.grantSubscribe(openid, TEMPLATE.CASE_RESULT, 1);

    // Act
    await stack.sandbox.approvalAction(supplemented, 'accept');
    await stack.sandbox.approvalAction(supplemented, 'supplement', { bcnr: '请补充户口簿首页复印件' });
    for (const action of ['accept', 'review', 'approve']) await stack.sandbox.approvalAction(approved, action);
    const outbox = await eventually(
      () => stack.sandbox.subscribeOutbox(openid),
      (items) => items.length >= 2,
    );

    // Assert: delivered, so WeChat found each page in the published app (41030 otherwise)
    const byKey = new Map(outbox.map((item) => [item.templateKey, item]));
    expect(outbox).toHaveLength(2);
    expect(byKey.get('MATERIALS_REQUIRED')).toMatchObject({
      page: `packages/cases/pages/detail/index?caseNo=${supplemented}`,
      data: {
        character_string1: supplemented,
        thing3: '请补充户口簿首页复印件',
        date4: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
      },
    });
    expect(byKey.get('CASE_RESULT')).toMatchObject({
      page: `packages/cases/pages/detail/index?caseNo=${approved}`,
      data: { character_string1: approved, phrase3: '准予许可' },
    });
  });

  it('when a WeChat user who allowed the booking notices books and then cancels, then 预约成功通知 and 预约取消通知 reach them', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('elder');
    const { accessToken } = await loginByWechat(stack, person.openid);
    await verifyIdentity(stack, accessToken, person);
    await stack.sandbox.grantSubscribe(person.openid, TEMPLATE.BOOKING_CONFIRMED, 1);
    await stack.sandbox.grantSubscribe(person.openid, TEMPLATE.BOOKING_CANCELLED, 1);
    const halls = (await stack.api().get('/api/v1/halls').expect(200)).body as HallList;
    const hallId = halls.items[0]?.id ?? '';
    const business = halls.items[0]?.businesses[0]?.code ?? '';
    const slotsOn = async (date: string) =>
      (await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date }).expect(200)).body as SlotList;
    const day = (await slotsOn(beijingDate(stack.clock.now()))).bookableDates[1] ?? '';
    const slot = (await slotsOn(day)).items.find((candidate) => candidate.available);

    // Act
    const booked = (
      await stack
        .api()
        .post('/api/v1/appointments')
        .set(bearer(accessToken))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId, business, date: day, slotId: slot?.id, phone: person.phone })
        .expect(201)
    ).body as Appointment;
    await eventually(
      () => stack.sandbox.subscribeOutbox(person.openid),
      (items) => items.length >= 1,
    );
    await stack.api().post(`/api/v1/appointments/${booked.id}/cancel`).set(bearer(accessToken)).expect(200);
    const outbox = await eventually(
      () => stack.sandbox.subscribeOutbox(person.openid),
      (items) => items.length >= 2,
    );

    // Assert (newest first)
    const page = `packages/halls/pages/appointment/index?id=${booked.id}`;
    expect(outbox.map((item) => item.templateKey)).toEqual(['BOOKING_CANCELLED', 'BOOKING_CONFIRMED']);
    expect(outbox[1]).toMatchObject({
      page,
      data: {
        character_string1: booked.id,
        time3: expect.stringContaining(`${booked.from}~${booked.to}`),
        thing4: booked.hall.name.slice(0, 19),
      },
    });
    expect(outbox[0]).toMatchObject({ page, data: { character_string1: booked.id, thing4: '您已取消本次预约' } });
  });

  it('when the user did not accept the template, then nothing is sent and the webhook still succeeds', async () => {
    const { openid, caseNo } = await fileCase('young');

    await stack.sandbox.approvalAction(caseNo, 'accept');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await stack.sandbox.subscribeOutbox(openid)).toEqual([]);
    expect(stack.logs.join('\n')).toContain('"outcome":"refused"');
  });
});
