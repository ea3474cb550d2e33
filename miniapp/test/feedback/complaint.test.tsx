import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ComplaintPage from '@/packages/feedback/pages/complaint';
import ComplaintsPage from '@/packages/feedback/pages/complaints';
import { ApiError } from '@/services/api-error';
import { fetchComplaint, listComplaints, rateComplaint } from '@/services/feedback';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { complaintDetail, complaintSummary } from '../fixtures/feedback';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/feedback', () => ({
  fetchComplaint: jest.fn(),
  listComplaints: jest.fn(),
  rateComplaint: jest.fn(),
}));
const detailMock = jest.mocked(fetchComplaint);
const listMock = jest.mocked(listComplaints);
const rateMock = jest.mocked(rateComplaint);

const ID = 'TS20261128000001';
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());
const stateOf = (stage: string): string | undefined => byId(`complaint-loop-${stage}`).dataset.state;

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified' });
  routerStub.params = { id: ID };
});

describe('the 12345 loop', () => {
  it('when a ticket was dispatched, then 接 答 派 are done, 办 is in progress and 评 is pending, as the BFF says', async () => {
    // Arrange
    detailMock.mockResolvedValue(complaintDetail());

    // Act
    render(<ComplaintPage />);

    // Assert
    await shown('complaint-loop');
    expect(['received', 'answered', 'dispatched', 'handled', 'rated'].map(stateOf)).toEqual([
      'done',
      'done',
      'done',
      'current',
      'pending',
    ]);
    expect(byId('complaint-loop-handled').getAttribute('aria-current')).toBe('step');
    expect(text('complaint-loop-handled')).toContain('进行中');
    expect(text('complaint-loop-dispatched')).toContain('派');
    expect(text('complaint-step-0')).toContain('接 · 已受理');
    expect(text('complaint-step-2')).toContain('派 · 派单');
    expect(text('complaint-step-2')).toContain('广州市公安局天河分局');
    expect(text('complaint-step-2')).toContain('转天河分局办理');
    expect(text('complaint-photos')).toBe('附件照片 2 张');
    expect(text('complaint-content')).toContain('排队两个小时');
    expect(document.getElementById('complaint-rate')).toBeNull();
  });

  it('when a ticket is 已办结, then no step of it says 进行中: 办 is done and 评 waits for the citizen', async () => {
    // Arrange
    detailMock.mockResolvedValue(complaintDetail({ stage: 'handled', stageText: '已办结', canRate: true }));

    // Act
    render(<ComplaintPage />);

    // Assert
    await shown('complaint-loop');
    expect(text('complaint-stage')).toBe('已办结');
    expect(stateOf('handled')).toBe('done');
    expect(text('complaint-loop-handled')).toContain('已完成');
    expect(text('complaint-loop')).not.toContain('进行中');
    expect(stateOf('rated')).toBe('current');
    expect(text('complaint-loop-rated')).toContain('待评价');
    expect(document.querySelectorAll('#complaint-step [data-state="current"]')).toHaveLength(0);
  });

  it('when a handled ticket may be rated, then the rating is sent and shown', async () => {
    // Arrange
    detailMock.mockResolvedValue(complaintDetail({ stage: 'handled', stageText: '已办结', canRate: true }));
    rateMock.mockResolvedValue(
      complaintDetail({
        stage: 'rated',
        stageText: '已评价',
        canRate: false,
        rating: { level: 4, comment: '处理及时', at: '2026-11-30T02:00:00.000Z' },
      }),
    );
    render(<ComplaintPage />);
    await shown('complaint-rate');
    expect(stateOf('rated')).toBe('current');

    // Act
    await act(async () => fireEvent.click(byId('complaint-rate-submit')));
    expect(text('complaint-rate-level-error')).toBe('请选择 1-5 星');
    fireEvent.click(byId('complaint-rate-level-star-4'));
    const comment = byId('complaint-rate-comment');
    const field = (comment.matches('textarea') ? comment : comment.querySelector('textarea')) as HTMLTextAreaElement;
    fireEvent.input(field, { target: { value: '处理及时' } });
    await act(async () => fireEvent.click(byId('complaint-rate-submit')));

    // Assert
    expect(rateMock).toHaveBeenCalledWith(ID, { level: 4, comment: '处理及时' });
    await shown('complaint-rating');
    expect(text('complaint-rating-level')).toBe('满意');
    expect(document.getElementById('complaint-rate')).toBeNull();
    expect(stateOf('rated')).toBe('done');
  });

  it('when the ticket is unknown, then it says so', async () => {
    // Arrange
    detailMock.mockRejectedValue(new ApiError({ status: 404, code: 'COMPLAINT_NOT_FOUND', message: '未找到' }));

    // Act
    render(<ComplaintPage />);

    // Assert
    await shown('complaint-not-found');
  });
});

describe('我的诉求', () => {
  it('when there are complaints, then each shows kind, category, title, stage and date, and opens its detail', async () => {
    // Arrange
    listMock.mockResolvedValue({
      items: [
        complaintSummary(),
        complaintSummary({ id: 'TS20261128000002', kind: 'suggestion', stageText: '已受理' }),
      ],
    });

    // Act
    render(<ComplaintsPage />);
    await shown('complaints-list');
    fireEvent.click(byId(`complaint-${ID}`));

    // Assert
    expect(text(`complaint-${ID}`)).toContain('投诉');
    expect(text(`complaint-${ID}`)).toContain('窗口服务');
    expect(text(`complaint-${ID}`)).toContain('窗口等候时间过长');
    expect(text(`complaint-${ID}`)).toContain('2026年11月28日');
    expect(text(`complaint-${ID}-stage`)).toBe('已派单');
    expect(text('complaint-TS20261128000002')).toContain('建议');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: `/packages/feedback/pages/complaint/index?id=${ID}` });
  });

  it('when there are none, then the empty state offers 新建诉求', async () => {
    // Arrange
    listMock.mockResolvedValue({ items: [] });

    // Act
    render(<ComplaintsPage />);
    await shown('complaints-empty');
    fireEvent.click(byId('complaints-empty-new'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/feedback/pages/complaint-new/index' });
    expect(text('complaints-new')).toBe('新建诉求');
  });
});
