import { randomUUID } from 'node:crypto';
import { maskName } from '@suijing/shared';
import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationSubmitRequest,
  Appointment,
  DataUseList,
  Draft,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  SlotList,
} from '@suijing/shared';
import { seedKin } from '@suijing/sandbox';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, findItem, loginBySms, uniquePhone, uploadMaterial, verifyIdentity } from '../support/auth-helpers';
import { msUntilWeekdayAt } from '../support/beijing-time';
import { hallBusinessDay } from '../support/halls';
import { fillForm, TINY_PNG } from '../support/forms';

type Person = { name: string; idNumber: string };
type ErrorBody = { error: { code: string; message: string } };
/** A case as the approval system records it, with the 当事人 when someone filed for another. */
type UpstreamCase = { bjbh: string; dsr?: { xm: string; sfzmhm: string; gx: string } };

/** The item the family E2E files for a child: 户籍证明 may be filed by family (onBehalf 'family'). */
const FAMILY_ITEM = '户籍证明（户籍信息证明）';

/**
 * 家人代办 against the sandbox identity, approval and hall systems over
 * HTTP: the applicant is the one acting, the 当事人 the family member, the
 * form's identity the member's; refusals where the guide or the member's age
 * does not allow it; authority ended mid-flow; the member's cases; a booking
 * for an elder with the green channel.
 */
