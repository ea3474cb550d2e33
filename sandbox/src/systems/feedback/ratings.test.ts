import { APPLICANT, OTHER_PERSON } from '../../testing/approval';
import { approvalCase, feedbackGet, feedbackPost, followUpStep, rated, ratingBody } from '../../testing/feedback';
import { newSandbox } from '../../testing/fixtures';
import type { Rating } from './records';

describe('好差评: POST /feedback/v1/pj', () => {
  it('when a finished case is rated by its applicant, then the rating comes back and can be read again', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent, 'approve');

    // Act
    const res = await feedbackPost(agent, 'pj', ratingBody(bjbh)).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const rating = res.body.data as Rating;
    expect(rating).toEqual({
      pjbh: expect.stringMatching(/^PJ\d{18}$/),
      bjbh,
      pjdj: '5',
      fx: { bsxl: '5', znjqd: '4', bjd: '5', ptczx: '4' },
      pjnr: '办理很快，窗口服务热情',
      pjsj: expect.stringMatching(/^\d{14}$/),
      cpbj: '0',
    });
    const read = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);
    expect(read.body).toEqual({ code: '0000', msg: '成功', data: rating });
  });

  it('when a rejected (06) case is rated, then it counts as finished too', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent, 'reject');

    // Act
    const res = await feedbackPost(agent, 'pj', ratingBody(bjbh, { pjdj: '3', pjnr: '' })).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    expect(res.body.data.cpbj).toBe('0');
  });

  it('when the case is still open or unknown, then 7003', async () => {
    // Arrange
    const agent = newSandbox();
    const open = await approvalCase(agent, 'open');

    // Act
    const openRes = await feedbackPost(agent, 'pj', ratingBody(open)).expect(200);
    const unknownRes = await feedbackPost(agent, 'pj', ratingBody('2026010144010000000000')).expect(200);

    // Assert
    expect(openRes.body).toEqual({ code: '7003', msg: '办件未办结，暂不能评价' });
    expect(unknownRes.body.code).toBe('7003');
  });

  it('when the same case is rated again under a new wbbh, then 7001; the same wbbh again answers the same rating', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);
    const first = ratingBody(bjbh);
    const rating = await rated(agent, first);

    // Act
    const replay = await feedbackPost(agent, 'pj', first).expect(200);
    const second = await feedbackPost(agent, 'pj', ratingBody(bjbh, { pjdj: '1', pjnr: '再评一次试试看' })).expect(200);

    // Assert
    expect(replay.body).toEqual({ code: '0000', msg: '成功', data: rating });
    expect(second.body).toEqual({ code: '7001', msg: '该办件已评价' });
    const read = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);
    expect(read.body.data.pjdj).toBe('5');
  });

  it('when someone else rates or reads the case, then 7004 and 7005', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);
    await rated(agent, ratingBody(bjbh));

    // Act
    const rate = await feedbackPost(agent, 'pj', ratingBody(bjbh, { sfzmhm: OTHER_PERSON.idNumber })).expect(200);
    const read = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: OTHER_PERSON.idNumber }).expect(200);

    // Assert
    expect(rate.body).toEqual({ code: '7004', msg: '非本人办件' });
    expect(read.body).toEqual({ code: '7005', msg: '暂无评价' });
  });

  it('when a case has no rating yet, then reading it answers 7005', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);

    // Act
    const res = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '7005', msg: '暂无评价' });
  });

  it('when a bad review comes without at least 5 characters of reason, then 7002 and nothing is recorded', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);

    // Act
    const blank = await feedbackPost(agent, 'pj', ratingBody(bjbh, { pjdj: '2', pjnr: '' })).expect(200);
    const short = await feedbackPost(agent, 'pj', ratingBody(bjbh, { pjdj: '1', pjnr: '太慢了 ' })).expect(200);

    // Assert
    expect(blank.body).toEqual({ code: '7002', msg: '差评须填写评价内容' });
    expect(short.body.code).toBe('7002');
    expect((await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber })).body.code).toBe('7005');
  });

  it.each([
    ['pjdj out of range', { pjdj: '6' }, 'pjdj'],
    ['a number instead of a string', { pjdj: 5 }, 'pjdj'],
    ['a missing sub-score', { fx: { bsxl: '5', znjqd: '5', bjd: '5' } }, 'fx.ptczx'],
    ['a bad bjbh', { bjbh: 'ABC' }, 'bjbh'],
    ['a bad sfzmhm', { sfzmhm: '440100' }, 'sfzmhm'],
    ['no wbbh', { wbbh: '' }, 'wbbh'],
  ])('when the request has %s, then 4000 naming the parameter', async (_case, overrides, named) => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);

    // Act
    const res = await feedbackPost(agent, 'pj', ratingBody(bjbh, overrides)).expect(200);

    // Assert
    expect(res.body.code).toBe('4000');
    expect(res.body.msg).toContain(named);
  });
});

