import { APPLICANT } from '../../testing/approval';
import {
  approvalCase,
  feedbackGet,
  feedbackPost,
  rated,
  ratingBody,
  requested,
  staffAction,
} from '../../testing/feedback';
import { newSandbox, TEST_GOV_APP_KEY } from '../../testing/fixtures';

describe('feedback system machinery', () => {
  it.each([
    ['get', '/feedback/v1/rdb'],
    ['get', `/feedback/v1/sq?sfzmhm=${APPLICANT.idNumber}`],
    ['post', '/feedback/v1/pj'],
    ['post', '/feedback/v1/sq'],
  ] as const)('when %s %s comes without the right X-App-Key, then HTTP 401 with 1001', async (method, path) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const missing = await agent[method](path).expect(401);
    const wrong = await agent[method](path).set('X-App-Key', 'not-the-key').expect(401);

    // Assert
    expect(missing.body).toEqual({ code: '1001', msg: '鉴权失败' });
    expect(wrong.body.code).toBe('1001');
  });

  it('when the system is set to fail, then it answers HTTP 500 with 9999; an unreadable body is 9001', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const broken = await agent
      .post('/feedback/v1/sq')
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .set('Content-Type', 'application/json')
      .send('{"wbbh": ');
    await agent.put('/sandbox/faults/feedback').send({ errorRate: 1 }).expect(200);
    const failing = await feedbackGet(agent, 'rdb');

    // Assert
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({ code: '9001', msg: '请求报文格式错误' });
    expect(failing.status).toBe(500);
    expect(failing.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
  });

  it('when the sandbox is reset, then ratings, 工单, finished cases and the board are back to the seed', async () => {
    // Arrange
    const agent = newSandbox();
    const seedBoard = (await feedbackGet(agent, 'rdb').expect(200)).body.data;
    const bjbh = await approvalCase(agent);
    await rated(agent, ratingBody(bjbh));
    const { sqbh } = await requested(agent);
    await staffAction(agent, sqbh, { action: 'answer' }).expect(200);
    await agent.put('/sandbox/feedback/hot-topics/RD0001').send({ zt: '2' }).expect(200);
    await agent
      .post('/sandbox/feedback/hot-topics')
      .send({ bt: '新热点', zy: '摘要内容', bm: '广州市公安局', rd: 10 })
      .expect(201);
    await agent.put('/sandbox/feedback/demo').send({ enabled: true, stepMs: 60_000 }).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);

    // Assert
    expect((await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber })).body.code).toBe('7005');
    expect((await feedbackPost(agent, 'pj', ratingBody(bjbh))).body.code).toBe('7003');
    expect((await feedbackGet(agent, 'sq', { sfzmhm: APPLICANT.idNumber })).body.data.list).toEqual([]);
    expect((await feedbackGet(agent, 'rdb').expect(200)).body.data).toEqual(seedBoard);
    expect((await agent.get('/sandbox/feedback/demo').expect(200)).body).toEqual({ enabled: false, stepMs: null });
  });
});