describe('acting for a family member: filing, refusals, authority ended, member cases, booking', () => {
  let stack: TestStack;
  let primary: Person & { phone: string };
  let token: string;
  let son: Person;
  let sonId: string;
  let elder: Person & { phone: string };
  let elderId: string;
  /** The elder's own account (logged in and 实人 from the member-cases test on). */
  let elderToken: string;
  let familyItem: ItemGuide;

  const submit = (body: ApplicationSubmitRequest, accessToken = token, key = randomUUID()) =>
    stack.api().post('/api/v1/applications').set(bearer(accessToken)).set('Idempotency-Key', key).send(body);

  /** A complete application of an item for a person: every required field, every required material uploaded. */
  async function applicationFor(
    item: ItemGuide,
    person: Person,
    accessToken = token,
    memberId?: string,
  ): Promise<ApplicationSubmitRequest> {
    const materials = [];
    for (const material of item.materials.filter((m) => m.necessity === 'required')) {
      const materialId = await uploadMaterial(stack, accessToken, TINY_PNG);
      materials.push({ name: material.name, source: 'upload' as const, materialId });
    }
    const mode = item.deliveryModes.includes('electronic') ? 'electronic' : item.deliveryModes[0];
    return {
      itemCode: item.code,
      formVersion: item.form.version,
      data: fillForm(item.form, { ...person, phone: primary.phone }),
      materials,
      ...(mode && mode !== 'post' ? { delivery: { mode } } : {}),
      ...(memberId ? { memberId } : {}),
    };
  }

  /** The first guide among a search's results whose 代办 rule is the one asked for. */
  async function itemAllowing(queries: readonly string[], onBehalf: ItemGuide['onBehalf']): Promise<ItemGuide> {
    for (const q of queries) {
      const found = (await stack.api().get('/api/v1/items').query({ q }).expect(200)).body as ItemListResponse;
      for (const summary of found.items) {
        const { item } = (await stack.api().get(`/api/v1/items/${summary.code}`).expect(200)).body as ItemGuideResponse;
        if (item.onBehalf === onBehalf) return item;
      }
    }
    throw new Error(`no item with onBehalf ${onBehalf} for ${queries.join('/')}`);
  }

  beforeAll(async () => {
    stack = await startTestStack();
    // A weekday morning first (the halls are open), so the sessions made below do not expire when time moves.
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    primary = await stack.sandbox.citizen('primary');
    elder = await stack.sandbox.citizen('elder');
    son = seedKin('son');
    token = (await loginBySms(stack, uniquePhone())).accessToken;
    await verifyIdentity(stack, token, primary);
    familyItem = await findItem(stack, FAMILY_ITEM);

    // The son, proven by his 出生医学证明 naming primary as father.
    const child = await stack
      .api()
      .post('/api/v1/family/children')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ name: son.name, idNumber: son.idNumber, relation: 'son' })
      .expect(201);
    sonId = (child.body as { memberId: string }).memberId;

    // The elder father authorises it himself, by the code texted to the phone the register holds for him.
    const adult = await stack
      .api()
      .post('/api/v1/family/adults')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ name: elder.name, idNumber: elder.idNumber, relation: 'parent', method: 'sms' })
      .expect(201);
    elderId = (adult.body as { memberId: string }).memberId;
    const code = await stack.sandbox.latestSmsCode(elder.phone);
    const confirmed = await stack
      .api()
      .post(`/api/v1/family/members/${elderId}/confirm`)
      .set(bearer(token))
      .send({ code });
    expect(confirmed.status).toBeLessThan(300);
  });
  afterAll(() => stack.close());

  it('when I file 户籍证明 for my son, then I am the applicant, he is the 当事人, and the case says who acted', async () => {
    // Arrange
    expect(familyItem.onBehalf).toBe('family');
    const body = await applicationFor(familyItem, son, token, sonId);

    // Act
    const res = await submit(body);

    // Assert
    expect(res.status).toBe(201);
    const filed = res.body as ApplicationDetail;
    expect(filed.subject).toEqual({ nameMasked: maskName(son.name), relationText: '儿子' });
    expect(filed.actor).toEqual({ nameMasked: maskName(primary.name) });
    const submission = await stack.sandbox.approvalSubmission(filed.caseNo);
    expect(submission.sqr).toMatchObject({ xm: primary.name, sfzmhm: primary.idNumber });
    const upstream = (await stack.sandbox.approvalCases(primary.idNumber)) as UpstreamCase[];
    expect(upstream.find((c) => c.bjbh === filed.caseNo)?.dsr).toEqual({
      xm: son.name,
      sfzmhm: son.idNumber,
      gx: 'JHR',
    });
    const detail = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;
    expect(detail).toMatchObject({ subject: filed.subject, actor: filed.actor });
    const mine = (await stack.api().get('/api/v1/applications').set(bearer(token)).expect(200)).body as ApplicationList;
    expect(mine.items.find((c) => c.caseNo === filed.caseNo)).toMatchObject({ subject: filed.subject });
    expect(JSON.stringify(detail)).not.toContain(son.idNumber);
  });

  it('when the form names someone else than the member, then 400 FORM_IDENTITY_MISMATCH and nothing is filed', async () => {
    // Arrange: my own name in the 当事人's name field.
    const body = await applicationFor(familyItem, son, token, sonId);
    const nameField = familyItem.form.sections.flatMap((s) => s.fields).find((f) => f.identity === 'name');
    body.data[nameField?.key ?? 'xm'] = primary.name;
    const before = (await stack.sandbox.approvalCases(primary.idNumber)).length;

    // Act
    const res = await submit(body);

    // Assert
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error.code).toBe('FORM_IDENTITY_MISMATCH');
    expect(JSON.stringify(res.body)).toContain('来自所代办家人的登记信息');
    expect((await stack.sandbox.approvalCases(primary.idNumber)).length).toBe(before);
  });

  it('when the item must be filed by the person (onBehalf none), then 403 ON_BEHALF_NOT_ALLOWED and nothing is filed', async () => {
    // Arrange
    const own = await itemAllowing(['居民身份证有效期满换领', '驾驶证'], 'none');
    const body = await applicationFor(own, son, token, sonId);
    const before = (await stack.sandbox.approvalCases(primary.idNumber)).length;

    // Act
    const res = await submit(body);
    const draft = await stack
      .api()
      .put(`/api/v1/drafts/${own.code}`)
      .query({ memberId: sonId })
      .set(bearer(token))
      .send({ data: {}, formVersion: own.form.version });

    // Assert
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error.code).toBe('ON_BEHALF_NOT_ALLOWED');
    expect((await stack.sandbox.approvalCases(primary.idNumber)).length).toBe(before);
    expect(draft.status).toBe(403);
  });

  it('when an item is for minors only and the member is an adult, then 403 ON_BEHALF_NOT_ALLOWED says only minors', async () => {
    // Arrange
    const minorsOnly = await itemAllowing(['普通护照', '往来港澳通行证', '居民身份证'], 'minors');

    // Act
    const res = await submit({
      itemCode: minorsOnly.code,
      formVersion: minorsOnly.form.version,
      data: {},
      materials: [],
      memberId: elderId,
    });

    // Assert
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error).toMatchObject({ code: 'ON_BEHALF_NOT_ALLOWED' });
    expect((res.body as ErrorBody).error.message).toContain('未成年人');
  });

  it("when I read my son's cases, then the case I filed for him is there with who acted; the elder's own case too", async () => {
    // Arrange: the elder files for himself from his own account.
    elderToken = (await loginBySms(stack, uniquePhone())).accessToken;
    await verifyIdentity(stack, elderToken, elder);
    const own = (await submit(await applicationFor(familyItem, elder, elderToken), elderToken).expect(201))
      .body as ApplicationDetail;

    // Act
    const sons = await stack.api().get(`/api/v1/family/members/${sonId}/cases`).set(bearer(token));
    const elders = await stack.api().get(`/api/v1/family/members/${elderId}/cases`).set(bearer(token));

    // Assert
    expect(sons.status).toBe(200);
    const sonCases = sons.body as ApplicationList;
    expect(sonCases.items.length).toBeGreaterThan(0);
    expect(sonCases.items.every((c) => c.subject?.nameMasked === maskName(son.name))).toBe(true);
    expect(sonCases.items[0]?.actor).toEqual({ nameMasked: maskName(primary.name) });
    const elderCases = elders.body as ApplicationList;
    expect(elderCases.items.map((c) => c.caseNo)).toEqual([own.caseNo]);
    expect(elderCases.items[0]).not.toHaveProperty('actor');
  });

  it('when I file for my elder father, then his own 我的办件 shows the case with who acted, but withdrawing and supplementing stay with me', async () => {
    // Arrange: filed by me, for him (an adult: as an authorised relative), onto his own account's list.
    const filed = (await submit(await applicationFor(familyItem, elder, token, elderId)).expect(201))
      .body as ApplicationDetail;
    const acting = {
      subject: { nameMasked: maskName(elder.name), relationText: '父母' },
      actor: { nameMasked: maskName(primary.name) },
    };

    // Act
    const list = await stack.api().get('/api/v1/applications').set(bearer(elderToken));
    const detail = await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(elderToken));
    const withdraw = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/withdraw`)
      .set(bearer(elderToken))
      .send({ reason: '不需要了' });
    const supplement = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/supplements`)
      .set(bearer(elderToken))
      .send({ explanation: '补充材料', materials: [] });
    const mine = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;

    // Assert: listed beside his own case, marked with who acted
    expect(list.status).toBe(200);
    const items = (list.body as ApplicationList).items;
    expect(items.find((c) => c.caseNo === filed.caseNo)).toMatchObject(acting);
    expect(items.filter((c) => !c.actor).length).toBeGreaterThan(0);
    // Assert: he follows it (fresh from the approval system, which answers the 当事人), not acts on it
    expect(detail.status).toBe(200);
    expect(detail.body as ApplicationDetail).toMatchObject({
      caseNo: filed.caseNo,
      ...acting,
      canWithdraw: false,
      canSupplement: false,
    });
    expect(JSON.stringify(detail.body)).not.toContain(elder.idNumber);
    for (const refused of [withdraw, supplement]) {
      expect(refused.status).toBe(403);
      expect((refused.body as ErrorBody).error.code).toBe('CASE_FILED_BY_FAMILY');
    }
    expect(mine).toMatchObject({ status: 'submitted', canWithdraw: true });
  });

  it('when I book a hall visit for my elder father, then he is the person, I the agent, and the 60+ green channel applies', async () => {
    // Arrange: the next open day's slots (the world is on a weekday morning).
    const { hallId, business, day } = await hallBusinessDay(stack, { hall: 0, day: 1 });
    const slots = (await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: day }).expect(200))
      .body as SlotList;

    // Act
    const res = await stack
      .api()
      .post('/api/v1/appointments')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ hallId, business, date: day, slotId: slots.items[3]?.id, memberId: elderId });

    // Assert
    expect(res.status).toBe(201);
    const booked = res.body as Appointment;
    expect(booked).toMatchObject({ greenChannel: true, forSomeoneElse: true, personName: maskName(elder.name) });
    const usage = (await stack.api().get('/api/v1/me/data-usage').set(bearer(elderToken)).expect(200))
      .body as DataUseList;
    const acts = usage.items.filter((entry) => entry.account.includes(maskName(primary.name)));
    expect(acts.map((entry) => entry.what)).toEqual(
      expect.arrayContaining([expect.stringContaining('代为预约'), '查看了您的办件记录']),
    );
    const both = await stack
      .api()
      .post('/api/v1/appointments')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        hallId,
        business,
        date: day,
        slotId: slots.items[4]?.id,
        memberId: elderId,
        for: { name: elder.name, idNumber: elder.idNumber, phone: elder.phone, relation: '父母', consent: true },
      });
    expect(both.status).toBe(400);
  });

  it('when the son is removed mid-flow, then his draft survives but submitting answers 403 FAMILY_AUTHORITY_ENDED and files nothing', async () => {
    // Arrange: a draft for him, then the authority ends.
    const body = await applicationFor(familyItem, son, token, sonId);
    await stack
      .api()
      .put(`/api/v1/drafts/${familyItem.code}`)
      .query({ memberId: sonId })
      .set(bearer(token))
      .send({ data: body.data, formVersion: body.formVersion })
      .expect(200);
    await stack.api().delete(`/api/v1/family/members/${sonId}`).set(bearer(token)).expect(204);
    const before = (await stack.sandbox.approvalCases(primary.idNumber)).length;

    // Act
    const res = await submit(body);
    const cases = await stack.api().get(`/api/v1/family/members/${sonId}/cases`).set(bearer(token));

    // Assert
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error.code).toBe('FAMILY_AUTHORITY_ENDED');
    expect((await stack.sandbox.approvalCases(primary.idNumber)).length).toBe(before);
    const draft = (
      await stack
        .api()
        .get(`/api/v1/drafts/${familyItem.code}`)
        .query({ memberId: sonId })
        .set(bearer(token))
        .expect(200)
    ).body as Draft;
    expect(draft.memberId).toBe(sonId);
    expect(cases.status).toBe(403);
  });
});
