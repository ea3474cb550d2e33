import { act, fireEvent, render, waitFor } from '@testing-library/react';
import ResidencePage from '@/packages/wallet/pages/residence';
import ResidenceCardPage from '@/packages/wallet/pages/residence-card';
import { ApiError } from '@/services/api-error';
import { fetchResidence, fetchResidenceCard } from '@/services/residence';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { residenceCard, residenceOverview } from '../fixtures/wallet';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { taroStub } from '../stubs/taro';

jest.mock('@/services/residence', () => ({ fetchResidence: jest.fn(), fetchResidenceCard: jest.fn() }));
const overviewMock = jest.mocked(fetchResidence);
const cardMock = jest.mocked(fetchResidenceCard);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
});

describe('我的居住证', () => {
  it('when the newcomer has no permit yet, then 申领 leads to its form and 签注 says why not', async () => {
    // Arrange
    overviewMock.mockResolvedValue(residenceOverview());
    render(<ResidencePage />);
    await waitFor(() => expect(document.getElementById('residence-actions')).not.toBeNull());

    // Act
    fireEvent.click(byId('residence-action-apply-go'));

    // Assert
    expect(text('residence-no-permit')).toContain('湖南省长沙市芙蓉区');
    expect(text('residence-action-endorse-reason')).toBe('您还没有居住证，请先申领居住证');
    expect(document.getElementById('residence-action-endorse-go')).toBeNull();
    expect(text('residence-registration-0')).toContain('已居住 6 个月');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/apply/pages/form/index?code=11440100MB2C00111001',
    });
  });

  it('when the permit is suspended, then its status and the overdue 签注 window show with the way to the e-card', async () => {
    // Arrange
    overviewMock.mockResolvedValue(
      residenceOverview({
        permit: {
          numberMasked: '4301**********1234',
          issuer: '广州市公安局天河区分局',
          issuedOn: '2025-10-01',
          validUntil: '2028-10-01',
          status: 'suspended',
          statusText: '中止（请签注）',
          endorsements: [],
          endorsedUntil: '2026-10-01',
          endorsementWindow: { anniversary: '2026-10-01', opensOn: '2026-09-01', endorsed: false },
        },
      }),
    );

    // Act
    render(<ResidencePage />);
    await waitFor(() => expect(document.getElementById('residence-permit')).not.toBeNull());

    // Assert
    expect(byId('residence-permit-status').getAttribute('data-state')).toBe('suspended');
    expect(text('residence-permit-endorsement')).toContain('请于2026年9月1日至2026年10月1日办理签注');
    expect(text('residence-endorsements')).toContain('暂无签注记录');
    fireEvent.click(byId('residence-e-card'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/wallet/pages/residence-card/index' });
  });
});

describe('电子居住证', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(2026, 10, 28, 16, 0, 0) });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('when refreshAfterSeconds pass, then the card is fetched again and the new QR shows', async () => {
    // Arrange
    cardMock
      .mockResolvedValueOnce(residenceCard())
      .mockResolvedValueOnce(
        residenceCard({ qr: { payload: 'SJRP1.payload-2', expiresAt: '', refreshAfterSeconds: 60 } }),
      );
    render(<ResidenceCardPage />);
    await flush();
    expect(byId('rcard-qr').getAttribute('data-value')).toBe('SJRP1.payload-1');

    // Act
    await act(async () => {
      jest.advanceTimersByTime(60_000);
    });
    await flush();

    // Assert
    expect(cardMock).toHaveBeenCalledTimes(2);
    expect(byId('rcard-qr').getAttribute('data-value')).toBe('SJRP1.payload-2');
    expect(text('rcard-name')).toBe('姓名李小红');
    expect(text('rcard-clock')).toBe('2026-11-28 16:01:00');
  });

  it('when the permit is suspended, then no QR shows, nothing refreshes, and it leads to 我的居住证', async () => {
    // Arrange
    cardMock.mockResolvedValue(residenceCard({ status: 'suspended', statusText: '中止（请签注）', qr: undefined }));
    render(<ResidenceCardPage />);
    await flush();

    // Act
    await act(async () => {
      jest.advanceTimersByTime(120_000);
    });
    await flush();

    // Assert
    expect(document.getElementById('rcard-qr')).toBeNull();
    expect(text('rcard-no-qr')).toContain('办理签注后即可恢复使用');
    expect(cardMock).toHaveBeenCalledTimes(1);
    fireEvent.click(byId('rcard-residence'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/wallet/pages/residence/index' });
  });

  it('when the person holds no permit, then it says so and leads to 我的居住证', async () => {
    // Arrange
    cardMock.mockRejectedValue(
      new ApiError({ status: 404, code: 'RESIDENCE_PERMIT_NOT_FOUND', message: '未查询到您的有效居住证' }),
    );

    // Act
    render(<ResidenceCardPage />);
    await flush();

    // Assert
    expect(text('rcard-not-found')).toContain('您还没有居住证');
    expect(document.getElementById('rcard-apply')).not.toBeNull();
  });
});
