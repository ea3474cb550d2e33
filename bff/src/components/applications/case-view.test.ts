import { approvalCase } from '../../upstreams/approval/approval.fixtures';
import { followOnly, toApplicationDetail, withActing } from './case-view';

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

describe('a case filed for a family member', () => {
  it('when someone acted, then the view names 当事人 and 代办人; a case for oneself names neither', () => {
    // Arrange
    const view = toApplicationDetail(approvalCase());
    const acting = { subjectNameMasked: '张**', relationText: '儿子', actorNameMasked: '张**' };

    // Act
    const forSon = withActing(view, acting);
    const own = withActing(view, undefined);

    // Assert
    expect(forSon.subject).toEqual({ nameMasked: '张**', relationText: '儿子' });
    expect(forSon.actor).toEqual({ nameMasked: '张**' });
    expect(own).not.toHaveProperty('subject');
    expect(own).not.toHaveProperty('actor');
  });

  it('when the 当事人 reads a case filed for them, then they may follow it but neither withdraw nor supplement it', () => {
    // Arrange: a case waiting for a supplement, which its applicant could still withdraw or supplement
    const open = toApplicationDetail(approvalCase({ status: 'supplement' }));

    // Act
    const theirs = followOnly(open);

    // Assert
    expect([open.canWithdraw, open.canSupplement]).toEqual([true, true]);
    expect(theirs).toEqual({ ...open, canWithdraw: false, canSupplement: false });
  });
});
