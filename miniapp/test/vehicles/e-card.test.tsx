import { act, fireEvent, render } from '@testing-library/react';
import ELicenceCardPage from '@/packages/vehicles/pages/e-card';
import { RETRY_AFTER_SECONDS } from '@/packages/vehicles/pages/e-card/useRefreshingCard';
import { ApiError } from '@/services/api-error';
import { fetchELicenceCard } from '@/services/traffic';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { eCard } from '../fixtures/traffic';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';
import { taroStub } from '../stubs/taro';

jest.mock('@/services/traffic', () => ({ fetchELicenceCard: jest.fn() }));
const cardMock = jest.mocked(fetchELicenceCard);

const qrValue = (): string | null => byId('ecard-qr').getAttribute('data-value');
const text = (id: string): string => document.getElementById(id)?.textContent ?? '';

/** Lets resolved fetches reach React (fake timers do not run promise callbacks by themselves). */
async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

async function advance(ms: number): Promise<void> {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
  await flush();
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date(2026, 10, 28, 16, 0, 0) });
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
});

afterEach(() => {
  jest.useRealTimers();
});

describe('电子驾驶证', () => {
  it('when refreshAfterSeconds pass, then the card is fetched again and the new QR payload shows', async () => {
    // Arrange
    cardMock
      .mockResolvedValueOnce(eCard())
      .mockResolvedValueOnce(eCard({ qr: { payload: 'payload-2', expiresAt: '', refreshAfterSeconds: 60 } }));
    render(<ELicenceCardPage />);
    await flush();
    expect(qrValue()).toBe('payload-1');

    // Act
    await advance(59_000);
    const before = cardMock.mock.calls.length;
    await advance(1_000);

    // Assert
    expect(before).toBe(1);
    expect(cardMock).toHaveBeenCalledTimes(2);
    expect(qrValue()).toBe('payload-2');
    expect(text('ecard-name')).toContain('张三');
    expect(text('ecard-generated')).toContain('生成时间');
  });

  it('when a refresh fails, then the previous card stays, the failure shows and it retries soon', async () => {
    // Arrange
    cardMock
      .mockResolvedValueOnce(eCard())
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '系统暂时无法访问' }))
      .mockResolvedValueOnce(eCard({ qr: { payload: 'payload-3', expiresAt: '', refreshAfterSeconds: 60 } }));
    render(<ELicenceCardPage />);
    await flush();

    // Act
    await advance(60_000);

    // Assert
    expect(qrValue()).toBe('payload-1');
    expect(text('ecard-refresh-error')).toContain('系统暂时无法访问');
    await advance(RETRY_AFTER_SECONDS * 1000);
    expect(cardMock).toHaveBeenCalledTimes(3);
    expect(qrValue()).toBe('payload-3');
    expect(document.getElementById('ecard-refresh-error')).toBeNull();
  });

  it('when the QR needs a fresh 本人认证 again (5 minutes passed), then refreshing stops and it asks for the check, coming back here', async () => {
    // Arrange
    cardMock.mockResolvedValueOnce(eCard()).mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）',
        required: { level: 'L3', withinSeconds: 300 },
      }),
    );
    render(<ELicenceCardPage />);
    await flush();

    // Act
    await advance(60_000);
    await advance(120_000);
    fireEvent.click(byId('ecard-go-in-person'));

    // Assert
    expect(document.getElementById('ecard-qr')).toBeNull();
    expect(text('ecard-qr-step-up')).toContain('此操作需要本人刷脸确认');
    expect(cardMock).toHaveBeenCalledTimes(2);
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/identity/pages/check/index?next=${encodeURIComponent('/packages/vehicles/pages/e-card/index')}&within=300`,
    });
  });

  it('when a second passes, then the clock watermark moves with it', async () => {
    // Arrange
    cardMock.mockResolvedValue(eCard());
    render(<ELicenceCardPage />);
    await flush();
    expect(text('ecard-clock')).toBe('2026-11-28 16:00:00');

    // Act
    await advance(1_000);

    // Assert
    expect(text('ecard-clock')).toBe('2026-11-28 16:00:01');
  });

  it('when the page is left, then no timer fetches in the background', async () => {
    // Arrange
    cardMock.mockResolvedValue(eCard());
    const { unmount } = render(<ELicenceCardPage />);
    await flush();

    // Act
    unmount();
    await advance(120_000);

    // Assert
    expect(cardMock).toHaveBeenCalledTimes(1);
  });
});
