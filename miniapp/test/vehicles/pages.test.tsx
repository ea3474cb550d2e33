import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { VehicleAnswer } from '@suijing/shared';
import VehiclesPage from '@/packages/vehicles/pages/list';
import VehicleDetailPage from '@/packages/vehicles/pages/detail';
import DrivingLicencePage from '@/packages/vehicles/pages/licence';
import ViolationsPage from '@/packages/vehicles/pages/violations';
import { ApiError } from '@/services/api-error';
import { fetchDrivingLicence, fetchVehicle, listVehicles, listViolations } from '@/services/traffic';
import { setAnonymous, setAuthenticated } from '@/stores/auth-store';
import { privacyStore } from '@/stores/privacy';
import { drivingLicence, LIVE, vehicleDetail, vehicleSummary, violation, violationList } from '../fixtures/traffic';
import { byId } from '../support/dom';
import { routerStub, taroStub } from '../stubs/taro';
import { TEST_USER } from '../support/user';

jest.mock('@/services/traffic', () => ({
  listVehicles: jest.fn(),
  fetchVehicle: jest.fn(),
  fetchDrivingLicence: jest.fn(),
  listViolations: jest.fn(),
}));
const vehiclesMock = jest.mocked(listVehicles);
const vehicleMock = jest.mocked(fetchVehicle);
const licenceMock = jest.mocked(fetchDrivingLicence);
const violationsMock = jest.mocked(listViolations);

const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
const shown = (id: string) => waitFor(() => expect(document.getElementById(id)).not.toBeNull());

beforeEach(() => {
  privacyStore.set('granted');
  setAuthenticated(TEST_USER);
});

