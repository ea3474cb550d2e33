import type { ApplicationStatus } from '@suijing/shared';
import { caseChange } from '../../upstreams/approval/approval.fixtures';
import { caseMessageBody } from './case-message';

const CASE_NO = '2026120144010000000001';

const event = (status: ApplicationStatus, opinion: string | undefined) =>
  caseChange(CASE_NO, status, opinion === undefined ? {} : { opinion });

describe('case progress messages', () => {
  it('when the opinion only repeats the decision, then the decision is said once', () => {
    // Arrange
    const approved = event('approved', '准予许可');
    const withFullStop = event('approved', ' 准予许可。');

    // Act
    const bodies = [caseMessageBody(approved, '准予许可'), caseMessageBody(withFullStop, '准予许可')];

    // Assert
    expect(bodies).toEqual([`您的办件 ${CASE_NO} 准予许可`, `您的办件 ${CASE_NO} 准予许可`]);
  });

  it('when the opinion says more than the decision, then it follows it', () => {
    // Arrange
    const approved = event('approved', '材料齐全，准予办理');

    // Act
    const body = caseMessageBody(approved, '准予许可');

    // Assert
    expect(body).toBe(`您的办件 ${CASE_NO} 准予许可：材料齐全，准予办理`);
  });

  it('when the result was delivered, then the approval system’s own words say how, never an EMS number it has not got', () => {
    // Arrange
    const electronic = event('delivered', '电子证明已签发，可在办件详情中查看');
    const silent = event('delivered', undefined);

    // Act
    const bodies = [caseMessageBody(electronic, '已送达'), caseMessageBody(silent, '已送达')];

    // Assert
    expect(bodies[0]).toBe('电子证明已签发，可在办件详情中查看');
    expect(bodies[1]).not.toContain('寄出');
  });
});
