import { randomUUID } from 'node:crypto';
import type {
  ApplicationDetail,
  ComplaintDetail,
  ComplaintList,
  HotTopicList,
  ItemGuideResponse,
  ItemListResponse,
  Rating,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, requiredMaterials, uploadMaterial, verifyIdentity } from '../support/auth-helpers';
import { fillForm, TINY_PNG } from '../support/forms';

type ErrorBody = { error: { code: string; message: string; fields?: Array<{ path: string }> } };

const GOOD = {
  level: 5,
  aspects: { efficiency: 5, guideAccuracy: 4, convenience: 5, usability: 4 },
  comment: '办得很快',
};
const BAD = {
  level: 1,
  aspects: { efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 2 },
  comment: '窗口说材料不全让我跑了两趟',
};

/** 好差评, the 12345 loop and the hot board against the sandbox feedback platform over HTTP. */
describe('feedback: rating finished cases, complaints through the loop, the hot board', () => {
  let stack: TestStack;
  let person: { name: string; idNumber: string; phone: string };
  let token: string;
  let itemCode: string;

  beforeAll(async () => {
    stack = await startTestStack();
    person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, person);
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    itemCode = found.items[0]?.code ?? '';
  });
  afterAll(() => stack.close());

  /** A case of mine, filed through the BFF as the mini-program does. */
  async function fileCase(): Promise<string> {
    const { item } = (await stack.api().get(`/api/v1/items/${itemCode}`).expect(200)).body as ItemGuideResponse;
    const res = await stack
      .api()
      .post('/api/v1/applications')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        itemCode,
        formVersion: item.form.version,
        data: fillForm(item.form, person),
        materials: await requiredMaterials(stack, token, itemCode),
      })
      .expect(201);
    return (res.body as ApplicationDetail).caseNo;
  }

  async function finish(caseNo: string): Promise<void> {
    await stack.sandbox.approvalAction(caseNo, 'accept');
    await stack.sandbox.approvalAction(caseNo, 'review');
    await stack.sandbox.approvalAction(caseNo, 'approve');
  }

  const rate = (caseNo: string, body: object, accessToken = token) =>
    stack.api().post(`/api/v1/applications/${caseNo}/rating`).set(bearer(accessToken)).send(body);

  it('when a case is not finished yet, then it cannot be rated (409 RATING_NOT_ALLOWED)', async () => {
    const caseNo = await fileCase();

    const res = await rate(caseNo, GOOD);

    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.code).toBe('RATING_NOT_ALLOWED');
  });

  it('when a finished case is rated, then the rating is kept once: the same again answers the same, another is 409', async () => {
    const caseNo = await fileCase();
    await finish(caseNo);

    const first = await rate(caseNo, GOOD);
    const retry = await rate(caseNo, GOOD);
    const second = await rate(caseNo, { ...GOOD, level: 3 });
    const read = await stack.api().get(`/api/v1/applications/${caseNo}/rating`).set(bearer(token));

    expect(first.status).toBe(201);
    expect(first.body as Rating).toMatchObject({ level: 5, levelText: '非常满意', bad: false, caseNo });
    expect((first.body as Rating).followUp).toBeUndefined();
    expect((retry.body as Rating).id).toBe((first.body as Rating).id);
    expect(second.status).toBe(409);
    expect((second.body as ErrorBody).error.code).toBe('ALREADY_RATED');
    expect((read.body as Rating).id).toBe((first.body as Rating).id);
  });

  it('when a bad review has no reason, then 400 asks for one; with one, it is followed up step by step', async () => {
    const caseNo = await fileCase();
    await finish(caseNo);

    const noReason = await rate(caseNo, { ...BAD, comment: '' });
    const rated = await rate(caseNo, BAD);

    expect(noReason.status).toBe(400);
    expect((noReason.body as ErrorBody).error.fields?.[0]?.path).toBe('comment');
    expect(rated.status).toBe(201);
    const rating = rated.body as Rating;
    expect(rating.bad).toBe(true);
    expect(rating.followUp).toMatchObject({ status: 'pending', steps: [] });
    expect(rating.followUp?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await stack.sandbox.followUpRating(rating.id, '核实', '经核实，窗口人员未一次性告知所需材料');
    await stack.sandbox.followUpRating(rating.id, '整改', '已对窗口人员开展一次性告知培训');
    await stack.sandbox.followUpRating(rating.id, '回访', '电话回访，群众表示认可');
    const after = (await stack.api().get(`/api/v1/applications/${caseNo}/rating`).set(bearer(token)).expect(200))
      .body as Rating;
    expect(after.followUp?.status).toBe('done');
    expect(after.followUp?.steps.map((s) => s.step)).toEqual(['verify', 'rectify', 'revisit']);
  });

  it("when someone else's case is rated or read, then 404 as if unknown", async () => {
    const caseNo = await fileCase();
    await finish(caseNo);
    const other = await stack.sandbox.citizen('secondary');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);

    const rated = await rate(caseNo, GOOD, otherToken);
    const read = await stack.api().get(`/api/v1/applications/${caseNo}/rating`).set(bearer(otherToken));

    expect(rated.status).toBe(404);
    expect(read.status).toBe(404);
  });

  it('when a complaint with a photo is filed, then it goes through 接 答 派 办 and can be rated once when handled', async () => {
    // Arrange
    const photo = await uploadMaterial(stack, token, TINY_PNG);
    const key = randomUUID();
    const body = {
      kind: 'complaint',
      category: 'window-service',
      title: '窗口排队时间过长',
      content: '周一上午在天河区政务服务中心办理身份证，排队超过两个小时，只开了一个窗口。',
      photos: [photo],
      phone: person.phone,
    };
    const send = () => stack.api().post('/api/v1/complaints').set(bearer(token)).set('Idempotency-Key', key).send(body);

    // Act
    const [filed, retried] = await Promise.all([send(), send()]);

    // Assert
    expect(filed.status).toBe(201);
    const complaint = filed.body as ComplaintDetail;
    expect((retried.body as ComplaintDetail).id).toBe(complaint.id);
    expect(complaint).toMatchObject({ stage: 'received', canRate: false, categoryText: '窗口服务' });
    const early = await stack
      .api()
      .post(`/api/v1/complaints/${complaint.id}/rating`)
      .set(bearer(token))
      .send({ level: 5, comment: '' });
    expect(early.status).toBe(409);

    await stack.sandbox.requestAction(complaint.id, 'answer', '您的诉求已收悉，正在联系相关部门');
    await stack.sandbox.requestAction(complaint.id, 'dispatch', '转天河分局处理', '广州市公安局天河区分局');
    await stack.sandbox.requestAction(complaint.id, 'handle', '已增开两个窗口并实行弹性排班');
    const handled = (await stack.api().get(`/api/v1/complaints/${complaint.id}`).set(bearer(token)).expect(200))
      .body as ComplaintDetail;
    expect(handled.stage).toBe('handled');
    expect(handled.canRate).toBe(true);
    expect(handled.steps.map((s) => s.stage)).toEqual(['received', 'answered', 'dispatched', 'handled']);
    // 已办结 overall, so 办 is done (not 进行中) and 评 is the citizen's to do.
    expect(handled.stageText).toBe('已办结');
    expect(handled.loop.map((s) => [s.stage, s.state, s.stateText])).toEqual([
      ['received', 'done', '已完成'],
      ['answered', 'done', '已完成'],
      ['dispatched', 'done', '已完成'],
      ['handled', 'done', '已完成'],
      ['rated', 'current', '待评价'],
    ]);

    const ratedOnce = await stack
      .api()
      .post(`/api/v1/complaints/${complaint.id}/rating`)
      .set(bearer(token))
      .send({ level: 4, comment: '处理及时' })
      .expect(200);
    const ratedTwice = await stack
      .api()
      .post(`/api/v1/complaints/${complaint.id}/rating`)
      .set(bearer(token))
      .send({ level: 1, comment: '' });
    expect((ratedOnce.body as ComplaintDetail).stage).toBe('rated');
    expect(ratedTwice.status).toBe(409);
    expect((ratedTwice.body as ErrorBody).error.code).toBe('COMPLAINT_STATE_CONFLICT');
    const mine = (await stack.api().get('/api/v1/complaints').set(bearer(token)).expect(200)).body as ComplaintList;
    expect(mine.items.filter((c) => c.id === complaint.id)).toHaveLength(1);
  });

  it("when someone else's photo or request is used, then it is refused as unknown, and nothing is filed", async () => {
    const other = await stack.sandbox.citizen('elder');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);
    const theirPhoto = await uploadMaterial(stack, otherToken, TINY_PNG);
    const theirs = (
      await stack
        .api()
        .post('/api/v1/complaints')
        .set(bearer(otherToken))
        .set('Idempotency-Key', randomUUID())
        .send({
          kind: 'suggestion',
          category: 'online-service',
          title: '希望增加夜间办理',
          content: '建议出入境大厅周末开放更长时间，方便上班族办理。',
          photos: [],
          phone: other.phone,
        })
        .expect(201)
    ).body as ComplaintDetail;

    const withTheirPhoto = await stack
      .api()
      .post('/api/v1/complaints')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        kind: 'complaint',
        category: 'other',
        title: '借用别人的照片',
        content: '这条诉求用了别人上传的照片，应被拒绝。',
        photos: [theirPhoto],
        phone: person.phone,
      });
    const readTheirs = await stack.api().get(`/api/v1/complaints/${theirs.id}`).set(bearer(token));

    // A photo reference in the body that is not mine reads as a stale upload (400), never as theirs.
    expect(withTheirPhoto.status).toBe(400);
    expect((withTheirPhoto.body as ErrorBody).error.code).toBe('MATERIAL_NOT_FOUND');
    expect(readTheirs.status).toBe(404);
    expect((readTheirs.body as ErrorBody).error.code).toBe('COMPLAINT_NOT_FOUND');
  });

  it('when the hot board is read, then the hottest listed topics come first, and a delisted one shows its resolution', async () => {
    const board = (await stack.api().get('/api/v1/hot-topics').expect(200)).body as HotTopicList;
    const open = board.items.filter((t) => t.status !== 'delisted');
    expect(board.items.length).toBeGreaterThanOrEqual(10);
    expect(open.map((t) => t.heat)).toEqual([...open.map((t) => t.heat)].sort((a, b) => b - a));

    const listed = board.items.find((t) => t.status === 'listed');
    await stack.sandbox.setHotTopic(listed?.id ?? '', '2', '已增开窗口并延长服务时间');
    await stack.sandbox.setHotTopic(listed?.id ?? '', '3', '已增开窗口并延长服务时间，排队时间降至 30 分钟内');
    stack.clock.advance(61_000); // past the minute the BFF keeps the board
    const delisted = (await stack.api().get('/api/v1/hot-topics').query({ status: 'delisted' }).expect(200))
      .body as HotTopicList;

    expect(delisted.items.every((t) => t.status === 'delisted')).toBe(true);
    expect(delisted.items.find((t) => t.id === listed?.id)?.resolution).toContain('30 分钟');
  });

  it('when the platform is down after the board was seen, then the last board is shown with the time it was loaded', async () => {
    // Arrange
    const seen = (await stack.api().get('/api/v1/hot-topics').query({ status: 'monitored' }).expect(200))
      .body as HotTopicList;
    await stack.sandbox.setFault('feedback', { down: true });
    stack.clock.advance(61_000); // past the minute the BFF keeps the board

    // Act
    const res = await stack.api().get('/api/v1/hot-topics').query({ status: 'monitored' });
    await stack.sandbox.clearFaults();

    // Assert
    expect(res.status).toBe(200);
    expect(res.body).toEqual(seen);
    expect(Date.parse((res.body as HotTopicList).updatedAt)).toBeLessThan(stack.clock.now().getTime() - 60_000);
  });
});
