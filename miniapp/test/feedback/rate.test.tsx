import { act, fireEvent, render, waitFor } from '@testing-library/react';
import RatePage from '@/packages/feedback/pages/rate';
import { followUpEntries } from '@/packages/feedback/pages/rate/RatingView';
import { ApiError } from '@/services/api-error';
import { fetchApplication } from '@/services/applications';
import { fetchRating, submitRating } from '@/services/feedback';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { applicationDetail, badRating, CASE_NO, rating } from '../fixtures/feedback';
import { byId } from '../support/dom';
import { routerStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/feedback', () => ({ fetchRating: jest.fn(), submitRating: jest.fn() }));
jest.mock('@/services/applications', () => ({ fetchApplication: jest.fn() }));
const ratingMock = jest.mocked(fetchRating);
const submitMock = jest.mocked(submitRating);
const applicationMock = jest.mocked(fetchApplication);

const NOT_RATED = new ApiError({ status: 404, code: 'RATING_NOT_FOUND', message: '该办件还没有评价' });
const ASPECTS = ['efficiency', 'guideAccuracy', 'convenience', 'usability'] as const;

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

function typeComment(value: string): void {
  const host = byId('rate-comment');
  const field = (host.matches('textarea') ? host : host.querySelector('textarea')) as HTMLTextAreaElement;
  fireEvent.change(field, { target: { value } });
  fireEvent.input(field, { target: { value } });
}

function rateAspects(level: number): void {
  for (const key of ASPECTS) fireEvent.click(byId(`rate-aspect-${key}-stars-star-${level}`));
}

async function renderForm(): Promise<void> {
  render(<RatePage />);
  await shown('rate-form');
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = { caseNo: CASE_NO };
  ratingMock.mockRejectedValue(NOT_RATED);
  applicationMock.mockResolvedValue(applicationDetail());
});

describe('办件评价 form', () => {
  it('when the stars are read, then each names its level in words, and a choice shows its word', async () => {
    // Arrange
    await renderForm();

    // Act
    fireEvent.click(byId('rate-level-star-4'));

    // Assert
    const labels = [1, 2, 3, 4, 5].map((n) => byId(`rate-level-star-${n}`).getAttribute('aria-label'));
    expect(labels).toEqual(['1 星 非常不满意', '2 星 不满意', '3 星 基本满意', '4 星 满意', '5 星 非常满意']);
    expect(text('rate-level-text')).toBe('满意');
    expect(byId('rate-level-star-4').getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('rate-comment-hint')).toBeNull();
  });

  it('when submitted without the level and sub-scores, then each asks for its stars and nothing is sent', async () => {
    // Arrange
    await renderForm();

    // Act
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    expect(text('rate-level-error')).toBe('请选择整体满意度');
    expect(text('rate-aspect-efficiency-error')).toBe('请为「办事效率」打分');
    expect(text('rate-aspect-guideAccuracy-error')).toBe('请为「办事指南精确度」打分');
    expect(text('rate-aspect-convenience-error')).toBe('请为「办事便捷度」打分');
    expect(text('rate-aspect-usability-error')).toBe('请为「平台操作性」打分');
    expect(submitMock).not.toHaveBeenCalled();
  });

  it('when a bad review has no reason, then the hint and the error ask for one; with a reason it is sent', async () => {
    // Arrange
    submitMock.mockResolvedValue(badRating());
    await renderForm();
    fireEvent.click(byId('rate-level-star-2'));
    rateAspects(2);

    // Act
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    expect(text('rate-comment-hint')).toBe('差评请写明原因，我们将在 15 个工作日内核实整改并回访');
    expect(text('rate-comment-error')).toBe('差评请写明原因（至少 5 个字），以便核实整改');
    expect(submitMock).not.toHaveBeenCalled();

    // Act
    typeComment('  窗口排队两小时  ');
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    expect(submitMock).toHaveBeenCalledWith(CASE_NO, {
      level: 2,
      aspects: { efficiency: 2, guideAccuracy: 2, convenience: 2, usability: 2 },
      comment: '窗口排队两小时',
    });
    await shown('rate-view');
    expect(text('rate-followup-status')).toBe('整改中');
    expect(text('rate-notice')).toContain('15 个工作日内核实整改并回访');
  });

  it('when a good review is sent without a comment, then it goes and the saved rating shows', async () => {
    // Arrange
    submitMock.mockResolvedValue(rating({ comment: '' }));
    await renderForm();
    fireEvent.click(byId('rate-level-star-5'));
    rateAspects(5);

    // Act
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    expect(submitMock.mock.calls[0]?.[1]).toMatchObject({ level: 5, comment: '' });
    await shown('rate-view');
    expect(text('rate-view-level')).toBe('非常满意');
    expect(document.getElementById('rate-followup')).toBeNull();
  });

  it('when the BFF says the case is not finished, then RATING_NOT_ALLOWED is shown under the button', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'RATING_NOT_ALLOWED', message: '办件办结后才能评价' }),
    );
    await renderForm();
    fireEvent.click(byId('rate-level-star-3'));
    rateAspects(3);

    // Act
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    await waitFor(() => expect(text('rate-submit-error')).toBe('办件办结后才能评价'));
    expect(document.getElementById('rate-view')).toBeNull();
  });

  it('when it was rated meanwhile (ALREADY_RATED), then the message and the saved rating show', async () => {
    // Arrange
    submitMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'ALREADY_RATED', message: '该办件已评价过，每件事只能评价一次' }),
    );
    await renderForm();
    fireEvent.click(byId('rate-level-star-4'));
    rateAspects(4);
    ratingMock.mockResolvedValue(rating({ level: 4, levelText: '满意' }));

    // Act
    await act(async () => fireEvent.click(byId('rate-submit')));

    // Assert
    await shown('rate-view');
    expect(text('rate-notice')).toBe('该办件已评价过，每件事只能评价一次');
    expect(text('rate-view-level')).toBe('满意');
  });

  it('when the case is still open, then it says so instead of a form', async () => {
    // Arrange
    applicationMock.mockResolvedValue(applicationDetail({ status: 'reviewing', statusText: '审核中' }));

    // Act
    render(<RatePage />);

    // Assert
    await shown('rate-not-allowed');
    expect(text('rate-not-allowed')).toContain('审核中');
    expect(document.getElementById('rate-form')).toBeNull();
  });

  it('when logged out, then it asks to log in and loads nothing', () => {
    // Arrange
    setAnonymous();

    // Act
    render(<RatePage />);

    // Assert
    expect(document.getElementById('login-prompt')).not.toBeNull();
    expect(ratingMock).not.toHaveBeenCalled();
  });

  it('when the rating cannot be read, then the error offers 重试 which loads again', async () => {
    // Arrange
    ratingMock.mockRejectedValueOnce(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败' }));
    render(<RatePage />);
    await shown('rate-error-retry');

    // Act
    fireEvent.click(byId('rate-error-retry'));

    // Assert
    await shown('rate-form');
    expect(ratingMock).toHaveBeenCalledTimes(2);
  });
});

