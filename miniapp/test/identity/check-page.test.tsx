import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { IdentityCheckOutcome, IdentityCheckStart, IdentityStatus } from '@suijing/shared';
import InPersonCheckPage from '@/packages/identity/pages/check';
import { ApiError } from '@/services/api-error';
import { completeInPersonCheck, fetchIdentity, linkWechat, startInPersonCheck } from '@/services/identity';
import { authStore, setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { stepUpPassesStore } from '@/stores/step-up';
import { routerStub, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/identity', () => ({
  fetchIdentity: jest.fn(),
  startInPersonCheck: jest.fn(),
  completeInPersonCheck: jest.fn(),
  linkWechat: jest.fn(),
}));
const identityMock = jest.mocked(fetchIdentity);
const startMock = jest.mocked(startInPersonCheck);
const completeMock = jest.mocked(completeInPersonCheck);
const linkMock = jest.mocked(linkWechat);

const NEXT = '/packages/vehicles/pages/list/index';
const VERIFIED: IdentityStatus = {
  realNameStatus: 'verified',
  nameMasked: '张*',
  idNumberMasked: '1101**********002X',
  method: 'register',
  inPerson: null,
};
const IN_PERSON = { at: '2026-11-28T08:00:00.000Z', method: 'ctid' as const, validUntil: '2099-12-28T08:00:00.000Z' };
const CTID_START: IdentityCheckStart = {
  checkId: 'chk-0000000001',
  channel: 'ctid',
  expiresInSeconds: 300,
  ctid: { authUrl: 'http://localhost:8090/sandbox/ctid/authorize/abc', qrContent: 'ctid://auth/abc' },
};
const PASSED: IdentityCheckOutcome = { identity: { ...VERIFIED, inPerson: IN_PERSON }, movedFromAnotherAccount: false };

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());
function type(id: string, value: string): void {
  const el = document.getElementById(id);
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  if (!input) throw new Error(`no input #${id}`);
  fireEvent.input(input, { target: { value } });
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
  routerStub.params = { next: encodeURIComponent(NEXT), within: '2592000' };
  identityMock.mockResolvedValue(VERIFIED);
});
afterEach(() => {
  setAnonymous();
  jest.useRealTimers();
  process.env.TARO_ENV = 'h5';
  Reflect.deleteProperty(globalThis, 'wx');
});

describe('本人认证 page: 网证 in the browser', () => {
  it('when the 网证 authorisation is done, then 我已完成认证 passes, the session holds L3 and the page goes back to where it came from', async () => {
    // Arrange
    startMock.mockResolvedValue(CTID_START);
    completeMock
      .mockRejectedValueOnce(
        new ApiError({ status: 409, code: 'FACE_CHECK_PENDING', message: '人脸核验尚未完成，请按提示完成后再试' }),
      )
      .mockResolvedValueOnce(PASSED);
    render(<InPersonCheckPage />);
    await shown('check-subject');
    expect(text('check-subject')).toContain('1101**********002X');

    // Act
    await act(async () => fireEvent.click(byId('check-start')));
    await shown('check-ctid');
    const link = byId('check-ctid-open');
    const qr = byId('check-ctid-qr');
    await act(async () => fireEvent.click(byId('check-complete')));
    const pendingMessage = text('check-error');
    jest.useFakeTimers();
    await act(async () => fireEvent.click(byId('check-complete')));
    await act(async () => {
      jest.advanceTimersByTime(600);
    });

    // Assert
    expect(startMock).toHaveBeenCalledWith({ channel: 'ctid' });
    expect(link.getAttribute('href')).toBe(CTID_START.ctid?.authUrl);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(qr.getAttribute('data-value')).toBe('ctid://auth/abc');
    expect(pendingMessage).toBe('人脸核验尚未完成，请按提示完成后再试');
    expect(completeMock).toHaveBeenCalledWith('chk-0000000001');
    const state = authStore.get();
    expect(state.status === 'authenticated' ? state.user.assurance : null).toEqual({
      level: 'L3',
      inPersonAt: IN_PERSON.at,
    });
    expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: NEXT });
  });

  it('when the person is not the one on the ID card, then it says so and offers a new check, not a retry of the old one', async () => {
    // Arrange
    startMock.mockResolvedValue(CTID_START);
    completeMock.mockRejectedValue(
      new ApiError({ status: 400, code: 'FACE_NOT_SAME_PERSON', message: '人脸与身份证照片不是同一人，须由本人操作' }),
    );
    render(<InPersonCheckPage />);
    await shown('check-start');
    await act(async () => fireEvent.click(byId('check-start')));
    await shown('check-complete');

    // Act
    await act(async () => fireEvent.click(byId('check-complete')));

    // Assert
    expect(text('check-error')).toBe('人脸与身份证照片不是同一人，须由本人操作');
    expect(document.getElementById('check-complete')).toBeNull();
    expect(text('check-start')).toBe('重新认证');
    expect(taroStub.redirectTo).not.toHaveBeenCalled();
  });

  it('when today’s tries are used up, then it says so and offers nothing to tap', async () => {
    // Arrange
    startMock.mockRejectedValue(
      new ApiError({
        status: 429,
        code: 'IN_PERSON_TOO_MANY_TRIES',
        message: '今日刷脸认证次数已达上限（每天 3 次），请明天再试',
      }),
    );
    render(<InPersonCheckPage />);
    await shown('check-start');

    // Act
    await act(async () => fireEvent.click(byId('check-start')));

    // Assert
    expect(text('check-error')).toContain('每天 3 次');
    expect(byId('check-start').hasAttribute('disabled') || byId('check-start').className.includes('disabled')).toBe(
      true,
    );
  });

  it('when the account has no identity yet, then the check is for the typed name and ID number', async () => {
    // Arrange
    setAuthenticated(TEST_USER);
    identityMock.mockResolvedValue({ realNameStatus: 'unverified', inPerson: null });
    startMock.mockResolvedValue(CTID_START);
    render(<InPersonCheckPage />);
    await shown('check-unverified');

    // Act
    await act(async () => fireEvent.click(byId('check-start')));
    const startedWithoutFields = startMock.mock.calls.length;
    type('check-name', '张三');
    type('check-id', '11010519491231002X');
    await act(async () => fireEvent.click(byId('check-start')));

    // Assert
    expect(startedWithoutFields).toBe(0);
    expect(document.getElementById('check-name-error')).toBeNull();
    expect(startMock).toHaveBeenCalledWith({ channel: 'ctid', name: '张三', idNumber: '11010519491231002X' });
  });

  it('when the check moved the identity here from another account, then it says so before going on', async () => {
    // Arrange
    startMock.mockResolvedValue(CTID_START);
    completeMock.mockResolvedValue({ ...PASSED, movedFromAnotherAccount: true });
    const passesBefore = stepUpPassesStore.get();
    render(<InPersonCheckPage />);
    await shown('check-start');
    await act(async () => fireEvent.click(byId('check-start')));
    await shown('check-complete');

    // Act
    await act(async () => fireEvent.click(byId('check-complete')));
    const notice = text('check-moved');
    fireEvent.click(byId('check-continue'));

    // Assert
    expect(notice).toContain('原账号已在所有设备上退出登录');
    expect(stepUpPassesStore.get()).toBe(passesBefore + 1);
    expect(taroStub.redirectTo).toHaveBeenCalledWith({ url: NEXT });
  });
});

