import { act, fireEvent, render, waitFor } from '@testing-library/react';
import RealNamePage from '@/packages/apply/pages/real-name';
import { ApiError } from '@/services/api-error';
import { fetchIdentity, finishFaceCheck, startFaceCheck } from '@/services/identity';
import { authStore, setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/identity', () => ({
  fetchIdentity: jest.fn(),
  verifyIdentity: jest.fn(),
  startFaceCheck: jest.fn(),
  finishFaceCheck: jest.fn(),
}));
const startMock = jest.mocked(startFaceCheck);
const finishMock = jest.mocked(finishFaceCheck);

const SANDBOX = 'http://localhost:8090/';
const ID_NUMBER = '11010519491231002X';

function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  if (!input) throw new Error(`no input #${id}`);
  return input;
}
function type(id: string, value: string): void {
  fireEvent.input(field(id), { target: { value } });
}
function fillPerson(): void {
  type('real-name-name', '张三');
  type('real-name-id', ID_NUMBER);
}

const fetchMock = jest.fn<Promise<{ ok: boolean; status: number }>, [string, RequestInit]>();

beforeEach(() => {
  setAuthenticated(TEST_USER);
  // Once verified, the page shows the masked status.
  jest.mocked(fetchIdentity).mockResolvedValue({ realNameStatus: 'verified', nameMasked: '张*', method: 'face' });
  fetchMock.mockReset();
  fetchMock.mockResolvedValue({ ok: true, status: 204 });
  Object.defineProperty(globalThis, 'fetch', { value: fetchMock, configurable: true, writable: true });
});
afterEach(() => {
  process.env.TARO_APP_SANDBOX_URL = '';
  setAnonymous();
  jest.useRealTimers();
});

describe('real-name page: 刷脸认证 option', () => {
  it('when the H5 build has no sandbox URL (production), then 刷脸认证 is not offered', () => {
    // Arrange / Act
    render(<RealNamePage />);

    // Assert
    expect(byId('real-name-submit')).toBeTruthy();
    expect(document.getElementById('real-name-face')).toBeNull();
  });

  it('when the H5 build has a sandbox URL, then 刷脸认证 is offered', () => {
    // Arrange
    process.env.TARO_APP_SANDBOX_URL = SANDBOX;

    // Act
    render(<RealNamePage />);

    // Assert
    expect(byId('real-name-face').textContent).toContain('刷脸认证');
  });

  it('when the fields are invalid, then 刷脸认证 starts nothing', () => {
    // Arrange
    process.env.TARO_APP_SANDBOX_URL = SANDBOX;
    render(<RealNamePage />);

    // Act
    fireEvent.click(byId('real-name-face'));

    // Assert
    expect(document.getElementById('real-name-name-error')).toBeTruthy();
    expect(startMock).not.toHaveBeenCalled();
  });

  it('when the sandbox stand-in passes, then the account is verified and the page leaves', async () => {
    // Arrange
    process.env.TARO_APP_SANDBOX_URL = SANDBOX;
    startMock.mockResolvedValue({ verifyId: 'v1', expiresInSeconds: 300 });
    finishMock.mockResolvedValue({ realNameStatus: 'verified', method: 'face' });
    render(<RealNamePage />);
    fillPerson();
    await act(async () => fireEvent.click(byId('real-name-face')));
    await waitFor(() => byId('real-name-face-sandbox'));
    expect(byId('real-name-face-sandbox').textContent).toContain('沙箱：模拟刷脸');
    jest.useFakeTimers();

    // Act
    await act(async () => fireEvent.click(byId('real-name-face-pass')));
    await act(async () => {
      jest.advanceTimersByTime(600);
    });

    // Assert
    expect(startMock).toHaveBeenCalledWith({ name: '张三', idNumber: ID_NUMBER });
    expect(fetchMock).toHaveBeenCalledWith(
      'http://localhost:8090/sandbox/wechat/face/v1',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ result: 'pass' }) }),
    );
    expect(finishMock).toHaveBeenCalledWith('v1');
    const state = authStore.get();
    expect(state.status === 'authenticated' ? state.user.realNameStatus : null).toBe('verified');
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '实名认证成功' }));
    expect(taroStub.switchTab).toHaveBeenCalled();
  });

  it('when the result is still pending, then it says 请完成刷脸后再试 and 重试 asks again', async () => {
    // Arrange
    process.env.TARO_APP_SANDBOX_URL = SANDBOX;
    startMock.mockResolvedValue({ verifyId: 'v2', expiresInSeconds: 300 });
    finishMock
      .mockRejectedValueOnce(
        new ApiError({ status: 409, code: 'FACE_CHECK_PENDING', message: '人脸核验尚未完成，请按提示完成后再试' }),
      )
      .mockResolvedValueOnce({ realNameStatus: 'verified', method: 'face' });
    render(<RealNamePage />);
    fillPerson();
    await act(async () => fireEvent.click(byId('real-name-face')));
    await waitFor(() => byId('real-name-face-pass'));

    // Act
    await act(async () => fireEvent.click(byId('real-name-face-pass')));
    await waitFor(() => byId('real-name-face-retry'));
    const message = byId('real-name-error').textContent;
    await act(async () => fireEvent.click(byId('real-name-face-retry')));

    // Assert
    expect(message).toBe('请完成刷脸后再试');
    await waitFor(() => expect(finishMock).toHaveBeenCalledTimes(2));
    await waitFor(() =>
      expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '实名认证成功' })),
    );
  });
});

describe('real-name page: 刷脸认证 on weapp', () => {
  afterEach(() => {
    process.env.TARO_ENV = 'h5';
    Reflect.deleteProperty(globalThis, 'wx');
  });

  it('when the WeChat base library lacks the face API, then 刷脸认证 is not offered', () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';

    // Act
    render(<RealNamePage />);

    // Assert
    expect(document.getElementById('real-name-face')).toBeNull();
  });

  it('when WeChat completes the face check, then the result is asked for and the account is verified', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    const requestFacialVerify = jest.fn((option: { verifyId: string; success: () => void }) => option.success());
    Object.defineProperty(globalThis, 'wx', { value: { requestFacialVerify }, configurable: true });
    startMock.mockResolvedValue({ verifyId: 'w1', expiresInSeconds: 300 });
    finishMock.mockResolvedValue({ realNameStatus: 'verified', method: 'face' });
    render(<RealNamePage />);
    fillPerson();

    // Act
    await act(async () => fireEvent.click(byId('real-name-face')));

    // Assert
    await waitFor(() => expect(finishMock).toHaveBeenCalledWith('w1'));
    expect(requestFacialVerify).toHaveBeenCalledWith(expect.objectContaining({ verifyId: 'w1' }));
    expect(fetchMock).not.toHaveBeenCalled();
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '实名认证成功' }));
  });
});
