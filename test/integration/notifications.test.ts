import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, ItemGuide, ItemGuideResponse, ItemListResponse } from '@suijing/shared';
import { CASE_PROGRESS_TEMPLATE, startTestStack, type TestStack } from '../support/stack';
import { bearer, loginByWechat, uploadMaterial, verifyIdentity } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';
import { eventually } from '../support/eventually';

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

  it('when the user did not accept the template, then nothing is sent and the webhook still succeeds', async () => {
    const { openid, caseNo } = await fileCase('young');

    await stack.sandbox.approvalAction(caseNo, 'accept');
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await stack.sandbox.subscribeOutbox(openid)).toEqual([]);
    expect(stack.logs.join('\n')).toContain('"outcome":"refused"');
  });
});
