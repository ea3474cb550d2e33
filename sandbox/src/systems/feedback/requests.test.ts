import { APPLICANT, OTHER_PERSON } from '../../testing/approval';
import { feedbackGet, feedbackPost, requestBody, requested, staffAction } from '../../testing/feedback';
import { newSandbox } from '../../testing/fixtures';
import type { RequestRecord } from './records';

describe('12345 诉求: POST /feedback/v1/sq', () => {
  it('when a complaint is submitted, then a 工单 is opened at 接 with everything sent', async () => {
    // Arrange
    const agent = newSandbox();
    const body = requestBody({ bjbh: '2026010144010123456789' });

    // Act
    const res = await feedbackPost(agent, 'sq', body).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const record = res.body.data as RequestRecord;
    expect(record).toMatchObject({
      sqbh: expect.stringMatching(/^GZ12345\d{8}\d{6}$/),
      wbbh: body.wbbh,
      lx: 'ts',
      lb: 'exit-entry',
      lbmc: '出入境管理',
      bt: body.bt,
      nr: body.nr,
      tp: body.tp,
      sfzmhm: APPLICANT.idNumber,
      xm: APPLICANT.name,
      sjhm: APPLICANT.phone,
      bjbh: '2026010144010123456789',
      zt: '1',
    });
    expect(record.sqbh.slice(7, 15)).toBe(record.cjsj.slice(0, 8));
    expect(record.lc).toEqual([{ hj: '接', sj: record.cjsj, bm: '广州12345政务服务便民热线', nr: '已受理您的诉求' }]);
    expect(record.pj).toBeUndefined();
  });

  it('when the same wbbh is submitted again, then the same 工单 comes back and no second one is opened', async () => {
    // Arrange
    const agent = newSandbox();
    const body = requestBody();
    const first = await requested(agent, body);

    // Act
    const again = await feedbackPost(agent, 'sq', body).expect(200);
    const stolen = await feedbackPost(agent, 'sq', { ...body, sfzmhm: OTHER_PERSON.idNumber }).expect(200);

    // Assert
    expect(again.body.data).toEqual(first);
    expect(stolen.body.code).toBe('4000');
    const list = await feedbackGet(agent, 'sq', { sfzmhm: APPLICANT.idNumber }).expect(200);
    expect(list.body.data.list).toHaveLength(1);
  });

  it('when the list is asked, then it has the person’s own 工单 only, newest first, as summaries', async () => {
    // Arrange
    const agent = newSandbox();
    const older = await requested(agent, { lx: 'jy', lb: 'traffic', bt: '建议增设电动车停放点' });
    const newer = await requested(agent);
    await requested(agent, { sfzmhm: OTHER_PERSON.idNumber, xm: OTHER_PERSON.name });

    // Act
    const res = await feedbackGet(agent, 'sq', { sfzmhm: APPLICANT.idNumber }).expect(200);

    // Assert
    expect(res.body.data.list.map((item: { sqbh: string }) => item.sqbh)).toEqual([newer.sqbh, older.sqbh]);
    expect(res.body.data.list[1]).toEqual({
      sqbh: older.sqbh,
      lx: 'jy',
      lb: 'traffic',
      lbmc: '交通管理',
      bt: '建议增设电动车停放点',
      zt: '1',
      cjsj: older.cjsj,
      gxsj: older.gxsj,
    });
  });

  it('when someone else’s or an unknown 工单 is read, then 7101', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await requested(agent);

    // Act
    const other = await feedbackGet(agent, `sq/${record.sqbh}`, { sfzmhm: OTHER_PERSON.idNumber }).expect(200);
    const unknown = await feedbackGet(agent, 'sq/GZ1234520260101000000', { sfzmhm: APPLICANT.idNumber }).expect(200);

    // Assert
    expect(other.body).toEqual({ code: '7101', msg: '诉求不存在' });
    expect(unknown.body.code).toBe('7101');
  });

  it.each([
    ['an unknown kind', { lx: 'zx' }, 'lx'],
    ['an unknown category', { lb: 'fire' }, 'lb'],
    ['a blank title', { bt: '  ' }, 'bt'],
    ['a bad phone', { sjhm: '12345' }, 'sjhm'],
    ['too many photos', { tp: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'tp'],
    ['a bad case number', { bjbh: '123' }, 'bjbh'],
  ])('when the request has %s, then 4000 naming the parameter', async (_case, overrides, named) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await feedbackPost(agent, 'sq', requestBody(overrides)).expect(200);

    // Assert
    expect(res.body.code).toBe('4000');
    expect(res.body.msg).toContain(named);
  });
});

