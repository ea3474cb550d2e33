import { fireEvent, render, waitFor } from '@testing-library/react';
import WalletPage from '@/packages/wallet/pages/index';
import WalletItemPage from '@/packages/wallet/pages/item';
import SharePage from '@/packages/wallet/pages/share';
import SharesPage from '@/packages/wallet/pages/shares';
import VerifyPage from '@/packages/wallet/pages/verify';
import { ApiError } from '@/services/api-error';
import { createShare, fetchWallet, fetchWalletItem, listShares, revokeShare, verifyShare } from '@/services/wallet';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { share, shareCreated, verifyResult, wallet, walletItem } from '../fixtures/wallet';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { routerStub, taroStub } from '../stubs/taro';

jest.mock('@/services/wallet', () => ({
  fetchWallet: jest.fn(),
  fetchWalletItem: jest.fn(),
  createShare: jest.fn(),
  listShares: jest.fn(),
  revokeShare: jest.fn(),
  verifyShare: jest.fn(),
}));
const walletMock = jest.mocked(fetchWallet);
const itemMock = jest.mocked(fetchWalletItem);
const createMock = jest.mocked(createShare);
const sharesMock = jest.mocked(listShares);
const revokeMock = jest.mocked(revokeShare);
const verifyMock = jest.mocked(verifyShare);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

function typeVerifier(value: string): void {
  const host = byId('verify-verifier');
  const input = host instanceof HTMLInputElement ? host : host.querySelector('input');
  if (!input) throw new Error('no input #verify-verifier');
  fireEvent.input(input, { target: { value } });
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
  routerStub.params = {};
});

describe('证照夹', () => {
  it('when logged out, then it asks to log in and loads nothing', () => {
    // Arrange
    setAnonymous();

    // Act
    render(<WalletPage />);

    // Assert
    expect(document.getElementById('login-prompt')).not.toBeNull();
    expect(walletMock).not.toHaveBeenCalled();
  });

  it('when the wallet loads with the traffic system down, then items show grouped with their status and the missing source is named', async () => {
    // Arrange
    walletMock.mockResolvedValue(wallet({ unavailable: [{ source: 'traffic', sourceName: '车驾管系统' }] }));

    // Act
    render(<WalletPage />);
    await shown('wallet-list');

    // Assert
    expect(text('wallet-list')).toContain('居住证');
    expect(text('wallet-list')).toContain('电子证照');
    expect(text('wallet-item-wi_residence000000001-status')).toBe('有效');
    expect(text('wallet-item-wi_hkb00000000000001')).toContain('长期');
    expect(text('wallet-unavailable')).toContain('车驾管系统暂时无法访问');
  });

  it('when a certificate is tapped, then its details open by its opaque id', async () => {
    // Arrange
    walletMock.mockResolvedValue(wallet());
    render(<WalletPage />);
    await shown('wallet-list');

    // Act
    fireEvent.click(byId('wallet-item-wi_residence000000001'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/wallet/pages/item/index?id=wi_residence000000001',
    });
  });

  it('when loading fails, then the reason and 重试 show, and 重试 loads again', async () => {
    // Arrange
    walletMock
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '系统暂时无法访问' }))
      .mockResolvedValueOnce(wallet());
    render(<WalletPage />);
    await shown('wallet-error');

    // Act
    fireEvent.click(byId('wallet-error-retry'));

    // Assert
    await shown('wallet-list');
    expect(walletMock).toHaveBeenCalledTimes(2);
  });
});

describe('证照详情', () => {
  it('when an expired certificate is opened, then 出示 is off and says why', async () => {
    // Arrange
    routerStub.params = { id: 'wi_residence000000001' };
    itemMock.mockResolvedValue(walletItem({ status: 'expired', statusText: '已过期' }));

    // Act
    render(<WalletItemPage />);
    await shown('item-card');

    // Assert
    expect(itemMock).toHaveBeenCalledWith('wi_residence000000001');
    expect(text('item-not-showable')).toContain('已过期');
    expect(byId('item-share').hasAttribute('disabled') || byId('item-share').className.includes('disabled')).toBe(true);
  });

  it('when the item is not found, then it says so plainly', async () => {
    // Arrange
    routerStub.params = { id: 'wi_gone0000000000001' };
    itemMock.mockRejectedValue(new ApiError({ status: 404, code: 'WALLET_ITEM_NOT_FOUND', message: '未找到该证照' }));

    // Act
    render(<WalletItemPage />);

    // Assert
    await shown('item-not-found');
  });
});