describe('本人认证 page: WeChat face check', () => {
  it('when an SMS account has no WeChat linked, then 关联微信 links it and the face check runs', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    const requestFacialVerify = jest.fn((option: { verifyId: string; success: () => void }) => option.success());
    Object.defineProperty(globalThis, 'wx', { value: { requestFacialVerify }, configurable: true });
    startMock
      .mockRejectedValueOnce(
        new ApiError({
          status: 409,
          code: 'WECHAT_OPENID_REQUIRED',
          message: '刷脸认证需要关联微信，请先点击“关联微信”后再试',
        }),
      )
      .mockResolvedValueOnce({
        checkId: 'chk-0000000002',
        channel: 'wechat-face',
        expiresInSeconds: 300,
        wechat: { verifyId: 'vid-1' },
      });
    linkMock.mockResolvedValue();
    completeMock.mockResolvedValue(PASSED);
    render(<InPersonCheckPage />);
    await shown('check-start');
    await act(async () => fireEvent.click(byId('check-start')));
    await shown('check-link-wechat');

    // Act
    await act(async () => fireEvent.click(byId('check-link-wechat')));

    // Assert
    await waitFor(() => expect(completeMock).toHaveBeenCalledWith('chk-0000000002'));
    expect(linkMock).toHaveBeenCalled();
    expect(startMock).toHaveBeenLastCalledWith({ channel: 'wechat-face' });
    expect(requestFacialVerify).toHaveBeenCalledWith(expect.objectContaining({ verifyId: 'vid-1' }));
  });

  it('when the person closes the camera, then it says the check was cancelled, not that it is pending', async () => {
    // Arrange
    process.env.TARO_ENV = 'weapp';
    const requestFacialVerify = jest.fn((option: { fail: (e: { errMsg: string }) => void }) =>
      option.fail({ errMsg: 'requestFacialVerify:fail cancel' }),
    );
    Object.defineProperty(globalThis, 'wx', { value: { requestFacialVerify }, configurable: true });
    startMock.mockResolvedValue({
      checkId: 'chk-0000000003',
      channel: 'wechat-face',
      expiresInSeconds: 300,
      wechat: { verifyId: 'vid-2' },
    });
    completeMock.mockRejectedValue(
      new ApiError({ status: 409, code: 'FACE_CHECK_PENDING', message: '人脸核验尚未完成，请按提示完成后再试' }),
    );
    render(<InPersonCheckPage />);
    await shown('check-start');

    // Act
    await act(async () => fireEvent.click(byId('check-start')));

    // Assert
    await waitFor(() => expect(text('check-error')).toBe('您已取消认证，如需继续请重新发起'));
    expect(text('check-start')).toBe('重新认证');
  });
});
