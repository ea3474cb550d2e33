import { caseChange } from '../../upstreams/approval/approval.fixtures';
import { caseNotice } from './subscribe-notices';

const NOW = new Date('2026-03-02T07:01:00Z');
const CASE_NO = '2026030244010123456789';

describe('subscribe notices of a case', () => {
  it('when a case is refused, then 办件结果通知 says 不予许可 with the reason, not the generic note', () => {
    // Act
    const notice = caseNotice(
      caseChange(CASE_NO, 'rejected', { case: { rejectionReason: '申请人不符合换领条件' } }),
      '居民身份证有效期满换领',
      '不予许可',
      '不予许可，理由：申请人不符合换领条件',
      NOW,
    );

    // Assert
    expect(notice).toEqual({
      page: `packages/cases/pages/detail/index?caseNo=${CASE_NO}`,
      about: CASE_NO,
      content: {
        template: 'CASE_RESULT',
        caseNo: CASE_NO,
        itemName: '居民身份证有效期满换领',
        statusText: '不予许可',
        decidedAt: NOW,
        detail: '申请人不符合换领条件',
      },
    });
  });

  it('when 补正 is asked with its deadline, then 补正材料通知 carries the request and the deadline', () => {
    // Act
    const notice = caseNotice(
      caseChange(CASE_NO, 'supplement', {
        case: { supplementRequest: '请补充户口簿首页复印件', currentDeadline: '2026-03-16T15:59:59.000Z' },
      }),
      '居民身份证有效期满换领',
      '待补正',
      '需要补正材料：请补充户口簿首页复印件',
      NOW,
    );

    // Assert
    expect(notice.content).toEqual({
      template: 'MATERIALS_REQUIRED',
      caseNo: CASE_NO,
      itemName: '居民身份证有效期满换领',
      request: '请补充户口簿首页复印件',
      deadline: new Date('2026-03-16T15:59:59.000Z'),
    });
  });

  it('when a case is accepted, then 办件进度通知 carries the status and the time', () => {
    // Act
    const notice = caseNotice(
      caseChange(CASE_NO, 'accepted'),
      '居民身份证有效期满换领',
      '已受理',
      '您的办件已受理',
      NOW,
    );

    // Assert
    expect(notice.content).toMatchObject({
      template: 'CASE_PROGRESS',
      statusText: '已受理',
      at: NOW,
      note: '您的办件已受理',
    });
  });
});
