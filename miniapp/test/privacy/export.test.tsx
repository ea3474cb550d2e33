import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ExportPage from '@/packages/privacy/pages/export';
import { ApiError } from '@/services/api-error';
import { downloadPersonalData } from '@/services/privacy';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { noteStepUpPassed } from '@/stores/step-up';
import { pageEvents, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/privacy', () => ({ downloadPersonalData: jest.fn() }));
const downloadMock = jest.mocked(downloadPersonalData);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
});

describe('下载个人信息副本', () => {
  it('when the download needs a fresh check, then the check opens and, passed, the file downloads by itself', async () => {
    // Arrange
    downloadMock
      .mockRejectedValueOnce(
        new ApiError({
          status: 403,
          code: 'ASSURANCE_REQUIRED',
          message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
          required: { level: 'L3', withinSeconds: 300 },
        }),
      )
      .mockResolvedValueOnce({ kind: 'downloaded', fileName: '穗警通个人信息副本-20261128.json' });
    render(<ExportPage />);

    // Act
    await act(async () => fireEvent.click(byId('export-download')));
    noteStepUpPassed();
    await act(async () => pageEvents.show());

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/identity/pages/check/index?within=300' });
    await shown('export-done');
    expect(text('export-done')).toContain('穗警通个人信息副本-20261128.json');
  });

  it('when the download fails otherwise, then the reason shows and the button retries', async () => {
    // Arrange
    downloadMock.mockRejectedValue(
      new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' }),
    );
    render(<ExportPage />);

    // Act
    await act(async () => fireEvent.click(byId('export-download')));

    // Assert
    expect(text('export-error')).toBe('网络连接失败，请检查网络后重试');
    expect(text('export-download')).toBe('重试');
    expect(taroStub.navigateTo).not.toHaveBeenCalled();
  });
});
