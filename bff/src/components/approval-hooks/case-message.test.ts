import type { ApprovalEvent, CaseRecord } from '../../upstreams/approval/approval.dialect';
import { caseMessageBody } from './case-message';

const CASE_NO = '2026120144010000000001';

function event(zt: ApprovalEvent['zt'], yj: string | undefined, bj: Partial<CaseRecord> = {}): ApprovalEvent {
  return {
    sjbh: 'e1',
    sjsj: '20261201100000',
    bjbh: CASE_NO,
    sfzmhm: '440106199001011234',
    zt,
    hjmc: '办结',
    ...(yj === undefined ? {} : { yj }),
    bj: {
      bjbh: CASE_NO,
      wbbh: 'w1234567',
      sxbm: 'X1',
      sxmc: '无犯罪记录证明开具（本人申请）',
      zt,
      sqsj: '20261201090000',
      cnbjrq: '20261204',
      dqhj: '办结',
      dqclbm: '广州市公安局',
      lcjl: [],
      ...bj,
    },
  };
}

describe('case progress messages', () => {
  it('when the opinion only repeats the decision, then the decision is said once', () => {
    // Arrange
    const approved = event('05', '准予许可');
    const withFullStop = event('05', ' 准予许可。');

    // Act
    const bodies = [caseMessageBody(approved, '准予许可'), caseMessageBody(withFullStop, '准予许可')];

    // Assert
    expect(bodies).toEqual([`您的办件 ${CASE_NO} 准予许可`, `您的办件 ${CASE_NO} 准予许可`]);
  });

  it('when the opinion says more than the decision, then it follows it', () => {
    // Arrange
    const approved = event('05', '材料齐全，准予办理');

    // Act
    const body = caseMessageBody(approved, '准予许可');

    // Assert
    expect(body).toBe(`您的办件 ${CASE_NO} 准予许可：材料齐全，准予办理`);
  });

  it('when the result was delivered, then the approval system’s own words say how, never an EMS number it has not got', () => {
    // Arrange
    const electronic = event('07', '电子证明已签发，可在办件详情中查看');
    const silent = event('07', undefined);

    // Act
    const bodies = [caseMessageBody(electronic, '已送达'), caseMessageBody(silent, '已送达')];

    // Assert
    expect(bodies[0]).toBe('电子证明已签发，可在办件详情中查看');
    expect(bodies[1]).not.toContain('寄出');
  });
});
