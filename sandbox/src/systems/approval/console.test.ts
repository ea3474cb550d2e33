import { newSandbox } from '../../testing/fixtures';
import { act, filledForm, HK_PASS_ITEM, submitted } from '../../testing/approval';
import type { CaseRecord } from './records';

const MONDAY_10AM = '2026-03-02T02:00:00Z';
const DEPARTMENT = '广州市公安局出入境管理支队';
/** The 往来港澳通行证 form's own 领取方式: 邮政速递 to the address typed in it. */
const BY_POST = { bdsj: { ...filledForm(HK_PASS_ITEM), lqfs: '2', yjdz: '广州市天河区天河路100号' } };

describe('staff console: POST /sandbox/approval/cases/:bjbh/actions', () => {
  it('when a case is accepted, reviewed, approved and delivered, then each step is recorded with its department, time and deadline', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: MONDAY_10AM }).expect(200);
    const record = await submitted(agent, BY_POST);

    // Act
    const accepted = await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    await agent.post('/sandbox/clock').send({ advanceMs: 3_600_000 }).expect(200);
    const reviewed = await act(agent, record.bjbh, { action: 'review', yj: '材料审核中' }).expect(200);
    const approved = await act(agent, record.bjbh, { action: 'approve' }).expect(200);
    const delivered = await act(agent, record.bjbh, { action: 'deliver' }).expect(200);

    // Assert
    expect(accepted.body).toMatchObject({ zt: '02', dqhj: '审核', dqclbm: DEPARTMENT, dqjzsj: '20260311235959' });
    expect(reviewed.body).toMatchObject({ zt: '03', dqhj: '审批', dqjzsj: '20260311235959' });
    expect(approved.body).toMatchObject({ zt: '05', dqhj: '送达', dqjzsj: '20260305235959' });
    const done = delivered.body as CaseRecord;
    expect(done).toMatchObject({ zt: '07', dqhj: '办结', kdh: expect.stringMatching(/^11\d{11}$/) });
    expect(done.dqjzsj).toBeUndefined();
    expect(done.lcjl.map((step) => [step.hjmc, step.zt, step.clr])).toEqual([
      ['申请', '01', '申请人'],
      ['受理', '02', DEPARTMENT],
      ['审核', '03', DEPARTMENT],
      ['办结', '05', DEPARTMENT],
      ['送达', '07', DEPARTMENT],
    ]);
    expect(done.lcjl[1]?.clsj).toBe('20260302100000');
    expect(done.lcjl[2]).toMatchObject({ clsj: '20260302110000', yj: '材料审核中' });
  });

  it('when a case is rejected with a reason, then it is 06 with byxkly; a given kdh is kept on delivery', async () => {
    // Arrange
    const agent = newSandbox();
    const rejected = await submitted(agent);
    const delivered = await submitted(agent, BY_POST);
    await act(agent, rejected.bjbh, { action: 'accept' }).expect(200);
    for (const action of ['accept', 'review', 'approve']) await act(agent, delivered.bjbh, { action }).expect(200);

    // Act
    const reject = await act(agent, rejected.bjbh, { action: 'reject', yj: '申请人不符合受理条件' }).expect(200);
    const deliver = await act(agent, delivered.bjbh, { action: 'deliver', kdh: '1151234567890' }).expect(200);

    // Assert
    expect(reject.body).toMatchObject({ zt: '06', byxkly: '申请人不符合受理条件', dqhj: '办结' });
    expect(deliver.body.kdh).toBe('1151234567890');
  });

  it.each([
    { at: [], action: 'review' },
    { at: [], action: 'approve' },
    { at: [], action: 'deliver' },
    { at: ['accept'], action: 'accept' },
    { at: ['accept'], action: 'approve' },
    { at: ['accept', 'review', 'approve'], action: 'reject' },
    { at: ['accept', 'review', 'approve'], action: 'supplement' },
    { at: ['accept', 'review', 'approve', 'deliver'], action: 'deliver' },
  ])('when $action is asked after [$at], then it answers 409 naming the status', async ({ at, action }) => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent);
    for (const step of at) await act(agent, record.bjbh, { action: step }).expect(200);

    // Act
    const res = await act(agent, record.bjbh, { action, yj: '理由', bcnr: '内容' });

    // Assert
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'CONFLICT', message: expect.stringContaining('当前状态为') });
  });

  it('when supplement lacks bcnr, reject lacks yj, the action is unknown or the case is unknown, then it answers 400 or 404', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent);
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);

    // Act
    const noBcnr = await act(agent, record.bjbh, { action: 'supplement' });
    const noReason = await act(agent, record.bjbh, { action: 'reject' });
    const unknownAction = await act(agent, record.bjbh, { action: 'archive' });
    const unknownCase = await act(agent, '2026030244010000000000', { action: 'accept' });
    const after = await agent.get('/sandbox/approval/cases').expect(200);

    // Assert
    expect([noBcnr.status, noReason.status, unknownAction.status, unknownCase.status]).toEqual([400, 400, 400, 404]);
    expect(after.body.items[0].zt).toBe('02');
  });

  it('when demo mode runs, then open cases move along by themselves and stop when it is switched off', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent);

    // Act
    await agent.put('/sandbox/approval/demo').send({ enabled: true, stepMs: 100 }).expect(200);
    let zt = '01';
    for (let i = 0; i < 100 && zt !== '07'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      zt = ((await agent.get('/sandbox/approval/cases').expect(200)).body.items[0] as CaseRecord).zt;
    }
    const off = await agent.put('/sandbox/approval/demo').send({ enabled: false }).expect(200);
    const bad = await agent.put('/sandbox/approval/demo').send({ enabled: true, stepMs: 5 });

    // Assert
    expect(zt).toBe('07');
    expect(record.zt).toBe('01');
    expect(off.body).toEqual({ enabled: false, stepMs: null });
    expect(bad.status).toBe(400);
  });
});
