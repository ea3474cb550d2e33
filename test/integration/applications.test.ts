import { randomUUID } from 'node:crypto';
import { maskName, maskPhone, toCompactDate } from '@suijing/shared';
import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationSubmitRequest,
  ItemGuide,
  ItemGuideResponse,
  ItemListResponse,
  LicenceList,
  MessageList,
  UploadedMaterial,
} from '@suijing/shared';
import { workCalendar } from '@suijing/sandbox';
import { postApprovalEvent } from '../support/approval-webhook';
import { startTestStack, type TestStack } from '../support/stack';
import {
  bearer,
  loginBySms,
  passInPerson,
  uniquePhone,
  verifyIdentity,
  verifiedStranger,
} from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { eventually } from '../support/eventually';

/** Online applications against the sandbox identity and approval systems over HTTP. */
describe('applications: real-name gate, forms, materials, idempotent submission, cases, webhook, messages', () => {
  let stack: TestStack;
  let guide: ItemGuide;
  let person: { name: string; idNumber: string; phone: string };
  let token: string;
  const phone = uniquePhone();

  beforeAll(async () => {
    stack = await startTestStack();
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    const code = found.items[0]?.code ?? '';
    guide = ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item;
    person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack, phone)).accessToken;
    await verifyIdentity(stack, token, person);
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const upload = (accessToken: string, bytes: Buffer, filename: string) =>
    stack.api().post('/api/v1/materials').set(bearer(accessToken)).attach('file', bytes, filename);

  /** A complete, valid application: every required field, every required material uploaded. */
  async function application(accessToken = token): Promise<ApplicationSubmitRequest> {
    const materials = [];
    for (const material of guide.materials.filter((m) => m.necessity === 'required')) {
      const uploaded = (await upload(accessToken, TINY_PNG, 'photo.png').expect(201)).body as UploadedMaterial;
      materials.push({ name: material.name, source: 'upload' as const, materialId: uploaded.materialId });
    }
    return { itemCode: guide.code, formVersion: guide.form.version, data: fillForm(guide.form, person), materials };
  }

  const submit = (body: ApplicationSubmitRequest, key: string = randomUUID(), accessToken = token) =>
    stack.api().post('/api/v1/applications').set(bearer(accessToken)).set('Idempotency-Key', key).send(body);

  it('when an unverified user applies or uploads, then 403 ASSURANCE_REQUIRED (L2) leads them to 实名', async () => {
    const { accessToken } = await loginBySms(stack);

    const applied = await submit(
      { itemCode: guide.code, formVersion: guide.form.version, data: {}, materials: [] },
      randomUUID(),
      accessToken,
    );
    const uploaded = await upload(accessToken, TINY_PNG, 'a.png');

    for (const res of [applied, uploaded]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'ASSURANCE_REQUIRED', required: { level: 'L2' } });
    }
  });

  it('when a verified user submits a complete application, then a case number comes back and the draft is gone', async () => {
    // Arrange
    const body = await application();
    await stack
      .api()
      .put(`/api/v1/drafts/${guide.code}`)
      .set(bearer(token))
      .send({ data: body.data, formVersion: body.formVersion })
      .expect(200);

    // Act
    const res = await submit(body);

    // Assert
    expect(res.status).toBe(201);
    const detail = res.body as ApplicationDetail;
    expect(detail.caseNo).toMatch(/^\d{8}4401\d{10}$/);
    expect(detail).toMatchObject({ status: 'submitted', statusText: '已提交', canWithdraw: true });
    expect(detail.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(detail.timeline.length).toBeGreaterThan(0);
    expect((await stack.api().get(`/api/v1/drafts/${guide.code}`).set(bearer(token))).status).toBe(404);
  });

  it('when 50 requests with one Idempotency-Key race, then exactly one case exists and all get its number', async () => {
    // Arrange
    const body = await application();
    const key = randomUUID();
    const before = (await stack.sandbox.approvalCases(person.idNumber)).length;

    // Act
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(body, key)));

    // Assert
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => (a.body as ApplicationDetail).caseNo)).size).toBe(1);
    expect((await stack.sandbox.approvalCases(person.idNumber)).length).toBe(before + 1);
  });

  it('when a key is reused for a different application, then 422; without a key, 400', async () => {
    const body = await application();
    const key = randomUUID();
    await submit(body, key).expect(201);

    const changed = await submit({ ...body, data: { ...body.data }, formVersion: `${body.formVersion}-x` }, key);
    const noKey = await stack.api().post('/api/v1/applications').set(bearer(token)).send(body);

    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });

  it('when the form breaks its rules or a required material is missing, then 400 names what to fix', async () => {
    // Arrange
    const body = await application();
    // The applicant's identity fields are filled by the BFF: a field the citizen fills.
    const [firstRequired] = guide.form.sections.flatMap((s) => s.fields).filter((f) => f.required && !f.identity);
    if (!firstRequired) throw new Error('no required field');
    const { [firstRequired.key]: _dropped, ...incomplete } = body.data;

    // Act
    const missingField = await submit({ ...body, data: incomplete });
    const missingMaterial = await submit({ ...body, materials: [] });

    // Assert
    expect(missingField.status).toBe(400);
    expect(missingField.body.error.fields.map((f: { path: string }) => f.path)).toContain(firstRequired.key);
    expect(missingMaterial.status).toBe(400);
    expect(missingMaterial.body.error.code).toBe('MATERIAL_REQUIRED');
  });

  it("when a material is on file as an e-licence, then it stands in for the upload; someone else's licence id does not", async () => {
    // Arrange
    const { items } = (await stack.api().get('/api/v1/licences').set(bearer(token)).expect(200)).body as LicenceList;
    const licence = items.find((l) => l.usable);
    if (!licence) throw new Error('no usable licence on file');
    const body = await application();

    // Act
    const withLicence = await submit({
      ...body,
      materials: [...body.materials, { name: licence.name, source: 'elicence', licenceId: licence.licenceId }],
    });
    const forged = await submit({
      ...body,
      materials: [...body.materials, { name: licence.name, source: 'elicence', licenceId: 'not-mine-0001' }],
    });

    // Assert
    expect(items.every((l) => !l.numberMasked.includes(person.idNumber))).toBe(true);
    expect(withLicence.status).toBe(201);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('MATERIAL_NOT_FOUND');
  });

  it('when a forged file is uploaded (an exe renamed .jpg), then it is refused by its content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

    const res = await upload(token, exe, 'photo.jpg');

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MATERIAL_REJECTED');
  });

  it("when someone asks for another user's case number, then 404 as if it did not exist", async () => {
    const mine = (await submit(await application()).expect(201)).body as ApplicationDetail;
    const other = await verifiedStranger(stack);

    const res = await stack.api().get(`/api/v1/applications/${mine.caseNo}`).set(bearer(other.accessToken));

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('when the approval system is down during submit, then 503, no case, the draft intact; the retry files one case', async () => {
    // Arrange
    const body = await application();
    await stack
      .api()
      .put(`/api/v1/drafts/${guide.code}`)
      .set(bearer(token))
      .send({ data: body.data, formVersion: body.formVersion })
      .expect(200);
    const key = randomUUID();
    const before = (await stack.sandbox.approvalCases(person.idNumber)).length;
    await stack.sandbox.setFault('approval', { down: true });

    // Act
    const failed = await submit(body, key);
    const draft = await stack.api().get(`/api/v1/drafts/${guide.code}`).set(bearer(token));
    const casesWhileDown = (await stack.sandbox.approvalCases(person.idNumber)).length;
    await stack.sandbox.clearFaults();
    const retried = await eventually(
      () => submit(body, key),
      (res) => res.status === 201,
      15_000,
    );

    // Assert
    expect(failed.status).toBe(503);
    expect(failed.body.error.message).toContain('审批系统');
    expect(draft.status).toBe(200);
    expect(casesWhileDown).toBe(before);
    expect(retried.status).toBe(201);
    expect((await stack.sandbox.approvalCases(person.idNumber)).length).toBe(before + 1);
  });

  it('when staff move a case along, then the webhook updates my case, its timeline and my messages, once each', async () => {
    // Arrange
    const url = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;

    // Act
    await stack.sandbox.approvalAction(filed.caseNo, 'accept');
    await stack.sandbox.approvalAction(filed.caseNo, 'supplement', { bcnr: '请补充清晰的本人近期免冠照片' });
    const list = await eventually(
      async () =>
        (await stack.api().get('/api/v1/applications').query({ status: 'supplement' }).set(bearer(token)).expect(200))
          .body as ApplicationList,
      (l) => l.items.some((item) => item.caseNo === filed.caseNo),
    );
    const messages = await eventually(
      async () => (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200)).body as MessageList,
      (m) => m.items.filter((item) => item.caseNo === filed.caseNo).length >= 3,
    );
    const detail = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;

    // Assert
    expect(list.items.map((item) => item.caseNo)).toContain(filed.caseNo);
    const inProgress = (
      await stack
        .api()
        .get('/api/v1/applications')
        .query({ status: 'accepted,reviewing,supplement' })
        .set(bearer(token))
        .expect(200)
    ).body as ApplicationList;
    expect(inProgress.items.every((item) => ['accepted', 'reviewing', 'supplement'].includes(item.status))).toBe(true);
    expect(inProgress.items.map((item) => item.caseNo)).toContain(filed.caseNo);
    const badStatus = await stack
      .api()
      .get('/api/v1/applications')
      .query({ status: 'done,nonsense' })
      .set(bearer(token));
    expect(badStatus.status).toBe(400);
    expect(detail).toMatchObject({ status: 'supplement', canSupplement: true });
    expect(detail.supplementRequest).toContain('照片');
    expect(detail.timeline.map((t) => t.statusText)).toEqual(['已提交', '已受理', '待补正']);
    const mine = messages.items.filter((item) => item.caseNo === filed.caseNo);
    expect(mine.map((m) => m.title)).toEqual(expect.arrayContaining([expect.stringContaining('待补正')]));
    expect(new Set(mine.map((m) => m.id)).size).toBe(mine.length);
    expect(messages.unread).toBeGreaterThanOrEqual(3);
  });

  it('when I answer a supplement request and staff approve, then the timeline shows each step and withdrawal is refused', async () => {
    // Arrange: a case waiting for a supplement
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;
    await stack.sandbox.approvalAction(filed.caseNo, 'accept');
    await stack.sandbox.approvalAction(filed.caseNo, 'supplement', { bcnr: '请补充户口簿首页' });
    await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200);
    const photo = (await upload(token, TINY_PNG, 'hukou.png').expect(201)).body as UploadedMaterial;

    // Act
    const answered = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/supplements`)
      .set(bearer(token))
      .send({
        explanation: '已补充户口簿首页',
        materials: [{ name: '居民户口簿', source: 'upload', materialId: photo.materialId }],
      });
    await stack.sandbox.approvalAction(filed.caseNo, 'approve', { yj: '材料齐全，准予办理' });
    const approved = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;
    const withdraw = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/withdraw`)
      .set(bearer(token))
      .send({ reason: '不想办了' });

    // Assert
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('reviewing');
    expect(approved.status).toBe('approved');
    expect(approved.timeline.map((t) => t.statusText)).toEqual(['已提交', '已受理', '待补正', '审核中', '准予许可']);
    expect(approved.canWithdraw).toBe(false);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('CASE_STATE_CONFLICT');
  });

  it('when I withdraw a case still in progress, then it is withdrawn; supplementing it now is a conflict', async () => {
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;

    const withdrawn = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/withdraw`)
      .set(bearer(token))
      .send({ reason: '信息填写有误，重新申请' });
    const supplement = await stack
      .api()
      .post(`/api/v1/applications/${filed.caseNo}/supplements`)
      .set(bearer(token))
      .send({ explanation: '补充', materials: [] });

    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', statusText: '已撤回', canWithdraw: false });
    expect(supplement.status).toBe(409);
  });

  it('when someone looks a case up without logging in, then the right last six ID digits give its status only', async () => {
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;
    const lookup = (caseNo: string, idLast6: string, address = '203.0.113.7') =>
      stack.api().post('/api/v1/progress/lookup').set('X-Forwarded-For', address).send({ caseNo, idLast6 });

    const right = await lookup(filed.caseNo, person.idNumber.slice(-6));
    const wrong = await lookup(filed.caseNo, '000000');
    const unknown = await lookup('2026010144010000000000', person.idNumber.slice(-6));

    expect(right.status).toBe(200);
    expect(right.body).toEqual({
      caseNo: filed.caseNo,
      itemName: filed.itemName,
      status: 'submitted',
      statusText: '已提交',
      updatedAt: expect.any(String),
      promisedDate: filed.promisedDate,
    });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    const guesses = [];
    for (let i = 0; i < 5; i += 1)
      guesses.push((await lookup(filed.caseNo, '11111' + i, `198.51.100.${i + 1}`)).status);
    expect(guesses.at(-1)).toBe(429);
  });

  it('when an event is delivered twice or an older one arrives late, then one message and the newest view stay', async () => {
    // Arrange: a case in review, and the event of its acceptance as the approval system would sign it
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;
    await stack.sandbox.approvalAction(filed.caseNo, 'accept');
    const accepted = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;
    await stack.sandbox.approvalAction(filed.caseNo, 'review');
    await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200);
    const cases = await stack.sandbox.approvalCases(person.idNumber);
    const record = cases.find((c) => c.bjbh === filed.caseNo) as unknown as { lcjl: unknown[] } & Record<
      string,
      unknown
    >;
    const olderRecord = { ...record, zt: '02', lcjl: record.lcjl.slice(0, accepted.timeline.length), dqhj: '审核' };
    const event = {
      sjbh: `late-${randomUUID()}`,
      sjsj: '20260101120000',
      bjbh: filed.caseNo,
      sfzmhm: person.idNumber,
      zt: '02',
      hjmc: '受理',
      bj: olderRecord,
    };
    const send = () => postApprovalEvent(stack, JSON.stringify(event));

    // Act
    const first = await send();
    const again = await send();
    const list = (await stack.api().get('/api/v1/applications').set(bearer(token)).expect(200)).body as ApplicationList;
    const messages = (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200)).body as MessageList;

    // Assert
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(list.items.find((item) => item.caseNo === filed.caseNo)?.status).toBe('reviewing');
    expect(messages.items.filter((m) => m.id === `approval_${event.sjbh}`)).toHaveLength(1);
  });

  it('when the webhook is called with a bad signature or an old timestamp, then 401 and nothing changes', async () => {
    const body = JSON.stringify({ sjbh: 'forged' });
    const now = Math.floor(Date.now() / 1000);

    const unsigned = await stack
      .api()
      .post('/api/v1/hooks/approval')
      .set('content-type', 'application/json')
      .set('x-approval-timestamp', String(now))
      .set('x-approval-signature', 'f'.repeat(64))
      .send(body);
    const old = await stack
      .api()
      .post('/api/v1/hooks/approval')
      .set('content-type', 'application/json')
      .set('x-approval-timestamp', String(now - 3600))
      .set('x-approval-signature', 'f'.repeat(64))
      .send(body);

    expect(unsigned.status).toBe(401);
    expect(unsigned.body.error.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(old.status).toBe(401);
  });

  it("when a message is marked read, then the unread count drops; someone else's message is 404", async () => {
    const { items, unread } = (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200))
      .body as MessageList;
    const first = items.find((m) => !m.read);
    if (!first) throw new Error('no unread message');
    const other = await loginBySms(stack);

    await stack.api().post(`/api/v1/messages/${first.id}/read`).set(bearer(token)).expect(200);
    const theirs = await stack.api().post(`/api/v1/messages/${first.id}/read`).set(bearer(other.accessToken));
    const after = (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200)).body as MessageList;

    expect(after.unread).toBe(unread - 1);
    expect(theirs.status).toBe(404);
  });
  it('when staff approve with the standard opinion, then the message and the timeline say 准予许可 once', async () => {
    // Arrange
    const url = await stack.listen();
    await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;

    // Act: the console's approve writes its default opinion, 准予许可
    for (const action of ['accept', 'review', 'approve']) await stack.sandbox.approvalAction(filed.caseNo, action);
    const messages = await eventually(
      async () => (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200)).body as MessageList,
      (m) => m.items.some((item) => item.caseNo === filed.caseNo && item.title.endsWith('准予许可')),
    );
    const detail = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;

    // Assert
    const approved = messages.items.find((m) => m.caseNo === filed.caseNo && m.title.endsWith('准予许可'));
    expect(approved?.body).toBe(`您的办件 ${filed.caseNo} 准予许可`);
    expect(detail.timeline.at(-1)).toMatchObject({ step: '办结', statusText: '准予许可' });
    expect(detail.timeline.at(-1)?.comment).toBeUndefined();
  });

  describe('无犯罪记录证明: the result as 电子证明 or by post, as the guide offers', () => {
    /** 无犯罪记录证明开具（本人申请）: 电子证明, 邮寄 or 窗口领取. */
    const NO_CRIME = '1144010000750226542000414000001';
    const ADDRESS = { province: '广东省', city: '广州市', district: '天河区', detail: '天河路100号201房' };
    let noCrime: ItemGuide;

    beforeAll(async () => {
      noCrime = ((await stack.api().get(`/api/v1/items/${NO_CRIME}`).expect(200)).body as ItemGuideResponse).item;
      // The item asks 实人 (L3) of the session that files it.
      await passInPerson(stack, token);
      const url = await stack.listen();
      await stack.sandbox.setApprovalWebhook(`${url}/api/v1/hooks/approval`);
    });

    async function noCrimeApplication(): Promise<ApplicationSubmitRequest> {
      const materials = [];
      for (const material of noCrime.materials.filter((m) => m.necessity === 'required')) {
        const uploaded = (await upload(token, TINY_PNG, 'photo.png').expect(201)).body as UploadedMaterial;
        materials.push({ name: material.name, source: 'upload' as const, materialId: uploaded.materialId });
      }
      return { itemCode: NO_CRIME, formVersion: noCrime.form.version, data: fillForm(noCrime.form, person), materials };
    }

    async function delivered(caseNo: string): Promise<{ detail: ApplicationDetail; body: string }> {
      for (const action of ['accept', 'review', 'approve', 'deliver'])
        await stack.sandbox.approvalAction(caseNo, action);
      const messages = await eventually(
        async () => (await stack.api().get('/api/v1/messages').set(bearer(token)).expect(200)).body as MessageList,
        (m) => m.items.some((item) => item.caseNo === caseNo && item.title.endsWith('已送达')),
      );
      const detail = (await stack.api().get(`/api/v1/applications/${caseNo}`).set(bearer(token)).expect(200))
        .body as ApplicationDetail;
      const body = messages.items.find((m) => m.caseNo === caseNo && m.title.endsWith('已送达'))?.body ?? '';
      return { detail, body };
    }

    it('when its guide is read, then it offers 电子证明, 邮寄 and 窗口领取', () => {
      expect(noCrime.deliveryModes).toEqual(['electronic', 'post', 'window']);
      expect(guide.deliveryModes).toEqual([]);
    });

    it('when the 电子证明 is chosen, then the case ends with the certificate to view, and no word of EMS', async () => {
      // Arrange
      const body = { ...(await noCrimeApplication()), delivery: { mode: 'electronic' as const } };

      // Act
      const filed = (await submit(body).expect(201)).body as ApplicationDetail;
      const done = await delivered(filed.caseNo);

      // Assert
      expect(filed.delivery).toEqual({ mode: 'electronic', modeText: '电子证明' });
      expect(done.detail.status).toBe('delivered');
      expect(done.detail.certificate).toMatchObject({
        name: '无犯罪记录证明',
        number: expect.stringMatching(/^GZ\d{18}$/),
        verificationCode: expect.stringMatching(/^[A-Z0-9]{8}$/),
      });
      expect(done.detail.trackingNo).toBeUndefined();
      expect(done.body).toContain('电子证明');
      expect(done.body).not.toMatch(/EMS|寄/);
    });

    it('when 邮寄 is chosen, then the address goes to the case with my verified name and phone, and shows only masked', async () => {
      // Arrange
      const body = { ...(await noCrimeApplication()), delivery: { mode: 'post' as const, address: ADDRESS } };

      // Act
      const filed = (await submit(body).expect(201)).body as ApplicationDetail;
      const stored = (await stack.sandbox.approvalCases(person.idNumber)).find((c) => c.bjbh === filed.caseNo);
      const done = await delivered(filed.caseNo);
      const list = (await stack.api().get('/api/v1/applications').set(bearer(token)).expect(200)).body;

      // Assert
      expect(stored).toMatchObject({
        sdxx: {
          sdfs: '2',
          sjr: person.name,
          lxdh: phone,
          sf: '广东省',
          cs: '广州市',
          qx: '天河区',
          xxdz: ADDRESS.detail,
        },
      });
      expect(filed.delivery).toEqual({
        mode: 'post',
        modeText: '邮寄',
        recipient: maskName(person.name),
        phone: maskPhone(phone),
        address: '广东省广州市天河区****',
      });
      expect(done.body).toMatch(/^证件已通过EMS寄往广东省广州市天河区，快递单号11\d{11}$/);
      expect(done.detail.trackingNo).toMatch(/^11\d{11}$/);
      for (const shown of [
        JSON.stringify(filed),
        JSON.stringify(done.detail),
        JSON.stringify(list),
        stack.logs.join('\n'),
      ]) {
        expect(shown).not.toContain('天河路100号');
      }
    });

    it('when no way of delivery, one the item lacks, or 邮寄 without an address is sent, then 400 names the field', async () => {
      // Arrange
      const body = await noCrimeApplication();

      // Act
      const none = await submit(body);
      const postWithoutAddress = await submit({ ...body, delivery: { mode: 'post' } });
      const notOffered = await submit({ ...(await application()), delivery: { mode: 'electronic' } });

      // Assert
      const paths = (res: { body: { error: { fields?: Array<{ path: string }> } } }) =>
        (res.body.error.fields ?? []).map((f) => f.path);
      expect(none.status).toBe(400);
      expect(paths(none)).toEqual(['delivery.mode']);
      expect(postWithoutAddress.status).toBe(400);
      expect(paths(postWithoutAddress)).toEqual(['delivery.address']);
      expect(notOffered.status).toBe(400);
      expect(paths(notOffered)).toEqual(['delivery']);
    });
  });

  // Moves the clocks on by days: last, as the file's other sessions do not outlive it.
  it('when a 补正 keeps the case waiting, then the promised date stops and moves on by the working days waited', async () => {
    // Arrange: a case waiting for my 补正
    const filed = (await submit(await application()).expect(201)).body as ApplicationDetail;
    await stack.sandbox.approvalAction(filed.caseNo, 'accept');
    await stack.sandbox.approvalAction(filed.caseNo, 'supplement', { bcnr: '请补充户口簿首页' });
    const waiting = (await stack.api().get(`/api/v1/applications/${filed.caseNo}`).set(bearer(token)).expect(200))
      .body as ApplicationDetail;

    // Act: ten days later (working days among them whatever the holidays), I answer
    await stack.advanceTime(10 * 24 * 3_600_000);
    const later = (await loginBySms(stack, phone)).accessToken;
    const answered = (
      await stack
        .api()
        .post(`/api/v1/applications/${filed.caseNo}/supplements`)
        .set(bearer(later))
        .send({ explanation: '已补充户口簿首页', materials: [] })
        .expect(200)
    ).body as ApplicationDetail;

    // Assert
    expect(waiting.status).toBe('supplement');
    expect(waiting.clockPausedSince).toBeDefined();
    expect(waiting.promisedDate).toBe(filed.promisedDate);
    const compact = (iso: string) => toCompactDate(new Date(iso));
    const askedOn = compact(waiting.timeline.at(-1)?.at ?? '');
    const answeredOn = compact(answered.timeline.at(-1)?.at ?? '');
    const calendar = workCalendar();
    const waited = calendar.workingDaysBetween(askedOn, answeredOn);
    const promised = calendar.addWorkingDays(filed.promisedDate.replaceAll('-', ''), waited);
    expect(waited).toBeGreaterThan(0);
    expect(answered.extendedWorkingDays).toBe(waited);
    expect(answered.promisedDate).toBe(`${promised.slice(0, 4)}-${promised.slice(4, 6)}-${promised.slice(6)}`);
    expect(answered.clockPausedSince).toBeUndefined();
  });
});
