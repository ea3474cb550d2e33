import { approvalCase } from '../../upstreams/approval/approval.fixtures';
import { toApplicationDetail } from './case-view';

describe('a case as the citizen sees it', () => {
  it('when a step’s opinion only repeats its status, then the timeline does not say it twice', () => {
    // Arrange + Act
    const detail = toApplicationDetail(approvalCase());

    // Assert
    expect(detail.timeline.map((t) => [t.step, t.statusText, t.comment])).toEqual([
      ['申请', '已提交', '网上申请'],
      ['办结', '准予许可', undefined],
    ]);
  });

  it('when the result goes by post, then recipient, phone and address show masked: never the street', () => {
    // Arrange
    const posted = approvalCase({
      delivery: {
        mode: 'post',
        recipient: '张三丰',
        phone: '13800138000',
        region: '广东省广州市天河区',
        detail: '天河路100号',
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
