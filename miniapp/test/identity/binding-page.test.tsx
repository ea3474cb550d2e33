import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { BindingHistory, IdentityStatus } from '@suijing/shared';
import BindingPage from '@/packages/identity/pages/binding';
import RevealPage from '@/packages/identity/pages/reveal';
import { ApiError } from '@/services/api-error';
import { fetchBindingHistory, fetchIdentity, revealIdentity, unbindIdentity } from '@/services/identity';
import { getTokens, resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { authStore, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { sessionNoticeStore, setSessionNotice } from '@/stores/session-notice';
import { taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/identity', () => ({
  fetchIdentity: jest.fn(),
  fetchBindingHistory: jest.fn(),
  unbindIdentity: jest.fn(),
  revealIdentity: jest.fn(),
}));

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

const VERIFIED: IdentityStatus = {
  realNameStatus: 'verified',
  nameMasked: '张*',
  idNumberMasked: '1101**********002X',
  method: 'register',
  verifiedAt: '2026-11-01T02:00:00.000Z',
  inPerson: null,
};
const HISTORY: BindingHistory = {
  items: [
    {
      kind: 'moved-in',
      at: '2026-11-28T08:00:00.000Z',
      method: 'ctid',
      account: '139****5678',
      thisAccount: true,
      device: { platform: 'h5', model: 'Android 手机 Chrome' },
    },
    {
      kind: 'moved-out',
      at: '2026-11-28T08:00:00.000Z',
      method: 'ctid',
      account: '138****1234',
      thisAccount: false,
      device: { platform: 'weapp', model: 'iPhone 15' },
    },
  ],
};

beforeEach(() => {
  privacyStore.set('granted');
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
  setSessionNotice(null);
  setAuthenticated({
    ...TEST_USER,
    realNameStatus: 'verified',
    assurance: { level: 'L3', inPersonAt: '2026-11-28T08:00:00.000Z' },
  });
  jest.mocked(fetchIdentity).mockResolvedValue(VERIFIED);
  jest.mocked(fetchBindingHistory).mockResolvedValue(HISTORY);
});

describe('实名与绑定', () => {
  it('when it loads, then the identity shows masked with the level, and the history newest first', async () => {
    // Arrange / Act
    render(<BindingPage />);

    // Assert
    await shown('binding-status');
    expect(text('binding-id-number')).toBe('1101**********002X');
    expect(text('binding-level')).toContain('已刷脸认证');
    expect(text('binding-event-0')).toContain('刷脸换绑到此账号');
    expect(text('binding-event-0')).toContain('本账号');
    expect(text('binding-event-1')).toContain('138****1234');
    expect(text('binding-event-1')).toContain('iPhone 15 · 微信小程序');
  });

  it('when 查看完整号码 is tapped, then the one screen that shows it opens', async () => {
    // Arrange
    render(<BindingPage />);
    await shown('binding-reveal');

    // Act
    fireEvent.click(byId('binding-reveal'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/identity/pages/reveal/index' });
  });

  it('when 解除绑定 is confirmed and done, then this device is logged out and the login page says why', async () => {
    // Arrange
    jest.mocked(unbindIdentity).mockResolvedValue();
    render(<BindingPage />);
    await shown('binding-unbind');
    fireEvent.click(byId('binding-unbind'));
    await shown('binding-unbind-dialog-confirm');

    // Act
    await act(async () => fireEvent.click(byId('binding-unbind-dialog-confirm')));

    // Assert
    expect(unbindIdentity).toHaveBeenCalled();
    expect(getTokens()).toBeNull();
    expect(authStore.get().status).toBe('anonymous');
    expect(sessionNoticeStore.get()?.code).toBe('IDENTITY_UNBOUND');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' });
  });

  it('when the account is not 实名, then it offers 实名认证 instead', async () => {
    // Arrange
    jest.mocked(fetchIdentity).mockResolvedValue({ realNameStatus: 'unverified', inPerson: null });

    // Act
    render(<BindingPage />);

    // Assert
    await shown('binding-go-real-name');
  });
});

describe('完整身份信息', () => {
  it('when the fresh check is missing, then it leads to the check and back to this screen', async () => {
    // Arrange
    jest.mocked(revealIdentity).mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
        required: { level: 'L3', withinSeconds: 300 },
      }),
    );
    render(<RevealPage />);
    await shown('reveal-in-person');

    // Act
    fireEvent.click(byId('reveal-go-in-person'));

    // Assert
    expect(document.getElementById('reveal-id-number')).toBeNull();
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/identity/pages/check/index?next=${encodeURIComponent('/packages/identity/pages/reveal/index')}&within=300`,
    });
  });

  it('when the check is fresh, then the full name and number show, grouped for reading', async () => {
    // Arrange
    jest.mocked(revealIdentity).mockResolvedValue({ name: '张三', idNumber: '11010519491231002X' });

    // Act
    render(<RevealPage />);

    // Assert
    await shown('reveal-id-number');
    expect(text('reveal-name')).toBe('张三');
    expect(text('reveal-id-number')).toBe('110105 19491231 002X');
  });
});
