import { randomUUID } from 'node:crypto';
import type { PackageApplication, PackageDetailResponse, PackageForm, PackageListResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, uploadMaterial, verifyIdentity, verifiedStranger } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';

/** 一件事: one combined form, one case per member item, failed members retried alone and never twice. */
describe('package applications', () => {
  let stack: TestStack;
  let token: string;
  let person: { name: string; idNumber: string; phone: string };
  let packageCode: string;
  let form: PackageForm;

  beforeAll(async () => {
    stack = await startTestStack();
    const { packages } = (await stack.api().get('/api/v1/packages').expect(200)).body as PackageListResponse;
    for (const candidate of packages) {
      const detail = (await stack.api().get(`/api/v1/packages/${candidate.code}`).expect(200))
        .body as PackageDetailResponse;
      if (detail.package.members.filter((m) => m.police).length >= 2) {
        packageCode = candidate.code;
        break;
      }
    }
    form = (await stack.api().get(`/api/v1/packages/${packageCode}/form`).expect(200)).body as PackageForm;
    person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, person);
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  async function body() {
    const materials = [];
    for (const material of form.materials.filter((m) => m.required)) {
      const materialId = await uploadMaterial(stack, token, TINY_PNG);
      materials.push({ name: material.name, source: 'upload' as const, materialId });
    }
    return { data: fillForm(form.form, person), materials };
  }

  const submit = (payload: object, key: string) =>
    stack
      .api()
      .post(`/api/v1/packages/${packageCode}/applications`)
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send(payload);

  it('when the combined form is read, then every field is asked once and the online members are named', () => {
    const keys = form.form.sections.flatMap((s) => s.fields.map((f) => f.key));

    expect(new Set(keys).size).toBe(keys.length);
    expect(form.members.filter((m) => m.online).length).toBeGreaterThanOrEqual(2);
  });

  it('when a package is applied for, then each online member item gets its own case with its department', async () => {
    const res = await submit(await body(), randomUUID());

    expect(res.status).toBe(201);
    const application = res.body as PackageApplication;
    expect(application.complete).toBe(true);
    expect(application.members.every((m) => m.status === 'submitted' && /^\d{8}4401\d{10}$/.test(m.caseNo ?? ''))).toBe(
      true,
    );
    expect(new Set(application.members.map((m) => m.caseNo)).size).toBe(application.members.length);
    const fetched = await stack
      .api()
      .get(`/api/v1/package-applications/${application.packageCaseNo}`)
      .set(bearer(token));
    expect(fetched.body).toEqual(application);
  });

  it('when departments fail on and off, then retries file only what failed and no member twice', async () => {
    // Arrange
    const payload = await body();
    const key = randomUUID();
    const before = (await stack.sandbox.approvalCases(person.idNumber)).length;
    await stack.sandbox.setFault('approval', { errorRate: 0.6 });

    // Act: submit (all may fail: 503, the key is released), then retry until every member is filed
    let application: PackageApplication | undefined;
    for (let attempt = 0; attempt < 20 && !application?.complete; attempt += 1) {
      if (!application) {
        const res = await submit(payload, key);
        if (res.status === 201) application = res.body as PackageApplication;
      } else {
        application = (
          await stack.api().post(`/api/v1/package-applications/${application.packageCaseNo}/retry`).set(bearer(token))
        ).body as PackageApplication;
      }
    }
    await stack.sandbox.clearFaults();
    while (!application?.complete) {
      application = application
        ? ((
            await stack.api().post(`/api/v1/package-applications/${application.packageCaseNo}/retry`).set(bearer(token))
          ).body as PackageApplication)
        : ((await submit(payload, key)).body as PackageApplication);
    }

    // Assert
    const after = (await stack.sandbox.approvalCases(person.idNumber)).length;
    expect(after - before).toBe(application.members.length);
  });

  it('when the form breaks a member item’s rules, then 400 names the field; someone else’s package case is 404', async () => {
    const payload = await body();
    const [firstKey] = Object.keys(payload.data);
    const other = await verifiedStranger(stack);
    const filed = (await submit(payload, randomUUID()).expect(201)).body as PackageApplication;

    const broken = await submit(
      { ...payload, data: { ...payload.data, [firstKey as string]: ['a', 'b'] } },
      randomUUID(),
    );
    const theirs = await stack
      .api()
      .get(`/api/v1/package-applications/${filed.packageCaseNo}`)
      .set(bearer(other.accessToken));

    expect(broken.status).toBe(400);
    expect(broken.body.error.fields.map((f: { path: string }) => f.path)).toContain(firstKey);
    expect(theirs.status).toBe(404);
  });
});
