import type { Draft, DraftList, ItemGuideResponse, ItemListResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms } from '../support/auth-helpers';

/** Drafts: saved as the citizen types, resumed on another device, only their own. */
describe('drafts', () => {
  let stack: TestStack;
  let code: string;
  let textField: string;
  let formVersion: string;
  beforeAll(async () => {
    stack = await startTestStack();
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    code = found.items[0]?.code ?? '';
    const guide = (await stack.api().get(`/api/v1/items/${code}`).expect(200)).body as ItemGuideResponse;
    const fields = guide.item.form.sections.flatMap((s) => s.fields);
    // Identity fields are not the citizen's to type (and a draft keeps none): an ordinary field.
    const text = fields.find(
      (f) => !f.identity && (f.type === 'text' || f.type === 'textarea' || f.type === 'address'),
    );
    if (!text) throw new Error('the form has no text field');
    textField = text.key;
    formVersion = guide.item.form.version;
  });
  afterAll(() => stack.close());

  const save = (token: string, data: Record<string, unknown>, itemCode = code) =>
    stack.api().put(`/api/v1/drafts/${itemCode}`).set(bearer(token)).send({ data, formVersion });

  it('when a draft is saved on one device, then another device of the same user resumes it', async () => {
    // Arrange
    const phone = `139${String(Date.now()).slice(-8)}`;
    const first = await loginBySms(stack, phone);
    await stack.advanceTime(61_000); // one SMS code per phone per minute
    const second = await loginBySms(stack, phone);

    // Act
    const saved = (await save(first.accessToken, { [textField]: '广州市天河区天河路1号' }).expect(200)).body as Draft;
    const resumed = (await stack.api().get(`/api/v1/drafts/${code}`).set(bearer(second.accessToken)).expect(200))
      .body as Draft;
    const list = (await stack.api().get('/api/v1/drafts').set(bearer(second.accessToken)).expect(200))
      .body as DraftList;

    // Assert
    expect(resumed).toEqual(saved);
    expect(resumed.data[textField]).toBe('广州市天河区天河路1号');
    expect(resumed.revision).toBe(1);
    expect(list.drafts.map((d) => d.itemCode)).toEqual([code]);
  });

  it('when several devices save a new draft at the same moment, then every save succeeds and one draft remains', async () => {
    // Arrange: the first save of a draft inserts it; simultaneous first saves race for that insert.
    const { accessToken } = await loginBySms(stack);

    // Act
    const saves = await Promise.all(
      Array.from({ length: 8 }, (_, n) => save(accessToken, { [textField]: `广州市天河区天河路${n + 1}号` })),
    );
    const list = (await stack.api().get('/api/v1/drafts').set(bearer(accessToken)).expect(200)).body as DraftList;

    // Assert
    expect(saves.map((res) => res.status)).toEqual(Array.from({ length: 8 }, () => 200));
    expect(list.drafts).toHaveLength(1);
  });

  it('when saved again, then the revision grows and the latest data wins', async () => {
    const { accessToken } = await loginBySms(stack);

    await save(accessToken, { [textField]: '广州市越秀区北京路1号' }).expect(200);
    const again = (await save(accessToken, { [textField]: '广州市天河区天河路2号' }).expect(200)).body as Draft;

    expect(again.revision).toBe(2);
    expect(again.data[textField]).toBe('广州市天河区天河路2号');
  });

  it('when a value breaks its rule or a key is not in the form, then 400 names the field and nothing is saved', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);

    // Act
    const unknown = await save(accessToken, { notAField: 'x' });
    const tooLong = await save(accessToken, { [textField]: '字'.repeat(600) });
    const wrongType = await save(accessToken, { [textField]: 42 });
    const missing = await stack.api().get(`/api/v1/drafts/${code}`).set(bearer(accessToken));

    // Assert
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'notAField', message: expect.any(String) }]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0].path).toBe(textField);
    expect(wrongType.status).toBe(400);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('DRAFT_NOT_FOUND');
  });

  it('when a draft is deleted, even twice, then it is gone', async () => {
    const { accessToken } = await loginBySms(stack);
    await save(accessToken, { [textField]: '广州市海珠区新港路3号' }).expect(200);

    await stack.api().delete(`/api/v1/drafts/${code}`).set(bearer(accessToken)).expect(204);
    await stack.api().delete(`/api/v1/drafts/${code}`).set(bearer(accessToken)).expect(204);

    expect((await stack.api().get(`/api/v1/drafts/${code}`).set(bearer(accessToken))).status).toBe(404);
  });

  it("when another user asks for the same item's draft, then they get their own (none), never someone else's", async () => {
    const owner = await loginBySms(stack);
    const other = await loginBySms(stack);
    await save(owner.accessToken, { [textField]: '广州市荔湾区中山路4号' }).expect(200);

    const theirs = await stack.api().get(`/api/v1/drafts/${code}`).set(bearer(other.accessToken));
    const list = await stack.api().get('/api/v1/drafts').set(bearer(other.accessToken)).expect(200);

    expect(theirs.status).toBe(404);
    expect(list.body.drafts).toEqual([]);
  });

  it('when not logged in, or the item is unknown, then 401 or 404', async () => {
    const { accessToken } = await loginBySms(stack);

    const anonymous = await stack.api().put(`/api/v1/drafts/${code}`).send({ data: {}, formVersion });
    const unknown = await save(accessToken, {}, '1144010000750208200000000000000');

    expect(anonymous.status).toBe(401);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ITEM_NOT_FOUND');
  });
});