describe('我的车辆', () => {
  it('when logged out, then it asks to log in and loads nothing', () => {
    // Arrange
    setAnonymous();

    // Act
    render(<VehiclesPage />);

    // Assert
    expect(document.getElementById('login-prompt')).not.toBeNull();
    expect(vehiclesMock).not.toHaveBeenCalled();
  });

  it('when vehicles load, then each card has its plate style, masked plate, countdown, 抵押 and severity', async () => {
    // Arrange
    const car = vehicleSummary();
    const ev = vehicleSummary({
      id: 'veh_ev00000000000001',
      plateColour: 'green',
      plateMasked: '粤A·D***8',
      mortgaged: true,
      severity: 'danger',
      inspection: { date: '2026-11-27', daysLeft: -1, state: 'overdue' },
    });
    vehiclesMock.mockResolvedValue({ items: [car, ev], freshness: { ...LIVE, stale: true, ageSeconds: 180 } });

    // Act
    render(<VehiclesPage />);

    // Assert
    await shown('vehicles-list');
    expect(byId(`vehicle-${car.id}-plate`).className).toContain('plate--blue');
    expect(byId(`vehicle-${ev.id}-plate`).className).toContain('plate--green');
    expect(text(`vehicle-${ev.id}-plate`)).toBe('粤A·D***8');
    expect(text(`vehicle-${car.id}-inspection`)).toBe('距检验有效期止 93 天');
    expect(text(`vehicle-${ev.id}-inspection`)).toBe('已逾期 1 天');
    expect(document.getElementById(`vehicle-${car.id}-mortgaged`)).toBeNull();
    expect(text(`vehicle-${ev.id}-mortgaged`)).toBe('抵押');
    expect(byId(`vehicle-${ev.id}-severity`).className).toContain('sj-badge--danger');
    expect(text('vehicles-stale')).toBe('实时查询失败，以下为 3 分钟前的数据');
  });

  it('when a card is tapped, then the detail opens by the opaque id', async () => {
    // Arrange
    vehiclesMock.mockResolvedValue({ items: [vehicleSummary()], freshness: LIVE });
    render(<VehiclesPage />);
    await shown('vehicles-list');

    // Act
    fireEvent.click(byId('vehicle-veh_0123456789abcdef'));

    // Assert
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/vehicles/pages/detail/index?id=veh_0123456789abcdef',
    });
  });

  it('when no vehicle is registered, then it says so plainly', async () => {
    // Arrange
    vehiclesMock.mockResolvedValue({ items: [], freshness: LIVE });

    // Act
    render(<VehiclesPage />);

    // Assert
    await shown('vehicles-empty');
    expect(text('vehicles-empty')).toContain('名下暂无机动车');
  });

  it('when the user has no verified identity, then it leads to 实名认证 and comes back here', async () => {
    // Arrange
    vehiclesMock.mockRejectedValue(new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '请先实名' }));
    render(<VehiclesPage />);
    await shown('vehicles-unverified');

    // Act
    fireEvent.click(byId('vehicles-go-real-name'));

    // Assert
    expect(document.getElementById('vehicles-error')).toBeNull();
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/apply/pages/real-name/index?next=${encodeURIComponent('/packages/vehicles/pages/list/index')}`,
    });
  });

  it('when the records need 本人认证 (L3 within 30 days), then it leads to the 网证 check and comes back here', async () => {
    // Arrange
    vehiclesMock.mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '为保护您的个人信息，查看或办理前请先完成刷脸认证（本人认证）',
        required: { level: 'L3', withinSeconds: 2_592_000 },
      }),
    );
    render(<VehiclesPage />);
    await shown('vehicles-in-person');

    // Act
    fireEvent.click(byId('vehicles-go-in-person'));

    // Assert
    expect(text('vehicles-go-in-person')).toBe('去网证认证');
    expect(document.getElementById('vehicles-error')).toBeNull();
    expect(taroStub.redirectTo).toHaveBeenCalledWith({
      url: `/packages/identity/pages/check/index?next=${encodeURIComponent('/packages/vehicles/pages/list/index')}&within=2592000`,
    });
  });

  it('when the BFF asks for 实名 with ASSURANCE_REQUIRED L2, then it is the 实名认证 prompt', async () => {
    // Arrange
    vehiclesMock.mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'ASSURANCE_REQUIRED',
        message: '办理前请先完成实名认证',
        required: { level: 'L2' },
      }),
    );

    // Act
    render(<VehiclesPage />);

    // Assert
    await shown('vehicles-go-real-name');
  });

  it('when the traffic system fails, then the error offers a retry that loads again', async () => {
    // Arrange
    vehiclesMock
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'UPSTREAM_UNAVAILABLE', message: '系统暂时无法访问' }))
      .mockResolvedValueOnce({ items: [], freshness: LIVE });
    render(<VehiclesPage />);
    await shown('vehicles-error');

    // Act
    await act(async () => fireEvent.click(byId('vehicles-error-retry')));

    // Assert
    await shown('vehicles-empty');
    expect(vehiclesMock).toHaveBeenCalledTimes(2);
  });
});

describe('车辆详情', () => {
  /** A mortgaged car whose release is (or is not yet) possible, as the traffic system answers it. */
  const mortgagedVehicle = (
    release: { possible: true; lender: string } | { possible: false; reason: string },
  ): VehicleAnswer => ({
    vehicle: vehicleDetail({
      mortgaged: true,
      mortgageRelease: {
        ...release,
        itemCode: '440100000000MORT0001',
        suppliedMaterials: ['抵押权人出具的解除抵押书面材料'],
      },
    }),
    freshness: LIVE,
  });

  it('when a mortgaged vehicle may be released, then the button leads to the release form', async () => {
    // Arrange
    routerStub.params = { id: 'veh_0123456789abcdef' };
    vehicleMock.mockResolvedValue(mortgagedVehicle({ possible: true, lender: '某银行广州分行' }));
    render(<VehicleDetailPage />);
    await shown('vehicle-mortgage');

    // Act
    fireEvent.click(byId('vehicle-mortgage-apply'));

    // Assert
    expect(vehicleMock).toHaveBeenCalledWith('veh_0123456789abcdef');
    expect(text('vehicle-plate')).toBe('粤A12345');
    expect(text('vehicle-violations-count')).toBe('1 条');
    expect(text('vehicle-insurance-countdown')).toBe('距交强险终止 12 天');
    expect(taroStub.navigateTo).toHaveBeenCalledWith({
      url: '/packages/vehicles/pages/mortgage-release/index?id=veh_0123456789abcdef',
    });
  });

  it('when the lender has not filed its release, then the reason shows instead of a button', async () => {
    // Arrange
    routerStub.params = { id: 'veh_0123456789abcdef' };
    vehicleMock.mockResolvedValue(mortgagedVehicle({ possible: false, reason: '抵押权人尚未申请解除' }));

    // Act
    render(<VehicleDetailPage />);

    // Assert
    await shown('vehicle-mortgage-reason');
    expect(text('vehicle-mortgage-reason')).toBe('抵押权人尚未申请解除');
    expect(document.getElementById('vehicle-mortgage-apply')).toBeNull();
  });

  it('when the vehicle is gone, then it says so with a way back, not a retry', async () => {
    // Arrange
    routerStub.params = { id: 'veh_0123456789abcdef' };
    vehicleMock.mockRejectedValue(new ApiError({ status: 404, code: 'VEHICLE_NOT_FOUND', message: '未找到' }));

    // Act
    render(<VehicleDetailPage />);

    // Assert
    await shown('vehicle-not-found');
    expect(document.getElementById('vehicle-back')).not.toBeNull();
    expect(document.getElementById('vehicle-error')).toBeNull();
  });
});

describe('我的驾驶证', () => {
  it('when the licence loads, then the gauge is coloured by points left and 自愿降级 is offered', async () => {
    // Arrange
    licenceMock.mockResolvedValue({
      licence: drivingLicence({ points: { accumulated: 10, remaining: 2, max: 12 } }),
      freshness: LIVE,
    });

    // Act
    render(<DrivingLicencePage />);

    // Assert
    await shown('licence-gauge');
    expect(byId('licence-gauge').getAttribute('data-tone')).toBe('danger');
    expect(text('licence-gauge-remaining')).toBe('2');
    expect(text('licence-classes')).toBe('B2');
    expect(text('licence-validity-countdown')).toBe('距有效期止 1250 天');
    expect(document.getElementById('licence-downgrade')).not.toBeNull();
    fireEvent.click(byId('licence-e-card'));
    expect(taroStub.navigateTo).toHaveBeenCalledWith({ url: '/packages/vehicles/pages/e-card/index' });
  });

  it('when the class cannot be downgraded, then there is no 自愿降级 button', async () => {
    // Arrange
    licenceMock.mockResolvedValue({
      licence: drivingLicence({ classes: 'C1', downgrade: undefined }),
      freshness: LIVE,
    });

    // Act
    render(<DrivingLicencePage />);

    // Assert
    await shown('licence-gauge');
    expect(document.getElementById('licence-downgrade')).toBeNull();
  });

  it('when the person holds no licence, then a friendly empty state shows, not an error', async () => {
    // Arrange
    licenceMock.mockRejectedValue(
      new ApiError({ status: 404, code: 'DRIVING_LICENCE_NOT_FOUND', message: '未查询到' }),
    );

    // Act
    render(<DrivingLicencePage />);

    // Assert
    await shown('licence-not-found');
    expect(text('licence-not-found')).toContain('未查询到您名下的驾驶证');
    expect(document.getElementById('licence-error')).toBeNull();
  });
});

describe('违法记录 filters', () => {
  it('when tabs and chips are tapped, then each sends its status and kind', async () => {
    // Arrange
    violationsMock.mockResolvedValue(violationList([violation()]));
    render(<ViolationsPage />);
    await shown('violations-list');

    // Act
    await act(async () => fireEvent.click(byId('violations-tab-handled')));
    await act(async () => fireEvent.click(byId('violations-kind-camera')));
    await act(async () => fireEvent.click(byId('violations-tab-all')));
    await act(async () => fireEvent.click(byId('violations-kind-onsite')));

    // Assert
    expect(violationsMock.mock.calls.map(([query]) => query)).toEqual([
      { status: 'unhandled', kind: 'all' },
      { status: 'handled', kind: 'all' },
      { status: 'handled', kind: 'camera' },
      { status: 'all', kind: 'camera' },
      { status: 'all', kind: 'onsite' },
    ]);
    expect(byId('violations-tab-all').getAttribute('aria-selected')).toBe('true');
    expect(byId('violations-kind-onsite').getAttribute('aria-checked')).toBe('true');
  });

  it('when violations load, then the totals and each card show fine, points and badges', async () => {
    // Arrange
    violationsMock.mockResolvedValue(
      violationList([violation(), violation({ id: 'v2', fine: 100, points: 1, handled: true, paid: true })]),
    );

    // Act
    render(<ViolationsPage />);

    // Assert
    await shown('violations-list');
    expect(text('violations-total-count')).toBe('2');
    expect(text('violations-total-fine')).toBe('300 元');
    expect(text('violations-total-points')).toBe('7');
    expect(text('violation-v1-handled')).toBe('未处理');
    expect(text('violation-v2-paid')).toBe('已缴款');
    expect(text('violation-v1')).toContain('2026-11-20 08:30');
  });

  it('when there are none, then it says 暂无违法记录', async () => {
    // Arrange
    violationsMock.mockResolvedValue(violationList([]));

    // Act
    render(<ViolationsPage />);

    // Assert
    await shown('violations-empty');
    expect(text('violations-empty')).toContain('暂无违法记录');
  });
});
