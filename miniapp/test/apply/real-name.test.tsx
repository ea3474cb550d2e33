import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { IdentityCheckStart, IdentityStatus } from '@suijing/shared';
import RealNamePage from '@/packages/apply/pages/real-name';
import { ApiError } from '@/services/api-error';
import { completeInPersonCheck, fetchIdentity, startInPersonCheck, verifyIdentity } from '@/services/identity';
import { authStore, setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { routerStub, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/identity', () => ({
  fetchIdentity: jest.fn(),
  verifyIdentity: jest.fn(),
  startInPersonCheck: jest.fn(),
  completeInPersonCheck: jest.fn(),
  linkWechat: jest.fn(),
}));
const verifyMock = jest.mocked(verifyIdentity);
const startMock = jest.mocked(startInPersonCheck);
const completeMock = jest.mocked(completeInPersonCheck);

const ID_NUMBER = '11010519491231002X';
const NEXT = '/packages/vehicles/pages/list/index';
const VERIFIED: IdentityStatus = {
  realNameStatus: 'verified',
  nameMasked: '张*',
  idNumberMasked: '1101**********002X',
  method: 'register',
  inPerson: null,
};
const CTID_START: IdentityCheckStart = {
  checkId: 'chk-0000000009',
  channel: 'ctid',
  expiresInSeconds: 300,
  ctid: { authUrl: 'http://localhost:8090/sandbox/ctid/authorize/x', qrContent: 'ctid://auth/x' },
};

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());
function type(id: string, value: string): void {
  const el = document.getElementById(id);
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  if (!input) throw new Error(`no input #${id}`);
  fireEvent.input(input, { target: { value } });
}
function fillPerson(): void {
  type('real-name-name', '张三');
  type('real-name-id', ID_NUMBER);
}
const user = () => {
  const state = authStore.get();
  return state.status === 'authenticated' ? state.user : null;
};

beforeEach(() => {
  setAuthenticated(TEST_USER);
  routerStub.params = { next: encodeURIComponent(NEXT) };
  jest.mocked(fetchIdentity).mockResolvedValue(VERIFIED);
});
afterEach(() => {
  setAnonymous();
  jest.useRealTimers();
});

describe('实名认证 page', () => {
  it('when name and ID number match the register, then the account is 实名 (L2) and the page goes on to next', async () => {
    // Arrange
    verifyMock.mockResolvedValue(VERIFIED);
    render(<RealNamePage />);
    fillPerson();
    jest.useFakeTimers();

    // Act
    await act(async () => fireEvent.click(byId('real-name-submit')));
    await act(async () => {
      jest.advanceTimersByTime(600);
    });

    // Assert
    expect(verifyMock).toHaveBeenCalledWith({ name: '张三', idNumber: ID_NUMBER });
    expect(user()?.assurance).toEqual({ level: 'L2', inPersonAt: null });
    expect(taroStub.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '实名认证成功' }));
    expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: NEXT });
    await shown('real-name-verified');
  });

  it('when the fields are invalid, then neither 实名 nor 网证 starts', () => {
    // Arrange
    render(<RealNamePage />);

    // Act
    fireEvent.click(byId('real-name-submit'));
    fireEvent.click(byId('real-name-check-start'));

    // Assert
    expect(text('real-name-name-error')).toBe('请填写姓名');
    expect(verifyMock).not.toHaveBeenCalled();
    expect(startMock).not.toHaveBeenCalled();
  });

  it('when the identity is bound to another account, then it explains and 刷脸换绑 moves it here after a check', async () => {
    // Arrange
    verifyMock.mockRejectedValue(
      new ApiError({
        status: 409,
        code: 'IDENTITY_BOUND_ELSEWHERE',
        message: '该身份已绑定其他账号。如是您本人，请通过“刷脸换绑”将身份绑定到当前账号',
      }),
    );
    startMock.mockResolvedValue(CTID_START);
    completeMock.mockResolvedValue({
      identity: {
        ...VERIFIED,
        inPerson: { at: '2026-11-28T08:00:00.000Z', method: 'ctid', validUntil: '2099-01-01T00:00:00.000Z' },
      },
      movedFromAnotherAccount: true,
    });
    render(<RealNamePage />);
    fillPerson();
    await act(async () => fireEvent.click(byId('real-name-submit')));
    await shown('real-name-bound-elsewhere');
    const explanation = text('real-name-bound-elsewhere');

    // Act
    await act(async () => fireEvent.click(byId('real-name-takeover-start')));
    await act(async () => fireEvent.click(byId('real-name-takeover-complete')));
    await shown('real-name-moved');
    const moved = text('real-name-moved');
    fireEvent.click(byId('real-name-continue'));

    // Assert
    expect(explanation).toContain('原账号将立即在所有设备上退出登录');
    expect(startMock).toHaveBeenCalledWith({ channel: 'ctid', name: '张三', idNumber: ID_NUMBER });
    expect(moved).toContain('实名身份已换绑到当前账号');
    expect(user()?.realNameStatus).toBe('verified');
    expect(user()?.assurance.level).toBe('L3');
    expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: NEXT });
    await shown('real-name-verified');
  });

  it('when today’s 实名 tries are used up, then the submit button says so and is off', async () => {
    // Arrange
    verifyMock.mockRejectedValue(
      new ApiError({
        status: 429,
        code: 'IDENTITY_TOO_MANY_TRIES',
        message: '今日实名认证尝试次数已达上限，请明天再试',
      }),
    );
    render(<RealNamePage />);
    fillPerson();

    // Act
    await act(async () => fireEvent.click(byId('real-name-submit')));

    // Assert
    expect(text('real-name-error')).toBe('今日实名认证尝试次数已达上限，请明天再试');
    expect(text('real-name-submit')).toBe('今日已无法再试');
  });

  it('when the account is 实名 but this session has no 本人认证, then the page offers it', async () => {
    // Arrange
    setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });

    // Act
    render(<RealNamePage />);

    // Assert
    await shown('real-name-verified');
    expect(text('real-name-verified')).toContain('1101**********002X');
    expect(text('real-name-level')).toBe('已实名');
    expect(text('real-name-check-start')).toBe('开始网证认证');
  });

  it('when the session already holds 本人认证, then the page only shows the status', async () => {
    // Arrange
    setAuthenticated({
      ...TEST_USER,
      realNameStatus: 'verified',
      assurance: { level: 'L3', inPersonAt: '2026-11-28T08:00:00.000Z' },
    });

    // Act
    render(<RealNamePage />);

    // Assert
    await shown('real-name-verified');
    expect(text('real-name-level')).toContain('已刷脸认证');
    expect(document.getElementById('real-name-in-person')).toBeNull();
  });
});