describe('差评 follow-up (整改)', () => {
  it('when a bad review is given, then a follow-up is due 15 working days later, statutory holidays excluded', async () => {
    // Arrange: Tuesday 2026-09-22; 中秋 (25-27 Sep) and 国庆 (1-7 Oct) off, Saturday 10 Oct worked.
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-09-22T10:00:00+08:00' }).expect(200);
    const bjbh = await approvalCase(agent);

    // Act
    const rating = await rated(agent, ratingBody(bjbh, { pjdj: '2', pjnr: '窗口人员态度冷淡，材料被退回两次' }));

    // Assert
    expect(rating.cpbj).toBe('1');
    expect(rating.pjsj.startsWith('20260922')).toBe(true);
    expect(rating.zgzt).toEqual({ zt: '1', qx: '20261020', lc: [] });
  });

  it('when the department follows up in order, then 核实 and 整改 leave it 整改中 and 回访 closes it', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);
    const { pjbh } = await rated(agent, ratingBody(bjbh, { pjdj: '1', pjnr: '等了很久都没有人处理' }));

    // Act
    const verified = await followUpStep(agent, pjbh, { hj: '核实', nr: '已联系评价人核实，情况属实' }).expect(200);
    const rectified = await followUpStep(agent, pjbh, {
      hj: '整改',
      nr: '已约谈窗口负责人',
      bm: '广州市公安局天河区分局',
    }).expect(200);
    const revisited = await followUpStep(agent, pjbh, { hj: '回访', nr: '已电话回访，评价人表示认可' }).expect(200);

    // Assert
    expect(verified.body.zgzt.zt).toBe('2');
    expect(rectified.body.zgzt.zt).toBe('2');
    expect(revisited.body.zgzt.zt).toBe('3');
    const read = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);
    const steps = (read.body.data as Rating).zgzt?.lc ?? [];
    expect(steps.map((step) => step.hj)).toEqual(['核实', '整改', '回访']);
    expect(steps[0]?.bm).toBe('广州市公安局出入境管理支队');
    expect(steps[1]?.bm).toBe('广州市公安局天河区分局');
    expect(steps.every((step) => /^\d{14}$/.test(step.sj))).toBe(true);
  });

  it('when a step comes out of order or after 回访, then 409 and nothing changes', async () => {
    // Arrange
    const agent = newSandbox();
    const bjbh = await approvalCase(agent);
    const { pjbh } = await rated(agent, ratingBody(bjbh, { pjdj: '2', pjnr: '办理进度查询不到' }));

    // Act
    const early = await followUpStep(agent, pjbh, { hj: '回访', nr: '提前回访' }).expect(409);
    for (const hj of ['核实', '整改', '回访']) await followUpStep(agent, pjbh, { hj, nr: '处理' }).expect(200);
    const late = await followUpStep(agent, pjbh, { hj: '回访', nr: '再次回访' }).expect(409);

    // Assert
    expect(early.body.error.message).toContain('next is 核实');
    expect(late.body.error.code).toBe('CONFLICT');
    const read = await feedbackGet(agent, `pj/${bjbh}`, { sfzmhm: APPLICANT.idNumber }).expect(200);
    expect(read.body.data.zgzt.lc).toHaveLength(3);
  });

  it('when a good rating, an unknown rating or a bad step is followed up, then 409, 404 and 400', async () => {
    // Arrange
    const agent = newSandbox();
    const good = await rated(agent, ratingBody(await approvalCase(agent)));
    const bad = await rated(agent, ratingBody(await approvalCase(agent), { pjdj: '1', pjnr: '体验很差很差' }));

    // Act / Assert
    await followUpStep(agent, good.pjbh, { hj: '核实', nr: '核实' }).expect(409);
    await followUpStep(agent, 'PJ000', { hj: '核实', nr: '核实' }).expect(404);
    await followUpStep(agent, bad.pjbh, { hj: '调查', nr: '核实' }).expect(400);
    await followUpStep(agent, bad.pjbh, { hj: '核实' }).expect(400);
  });
});
