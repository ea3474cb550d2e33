import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { DataUseList, DataUseRecord } from '@suijing/shared';
import DataUsagePage from '@/packages/privacy/pages/usage';
import { ApiError } from '@/services/api-error';
import { listDataUse } from '@/services/privacy';
import { setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { pageEvents, taroStub } from '../stubs/taro';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/privacy', () => ({ listDataUse: jest.fn() }));
const listMock = jest.mocked(listDataUse);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

function record(n: number, overrides: Partial<DataUseRecord> = {}): DataUseRecord {
  return {
    id: `use-${n}`,
    at: `2026-11-28T0${n}:00:00.000Z`,
    feature: 'vehicles',
    what: '查询名下机动车',
    device: { platform: 'h5', model: 'Android 手机 Chrome' },
    account: '138****1234',
    thisSession: false,
    ...overrides,
  };
}
function page(items: DataUseRecord[], pageNo: number, total: number): DataUseList {
  return { items, page: pageNo, pageSize: 20, total, retentionDays: 180 };
}

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated({ ...TEST_USER, realNameStatus: 'verified', assurance: { level: 'L2', inPersonAt: null } });
});

describe('个人信息使用记录', () => {
  it('when records load, then each shows what, when, device and account, and this device is marked', async () => {
    // Arrange
    listMock.mockResolvedValue(
      page([record(2, { thisSession: true, what: '出示电子驾驶证', feature: 'e-licence-qr' }), record(1)], 1, 2),
    );

    // Act
    render(<DataUsagePage />);

    // Assert
    await shown('usage-list');
    expect(text('usage-summary')).toContain('共 2 条');
    expect(text('usage-summary')).toContain('180 天');
    expect(text('usage-use-2')).toContain('出示电子驾驶证');
    expect(text('usage-use-2')).toContain('Android 手机 Chrome · 浏览器');
    expect(text('usage-use-2')).toContain('138****1234');
    expect(document.getElementById('usage-use-2-this-device')).not.toBeNull();
    expect(document.getElementById('usage-use-1-this-device')).toBeNull();
    expect(document.getElementById('usage-end')).not.toBeNull();
  });

  it('when there are more pages, then scrolling to the end loads the next one', async () => {
    // Arrange
    const first = Array.from({ length: 20 }, (_, i) => record(i + 10));
    listMock.mockResolvedValueOnce(page(first, 1, 21)).mockResolvedValueOnce(page([record(99)], 2, 21));
    render(<DataUsagePage />);
    await shown('usage-list');

    // Act
    act(() => pageEvents.reachBottom());

    // Assert
    await shown('usage-use-99');
    expect(listMock).toHaveBeenLastCalledWith(2);
    expect(document.getElementById('usage-end')).not.toBeNull();
  });

  it('when there is nothing yet, then it says so and what will appear', async () => {
    // Arrange
    listMock.mockResolvedValue(page([], 1, 0));

    // Act
    render(<DataUsagePage />);

    // Assert
    await shown('usage-empty');
    expect(text('usage-empty')).toContain('暂无使用记录');
  });

  it('when the load fails, then 重试 loads again', async () => {
    // Arrange
    listMock
      .mockRejectedValueOnce(
        new ApiError({ status: 503, code: 'DATABASE_UNAVAILABLE', message: '系统正在恢复，请稍后再试' }),
      )
      .mockResolvedValueOnce(page([record(1)], 1, 1));
    render(<DataUsagePage />);
    await shown('usage-error');

    // Act
    fireEvent.click(byId('usage-error-retry'));

    // Assert
    await shown('usage-list');
    expect(listMock).toHaveBeenCalledTimes(2);
  });

  it('when the account is not 实名, then it leads to 实名认证 and back here', async () => {
    // Arrange
    listMock.mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '办理前请先完成实名认证',
        required: { level: 'L2' },
      }),
    );
    render(<DataUsagePage />);
    await shown('usage-unverified');

    // Act
    fireEvent.click(byId('usage-go-real-name'));

    // Assert
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/apply/pages/real-name/index?next=${encodeURIComponent('/packages/privacy/pages/usage/index')}`,
    });
  });
});
