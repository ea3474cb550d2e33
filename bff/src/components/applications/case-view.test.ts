import type { CaseRecord } from '../../upstreams/approval/approval.dialect';
import { toApplicationDetail } from './case-view';

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  bjbh: '2026120144010000000001',
  wbbh: 'w1234567',
  sxbm: '1144010000750226542000414000001',
  sxmc: '无犯罪记录证明开具（本人申请）',
  zt: '05',
  sqsj: '20261201090000',
  cnbjrq: '20261204',
  dqhj: '送达',
  dqclbm: '广州市公安局',
  lcjl: [
    { hjmc: '申请', zt: '01', clr: '申请人', clsj: '20261201090000', yj: '网上申请' },
    { hjmc: '办结', zt: '05', clr: '广州市公安局', clsj: '20261202090000', yj: '准予许可' },
  ],
  ...overrides,
});

describe('a case as the citizen sees it', () => {
  it('when a step’s opinion only repeats its status, then the timeline does not say it twice', () => {
    // Arrange + Act
    const detail = toApplicationDetail(record());

    // Assert
    expect(detail.timeline.map((t) => [t.step, t.statusText, t.comment])).toEqual([
      ['申请', '已提交', '网上申请'],
      ['办结', '准予许可', undefined],
    ]);
  });

  it('when a 补正 is pending, then the stopped clock shows; once answered, the working days it moved the date', () => {
    // Arrange
    const waiting = record({ zt: '04', jsztsj: '20261202100000', bcnr: '照片不清晰' });
    const answered = record({ zt: '03', cnbjrq: '20261209', ztgzr: '3' });

    // Act
    const [pausedView, answeredView] = [toApplicationDetail(waiting), toApplicationDetail(answered)];

    // Assert
    expect(pausedView.clockPausedSince).toBe('2026-12-02T02:00:00.000Z');
    expect(pausedView.extendedWorkingDays).toBeUndefined();
    expect(answeredView).toMatchObject({ promisedDate: '2026-12-09', extendedWorkingDays: 3 });
    expect(answeredView.clockPausedSince).toBeUndefined();
  });

  it('when the result goes by post, then recipient, phone and address show masked: never the street', () => {
    // Arrange
    const posted = record({
      sdxx: {
        sdfs: '2',
        sjr: '张三丰',
        lxdh: '13800138000',
        sf: '广东省',
        cs: '广州市',
        qx: '天河区',
        xxdz: '天河路100号',
      },
    });

    // Act
    const detail = toApplicationDetail(posted);

    // Assert
    expect(detail.delivery).toEqual({
      mode: 'post',
      modeText: '邮寄',
      recipient: '张**',
      phone: '138****8000',
      address: '广东省广州市天河区****',
    });
    expect(JSON.stringify(detail)).not.toMatch(/天河路|13800138000|张三丰/);
  });
});