describe('12345 loop: 接 → 答 → 派 → 办 → 评', () => {
  it('when the console answers, dispatches and handles, then the citizen can rate once and it ends at 评', async () => {
    // Arrange
    const agent = newSandbox();
    const { sqbh } = await requested(agent);
    const rate = (myd: string) =>
      feedbackPost(agent, `sq/${sqbh}/pj`, { sfzmhm: APPLICANT.idNumber, myd, pjnr: '处理及时' }).expect(200);

    // Act
    await staffAction(agent, sqbh, { action: 'answer', nr: '已告知办理时限' }).expect(200);
    const dispatched = await staffAction(agent, sqbh, { action: 'dispatch', bm: '广州市公安局天河区分局' }).expect(200);
    const tooEarly = await rate('4');
    const handled = await staffAction(agent, sqbh, { action: 'handle', nr: '已增开周六窗口并电话告知' }).expect(200);
    const rating = await rate('4');
    const again = await rate('5');

    // Assert
    expect(dispatched.body).toMatchObject({ zt: '3', cbbm: '广州市公安局天河区分局' });
    expect(tooEarly.body).toEqual({ code: '7102', msg: '诉求尚未办结或已评价' });
    expect(handled.body.zt).toBe('4');
    expect(rating.body.code).toBe('0000');
    expect(again.body.code).toBe('7102');
    const detail = await feedbackGet(agent, `sq/${sqbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);
    const record = detail.body.data as RequestRecord;
    expect(record.zt).toBe('5');
    expect(record.pj).toEqual({ myd: '4', pjnr: '处理及时', pjsj: expect.stringMatching(/^\d{14}$/) });
    expect(record.lc.map((step) => [step.hj, step.bm])).toEqual([
      ['接', '广州12345政务服务便民热线'],
      ['答', '广州12345政务服务便民热线'],
      ['派', '广州市公安局天河区分局'],
      ['办', '广州市公安局天河区分局'],
      ['评', '诉求人'],
    ]);
    expect(record.lc[1]?.nr).toBe('已告知办理时限');
    expect(record.lc[2]?.nr).toBe('已转派广州市公安局天河区分局办理');
    expect(record.lc[3]?.nr).toBe('已增开周六窗口并电话告知');
    expect(record.lc[4]?.nr).toBe('诉求人评价：满意。处理及时');
    expect(record.gxsj).toBe(record.lc[4]?.sj);
  });

  it('when dispatched without a department, then it goes to the category’s usual one', async () => {
    // Arrange
    const agent = newSandbox();
    const { sqbh } = await requested(agent, { lb: 'household' });
    await staffAction(agent, sqbh, { action: 'answer' }).expect(200);

    // Act
    const res = await staffAction(agent, sqbh, { action: 'dispatch' }).expect(200);

    // Assert
    expect(res.body.cbbm).toBe('广州市公安局人口管理支队');
  });

  it('when the console acts out of order, then 409 names the stage; unknown 工单 404, unknown action 400', async () => {
    // Arrange
    const agent = newSandbox();
    const { sqbh } = await requested(agent);

    // Act
    const dispatchFirst = await staffAction(agent, sqbh, { action: 'dispatch' }).expect(409);
    await staffAction(agent, sqbh, { action: 'answer' }).expect(200);
    const handleSecond = await staffAction(agent, sqbh, { action: 'handle' }).expect(409);

    // Assert
    expect(dispatchFirst.body.error.message).toContain('it is at 1 接');
    expect(handleSecond.body.error.message).toContain('needs 3 派');
    await staffAction(agent, 'GZ1234520260101000000', { action: 'answer' }).expect(404);
    await staffAction(agent, sqbh, { action: 'close' }).expect(400);
  });

  it('when someone else rates the 工单, then 7101', async () => {
    // Arrange
    const agent = newSandbox();
    const { sqbh } = await requested(agent);
    for (const action of ['answer', 'dispatch', 'handle']) await staffAction(agent, sqbh, { action }).expect(200);

    // Act
    const res = await feedbackPost(agent, `sq/${sqbh}/pj`, { sfzmhm: OTHER_PERSON.idNumber, myd: '1' }).expect(200);

    // Assert
    expect(res.body.code).toBe('7101');
  });

  it('when demo mode is on, then open 工单 move along by themselves to 办 and wait there; off stops it', async () => {
    // Arrange
    const agent = newSandbox();
    const { sqbh } = await requested(agent);
    const stage = async (): Promise<string> =>
      ((await feedbackGet(agent, `sq/${sqbh}`, { sfzmhm: APPLICANT.idNumber })).body.data as RequestRecord).zt;

    // Act
    await agent
      .put('/sandbox/feedback/demo')
      .send({ enabled: true, stepMs: 100 })
      .expect(200, { enabled: true, stepMs: 100 });
    let reached = '1';
    const deadline = Date.now() + 3000;
    while (reached !== '4' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      reached = await stage();
    }
    // A few more ticks: a handled 工单 waits for the citizen's 评.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const off = await agent.put('/sandbox/feedback/demo').send({ enabled: false }).expect(200);

    // Assert
    expect(reached).toBe('4');
    expect(await stage()).toBe('4');
    expect(off.body).toEqual({ enabled: false, stepMs: null });
    await agent.put('/sandbox/feedback/demo').send({ enabled: true, stepMs: 5 }).expect(400);
  });
});
