import { randomUUID } from 'node:crypto';
import {
  ASSURANCE,
  birthDateOfIdNumber,
  sexOfIdNumber,
  type ApplicationDetail,
  type ApplicationSubmitRequest,
  type ItemGuide,
  type ItemGuideResponse,
  type ItemListResponse,
  type PackageForm,
  type PackageListResponse,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, passInPerson, uniquePhone, uploadMaterial, verifyRealName } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';

/**
 * The applicant of a case is the verified person: the identity fields of a
 * form come from the record (someone else's are refused, nothing is filed),
 * and an item is filed only at the level its guide asks (L2 实名 or L3 实人).
 */
describe('form identity and item assurance', () => {
  let stack: TestStack;
  let person: { name: string; idNumber: string; phone: string };
  let someoneElse: { name: string; idNumber: string; phone: string };
  let token: string;
  /** The phone the account logged in with: the applicant's phone. */
  let accountPhone: string;
  /** 禁毒教育基地参观预约（个人）: 实名 is enough. */
  let l2Item: ItemGuide;
  /** 居民身份证有效期满换领: issues a certificate, 实人 needed. */
  let l3Item: ItemGuide;

  beforeAll(async () => {
    stack = await startTestStack();
    l2Item = await itemNamed('禁毒教育基地参观预约（个人）', '禁毒教育基地参观预约');
    l3Item = await itemNamed('居民身份证有效期满换领', '居民身份证有效期满换领');
    person = await stack.sandbox.citizen('primary');
    someoneElse = await stack.sandbox.citizen('secondary');
    accountPhone = uniquePhone();
    token = (await loginBySms(stack, accountPhone)).accessToken;
    await verifyRealName(stack, token, person);
  });
  afterAll(() => stack.close());

  /** The guide of the item with this exact name, found the way a citizen searches. */
  async function itemNamed(name: string, query: string): Promise<ItemGuide> {
    const found = (await stack.api().get('/api/v1/items').query({ q: query, pageSize: 50 }).expect(200))
      .body as ItemListResponse;
    const code = found.items.find((item) => item.name === name)?.code;
    if (!code) throw new Error(`no item named ${name}`);
    return ((await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse).item;
  }

  const keyOf = (item: ItemGuide, kind: string): string => {
    const field = item.form.sections.flatMap((s) => s.fields).find((f) => f.identity === kind);
    if (!field) throw new Error(`${item.name} has no ${kind} identity field`);
    return field.key;
  };

  async function application(item: ItemGuide): Promise<ApplicationSubmitRequest> {
    const materials = [];
    for (const material of item.materials.filter((m) => m.necessity === 'required')) {
      materials.push({
        name: material.name,
        source: 'upload' as const,
        materialId: await uploadMaterial(stack, token, TINY_PNG),
      });
    }
    return { itemCode: item.code, formVersion: item.form.version, data: fillForm(item.form, person), materials };
  }

  const submit = (body: ApplicationSubmitRequest, key: string = randomUUID()) =>
    stack.api().post('/api/v1/applications').set(bearer(token)).set('Idempotency-Key', key).send(body);

  it("when a verified user sends another person's ID number as the applicant's, then 400 FORM_IDENTITY_MISMATCH and nothing is filed", async () => {
    // Arrange
    const body = await application(l2Item);
    body.data[keyOf(l2Item, 'idNumber')] = someoneElse.idNumber;
    body.data[keyOf(l2Item, 'name')] = someoneElse.name;
    const before = await stack.sandbox.requestsTo('approval');

    // Act
    const res = await submit(body);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FORM_IDENTITY_MISMATCH');
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      [keyOf(l2Item, 'idNumber'), keyOf(l2Item, 'name')].sort(),
    );
    expect(await stack.sandbox.requestsTo('approval')).toBe(before);
    expect(await stack.sandbox.approvalCases(someoneElse.idNumber)).toEqual([]);
  });

  it('when nothing is sent for the identity fields of an L2 item, then it is filed at L2 with the verified identity', async () => {
    // Arrange
    const body = await application(l2Item);

    // Act
    const res = await submit(body);

    // Assert
    expect(l2Item.assurance).toBe('L2');
    expect(res.status).toBe(201);
    const filed = await stack.sandbox.approvalSubmission((res.body as ApplicationDetail).caseNo);
    expect(filed.sqr).toEqual({ xm: person.name, sfzmhm: person.idNumber, sjhm: accountPhone });
    expect(filed.bdsj).toMatchObject({
      [keyOf(l2Item, 'name')]: person.name,
      [keyOf(l2Item, 'idNumber')]: person.idNumber,
      [keyOf(l2Item, 'phone')]: accountPhone,
    });
  });

  it('when the masked values the form showed are sent back, then they are accepted and the proven ones filed', async () => {
    // Arrange
    const identity = (await stack.api().get('/api/v1/identity').set(bearer(token)).expect(200)).body as {
      nameMasked: string;
      idNumberMasked: string;
    };
    const body = await application(l2Item);
    body.data[keyOf(l2Item, 'name')] = identity.nameMasked;
    body.data[keyOf(l2Item, 'idNumber')] = identity.idNumberMasked;

    // Act
    const res = await submit(body);

    // Assert
    expect(res.status).toBe(201);
    const filed = await stack.sandbox.approvalSubmission((res.body as ApplicationDetail).caseNo);
    expect(filed.bdsj[keyOf(l2Item, 'idNumber')]).toBe(person.idNumber);
  });

  it('when an L3 item is filed after 实名 only, then 403 ASSURANCE_REQUIRED asks for L3 until the in-person check', async () => {
    // Arrange
    const body = await application(l3Item);
    const key = randomUUID();

    // Act
    const refused = await submit(body, key);
    await passInPerson(stack, token);
    const filed = await submit(body, key);

    // Assert
    expect(l3Item.assurance).toBe('L3');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ASSURANCE_REQUIRED');
    expect(refused.body.error.required).toEqual(ASSURANCE.inPerson);
    expect(filed.status).toBe(201);
    const stored = await stack.sandbox.approvalSubmission((filed.body as ApplicationDetail).caseNo);
    expect(stored.sqr.sfzmhm).toBe(person.idNumber);
    expect(stored.bdsj[keyOf(l3Item, 'birthDate')]).toBe(birthDateOfIdNumber(person.idNumber));
    expect(stored.bdsj[keyOf(l3Item, 'sex')]).toBe(sexOfIdNumber(person.idNumber) === '男' ? '1' : '2');
  });

  it("when a package carries another person's ID number as the applicant's, then 400 and no member is filed", async () => {
    // Arrange: the session passed its in-person check in the test before.
    const { packages } = (await stack.api().get('/api/v1/packages').expect(200)).body as PackageListResponse;
    let code = '';
    let form: PackageForm | undefined;
    for (const candidate of packages) {
      form = (await stack.api().get(`/api/v1/packages/${candidate.code}/form`).expect(200)).body as PackageForm;
      code = candidate.code;
      if (form.members.some((m) => m.online)) break;
    }
    if (!form) throw new Error('no package with an online member');
    const idField = form.form.sections.flatMap((s) => s.fields).find((f) => f.identity === 'idNumber');
    if (!idField) throw new Error('the package form has no applicant ID number');
    const data = { ...fillForm(form.form, person), [idField.key]: someoneElse.idNumber };
    const before = await stack.sandbox.requestsTo('approval');

    // Act
    const res = await stack
      .api()
      .post(`/api/v1/packages/${code}/applications`)
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ data, materials: [] });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('FORM_IDENTITY_MISMATCH');
    expect(await stack.sandbox.requestsTo('approval')).toBe(before);
  });
});
