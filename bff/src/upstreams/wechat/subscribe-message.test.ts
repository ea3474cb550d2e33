import { subscribeData, thing } from './subscribe-message';

const NOW = new Date('2026-03-02T07:01:00Z');
const CASE_NO = '2026030244010123456789';

describe('subscribe message keywords', () => {
  it('when a case is refused, then 办件结果通知 says 不予许可 with the reason and the Beijing day', () => {
    // Act
    const data = subscribeData({
      template: 'CASE_RESULT',
      caseNo: CASE_NO,
      itemName: '居民身份证有效期满换领',
      statusText: '不予许可',
      decidedAt: NOW,
      detail: '申请人不符合换领条件',
    });

    // Assert
    expect(data).toEqual({
      character_string1: CASE_NO,
      thing2: '居民身份证有效期满换领',
      phrase3: '不予许可',
      date4: '2026年3月2日',
      thing5: '申请人不符合换领条件',
    });
  });

  it('when 补正 is asked with its deadline, then 补正材料通知 carries the request and the deadline day', () => {
    // Act: 2026-03-16 23:59:59 in Beijing
    const data = subscribeData({
      template: 'MATERIALS_REQUIRED',
      caseNo: CASE_NO,
      itemName: '居民身份证有效期满换领',
      request: '请补充户口簿首页复印件',
      deadline: new Date('2026-03-16T15:59:59.000Z'),
    });

    // Assert
    expect(data).toEqual({
      character_string1: CASE_NO,
      thing2: '居民身份证有效期满换领',
      thing3: '请补充户口簿首页复印件',
      date4: '2026年3月16日',
    });
  });

  it('when a case is accepted, then 办件进度通知 carries the status and the Beijing minute', () => {
    // Act
    const data = subscribeData({
      template: 'CASE_PROGRESS',
      caseNo: CASE_NO,
      itemName: '居民身份证有效期满换领',
      statusText: '已受理',
      at: NOW,
      note: '您的办件已受理',
    });

    // Assert
    expect(data).toMatchObject({ phrase3: '已受理', time4: '2026-03-02 15:01', thing5: '您的办件已受理' });
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
