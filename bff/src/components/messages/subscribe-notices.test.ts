import type { ApprovalEvent } from '../../upstreams/approval/approval.dialect';
import { caseNotice, thing } from './subscribe-notices';

const NOW = new Date('2026-03-02T07:01:00Z');
const CASE_NO = '2026030244010123456789';

function event(fields: Partial<ApprovalEvent['bj']> & Pick<ApprovalEvent, 'zt'>, yj?: string): ApprovalEvent {
  const { zt, ...bj } = fields;
  return {
    sjbh: 'EV1',
    sjsj: '20260302150100',
    bjbh: CASE_NO,
    sfzmhm: '440106199001011234',
    zt,
    hjmc: '审核',
    ...(yj ? { yj } : {}),
    bj: {
      bjbh: CASE_NO,
      wbbh: 'W1',
      sxbm: 'SX1',
      sxmc: '居民身份证有效期满换领',
      zt,
      sqsj: '20260301090000',
      cnbjrq: '20260320',
      dqhj: '审核',
      dqclbm: '广州市公安局',
      lcjl: [],
      ...bj,
    },
  };
}

describe('subscribe notices of a case', () => {
  it('when a case is refused, then 办件结果通知 says 不予许可 with the reason, not the generic note', () => {
    // Act
    const notice = caseNotice(
      event({ zt: '06', byxkly: '申请人不符合换领条件' }),
      '居民身份证有效期满换领',
      '不予许可',
      '不予许可，理由：申请人不符合换领条件',
      NOW,
    );

    // Assert
    expect(notice).toEqual({
      template: 'CASE_RESULT',
      page: `packages/cases/pages/detail/index?caseNo=${CASE_NO}`,
      about: CASE_NO,
      data: {
        character_string1: CASE_NO,
        thing2: '居民身份证有效期满换领',
        phrase3: '不予许可',
        date4: '2026年3月2日',
        thing5: '申请人不符合换领条件',
      },
    });
  });

  it('when 补正 is asked with its deadline, then 补正材料通知 carries the request and the deadline day', () => {
    // Act
    const notice = caseNotice(
      event({ zt: '04', bcnr: '请补充户口簿首页复印件', dqjzsj: '20260316235959' }),
      '居民身份证有效期满换领',
      '待补正',
      '需要补正材料：请补充户口簿首页复印件',
      NOW,
    );

    // Assert
    expect(notice.template).toBe('MATERIALS_REQUIRED');
    expect(notice.data).toEqual({
      character_string1: CASE_NO,
      thing2: '居民身份证有效期满换领',
      thing3: '请补充户口簿首页复印件',
      date4: '2026年3月16日',
    });
  });

  it('when a case is accepted, then 办件进度通知 carries the status and the Beijing minute', () => {
    // Act
    const notice = caseNotice(event({ zt: '02' }), '居民身份证有效期满换领', '已受理', '您的办件已受理', NOW);

    // Assert
    expect(notice.template).toBe('CASE_PROGRESS');
    expect(notice.data).toMatchObject({ phrase3: '已受理', time4: '2026-03-02 15:01', thing5: '您的办件已受理' });
  });

  it('when a text is longer than 20 characters or spans lines, then thing() makes one line of 20', () => {
    // Act
    const short = thing('港澳台居民居住证申领\n（首次）');
    const long = thing('内地居民前往港澳通行证及签注（个人旅游）首次申领');

    // Assert
    expect(short).toBe('港澳台居民居住证申领 （首次）');
    expect(Array.from(long)).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