describe('a given rating and its follow-up', () => {
  it('when the case was rated badly, then the rating, sub-scores, comment and the follow-up timeline show', async () => {
    // Arrange
    ratingMock.mockResolvedValue(badRating());

    // Act
    render(<RatePage />);

    // Assert
    await shown('rate-view');
    expect(document.getElementById('rate-form')).toBeNull();
    expect(text('rate-view-level')).toBe('非常不满意');
    expect(text('rate-view-bad')).toBe('差评');
    expect(byId('rate-view-stars').getAttribute('aria-label')).toBe('整体满意度 1 星 非常不满意');
    expect(byId('rate-view-aspect-guideAccuracy-stars').getAttribute('aria-label')).toContain('2 星');
    expect(text('rate-view-comment')).toBe('窗口排队两小时，材料要求反复变');
    expect(text('rate-followup-status')).toBe('整改中');
    expect(text('rate-followup-deadline')).toContain('2026年12月17日');
    expect(byId('rate-followup-step-verify').dataset.state).toBe('done');
    expect(text('rate-followup-step-verify')).toContain('天河分局户政科');
    expect(text('rate-followup-step-verify')).toContain('经核实，当日窗口人手不足');
    expect(byId('rate-followup-step-rectify').dataset.state).toBe('current');
    expect(byId('rate-followup-step-rectify').getAttribute('aria-current')).toBe('step');
    expect(byId('rate-followup-step-revisit').dataset.state).toBe('pending');
  });

  it('when the follow-up is done, then every recorded step is done and none is current', () => {
    // Arrange
    const followUp = {
      status: 'done' as const,
      statusText: '已回访',
      deadline: '2026-12-17',
      steps: (['verify', 'rectify', 'revisit'] as const).map((step, index) => ({
        step,
        stepText: ['核实', '整改', '回访'][index] ?? '',
        at: '2026-11-30T02:00:00.000Z',
        note: '',
        department: '天河分局',
      })),
    };

    // Act
    const entries = followUpEntries(followUp);

    // Assert
    expect(entries.map((e) => [e.key, e.state, e.title])).toEqual([
      ['verify', 'done', '核实'],
      ['rectify', 'done', '整改'],
      ['revisit', 'done', '回访'],
    ]);
  });
});