describe('出示证照', () => {
  it('when 生成 is tapped with nothing ticked, then it asks for a field and a purpose and sends nothing', async () => {
    // Arrange
    routerStub.params = { id: 'wi_residence000000001' };
    itemMock.mockResolvedValue(walletItem());
    render(<SharePage />);
    await shown('share-form');

    // Act
    fireEvent.click(byId('share-submit'));

    // Assert
    expect(text('field-fields-error')).toContain('请至少勾选一项');
    expect(text('field-purpose-error')).toContain('请选择出示用途');
    expect(createMock).not.toHaveBeenCalled();
  });

  it('when name and 持有有效居住证 are ticked for 租房, then exactly those are sent and the QR of the link shows', async () => {
    // Arrange
    routerStub.params = { id: 'wi_residence000000001' };
    itemMock.mockResolvedValue(walletItem());
    createMock.mockResolvedValue(shareCreated({ expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() }));
    render(<SharePage />);
    await shown('share-form');

    // Act
    fireEvent.click(byId('field-fields-option-permitValid'));
    fireEvent.click(byId('field-fields-option-name'));
    fireEvent.click(byId('field-purpose-option-租房'));
    fireEvent.click(byId('share-submit'));

    // Assert
    await shown('share-result');
    expect(createMock).toHaveBeenCalledWith(
      { itemId: 'wi_residence000000001', fields: ['name', 'permitValid'], minutes: 30, purpose: '租房' },
      expect.stringMatching(/^[A-Za-z0-9]{32}$/),
    );
    expect(byId('share-qr').getAttribute('data-value')).toBe(shareCreated().url);
    expect(text('share-countdown')).toMatch(/^剩余 (29:5\d|30:00)$/);
    expect(text('share-shown')).toContain('持有有效居住证');
  });

  it('when the link needs a fresh 本人认证, then the check opens instead of an error', async () => {
    // Arrange
    routerStub.params = { id: 'wi_residence000000001' };
    itemMock.mockResolvedValue(walletItem());
    createMock.mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '此操作需要本人刷脸确认',
        required: { level: 'L3', withinSeconds: 300 },
      }),
    );
    render(<SharePage />);
    await shown('share-form');

    // Act
    fireEvent.click(byId('field-fields-option-permitValid'));
    fireEvent.click(byId('field-purpose-option-入职'));
    fireEvent.click(byId('share-submit'));

    // Assert
    await waitFor(() =>
      expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/identity/pages/check/index?within=300' }),
    );
    expect(document.getElementById('share-error')).toBeNull();
  });
});

describe('出示记录', () => {
  it('when the list loads, then each share shows its state and who checked it, and 撤销 revokes after confirming', async () => {
    // Arrange
    sharesMock.mockResolvedValueOnce({ items: [share()] }).mockResolvedValueOnce({
      items: [share({ state: 'revoked', revokedAt: '2026-11-28T08:10:00.000Z' })],
    });
    revokeMock.mockResolvedValue(undefined);
    render(<SharesPage />);
    await shown('shares-list');
    expect(text('share-sh_0000000000000001-uses')).toContain('房东张先生');

    // Act
    fireEvent.click(byId('share-sh_0000000000000001-revoke'));
    fireEvent.click(byId('shares-revoke-dialog-confirm'));

    // Assert
    await waitFor(() => expect(text('share-sh_0000000000000001-state')).toBe('已撤销'));
    expect(revokeMock).toHaveBeenCalledWith(expect.objectContaining({ shareId: 'sh_0000000000000001' }));
    expect(document.getElementById('share-sh_0000000000000001-revoke')).toBeNull();
  });
});

describe('证照核验 (public)', () => {
  it('when opened without a token, then it says the link is incomplete', () => {
    // Act
    render(<VerifyPage />);

    // Assert
    expect(document.getElementById('verify-no-token')).not.toBeNull();
  });

  it('when opened logged out and checked, then exactly the allowed fields show with their values', async () => {
    // Arrange
    setAnonymous();
    routerStub.params = { t: 'tok' };
    verifyMock.mockResolvedValue(verifyResult());
    render(<VerifyPage />);

    // Act
    typeVerifier('房东张先生');
    fireEvent.click(byId('verify-submit'));

    // Assert
    await shown('verify-result');
    expect(verifyMock).toHaveBeenCalledWith({ token: 'tok', verifierName: '房东张先生' });
    expect(byId('verify-result').getAttribute('data-result')).toBe('valid');
    expect([...byId('verify-fields').children].map((el) => el.id)).toEqual([
      'verify-field-name',
      'verify-field-permitValid',
    ]);
    expect(text('verify-field-permitValid-value')).toBe('是');
  });

  it('when the link was revoked, then the reason shows and no field does', async () => {
    // Arrange
    routerStub.params = { t: 'tok' };
    verifyMock.mockResolvedValue(
      verifyResult({
        result: 'revoked',
        resultText: '持证人已撤销本次出示',
        fields: undefined,
        credentialName: undefined,
      }),
    );
    render(<VerifyPage />);

    // Act
    typeVerifier('某某公司人事部');
    fireEvent.click(byId('verify-submit'));

    // Assert
    await shown('verify-result');
    expect(text('verify-result-text')).toBe('持证人已撤销本次出示');
    expect(document.getElementById('verify-fields')).toBeNull();
  });
});
