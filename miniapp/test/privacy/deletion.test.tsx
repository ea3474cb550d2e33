import { act, fireEvent, render, waitFor } from '@testing-library/react';
import DeletionPage from '@/packages/privacy/pages/deletion';
import { ApiError } from '@/services/api-error';
import { cancelDeletion, fetchDeletion, scheduleDeletion } from '@/services/privacy';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { noteStepUpPassed } from '@/stores/step-up';
import { pageEvents, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/privacy', () => ({
  fetchDeletion: jest.fn(),
  scheduleDeletion: jest.fn(),
  cancelDeletion: jest.fn(),
}));
const fetchMock = jest.mocked(fetchDeletion);
const scheduleMock = jest.mocked(scheduleDeletion);
const cancelMock = jest.mocked(cancelDeletion);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());
const FRESH_CHECK = new ApiError({
  status: 403,
  code: 'ASSURANCE_REQUIRED',
  message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
  required: { level: 'L3', withinSeconds: 300 },
});
const SCHEDULED = {
  status: 'scheduled' as const,
  requestedAt: '2026-11-28T08:00:00.000Z',
  scheduledFor: '2026-12-05T08:00:00.000Z',
};

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
});

describe('注销账号', () => {
  it('when nothing is scheduled, then it explains what is deleted and what is kept, and the cooling-off', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ status: 'none' });

    // Act
    render(<DeletionPage />);

    // Assert
    await shown('deletion-explain');
    expect(text('deletion-explain')).toContain('注销后将删除');
    expect(text('deletion-explain')).toContain('已提交的办件');
    expect(text('deletion-explain')).toContain('7 天冷静期');
  });

  it('when 申请注销 needs a fresh check, then the check opens and, passed, the request goes through by itself', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ status: 'none' });
    scheduleMock.mockRejectedValueOnce(FRESH_CHECK).mockResolvedValueOnce(SCHEDULED);
    render(<DeletionPage />);
    await shown('deletion-schedule');
    fireEvent.click(byId('deletion-schedule'));
    await shown('deletion-dialog-confirm');

    // Act
    await act(async () => fireEvent.click(byId('deletion-dialog-confirm')));
    const checkOpened = taroStub.navigateTo.mock.calls.map((call) => ((call as unknown[])[0] as { url: string }).url);
    noteStepUpPassed(); // the check page, passed
    await act(async () => pageEvents.show()); // back here

    // Assert
    expect(checkOpened).toEqual(['/packages/identity/pages/check/index?within=300']);
    await shown('deletion-scheduled');
    expect(scheduleMock).toHaveBeenCalledTimes(2);
    expect(text('deletion-date')).toContain('2026年12月5日');
  });

  it('when the check page is left without passing, then nothing is requested again', async () => {
    // Arrange
    fetchMock.mockResolvedValue({ status: 'none' });
    scheduleMock.mockRejectedValue(FRESH_CHECK);
    render(<DeletionPage />);
    await shown('deletion-schedule');
    fireEvent.click(byId('deletion-schedule'));
    await shown('deletion-dialog-confirm');
    await act(async () => fireEvent.click(byId('deletion-dialog-confirm')));

    // Act
    await act(async () => pageEvents.show());

    // Assert
    expect(scheduleMock).toHaveBeenCalledTimes(1);
    expect(document.getElementById('deletion-scheduled')).toBeNull();
  });

  it('when a deletion is scheduled, then it shows the date and 撤销注销 cancels it', async () => {
    // Arrange
    fetchMock.mockResolvedValue(SCHEDULED);
    cancelMock.mockResolvedValue();
    render(<DeletionPage />);
    await shown('deletion-scheduled');

    // Act
    await act(async () => fireEvent.click(byId('deletion-cancel')));

    // Assert
    await shown('deletion-explain');
    expect(cancelMock).toHaveBeenCalled();
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已撤销注销' }));
  });

  it('when the status cannot load, then 重试 loads again', async () => {
    // Arrange
    fetchMock
      .mockRejectedValueOnce(
        new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' }),
      )
      .mockResolvedValueOnce({ status: 'none' });
    render(<DeletionPage />);
    await shown('deletion-error');

    // Act
    fireEvent.click(byId('deletion-error-retry'));

    // Assert
    await shown('deletion-explain');
  });
});
