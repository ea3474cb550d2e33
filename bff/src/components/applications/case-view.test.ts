import type { ApprovalCase } from '../../upstreams/approval/approval.types';
import { toApplicationDetail } from './case-view';

const approvalCase = (overrides: Partial<ApprovalCase> = {}): ApprovalCase => ({
  caseNo: '2026120144010000000001',
  itemCode: '1144010000750226542000414000001',
  itemName: '无犯罪记录证明开具（本人申请）',
  status: 'approved',
  submittedAt: '2026-12-01T01:00:00.000Z',
  promisedDate: '2026-12-04',
  currentStep: '送达',
  currentDepartment: '广州市公安局',
  timeline: [
    { step: '申请', status: 'submitted', actor: '申请人', at: '2026-12-01T01:00:00.000Z', opinion: '网上申请' },
    { step: '办结', status: 'approved', actor: '广州市公安局', at: '2026-12-02T01:00:00.000Z', opinion: '准予许可' },
  ],
  ...overrides,
});

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
