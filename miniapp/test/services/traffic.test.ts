import type { DowngradeRequest, MortgageReleaseRequest } from '@suijing/shared';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import {
  fetchDrivingLicence,
  fetchELicenceCard,
  fetchVehicle,
  listVehicles,
  listViolations,
  submitDowngrade,
  submitMortgageRelease,
} from '@/services/traffic';
import { applyDowngrade, applyMortgageRelease } from '@/packages/vehicles/services/submit';
import { taroStub, type RequestOptionLike } from '../stubs/taro';

const DOWNGRADE: DowngradeRequest = {
  targetClass: 'B2-C1',
  phone: '13800138000',
  address: '广州市天河区体育西路 1 号',
  delivery: 'window',
  materials: [{ name: '身体条件证明', source: 'upload', materialId: 'm1' }],
};
const RELEASE: MortgageReleaseRequest = { phone: '13800138000', address: '广州市天河区体育西路 1 号', materials: [] };
const CASE = { caseNo: '2026112844010000000009', status: 'submitted' };
const VEHICLE_ID = 'veh_0123456789abcdef';

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

const ok = (data: unknown) => ({ statusCode: 200, data, header: {} });
const created = { statusCode: 201, data: CASE, header: {} };
const keyOf = (call: [RequestOptionLike] | undefined): string | undefined => call?.[0].header?.['Idempotency-Key'];
const calls = (): RequestOptionLike[] => taroStub.request.mock.calls.map(([options]) => options);

describe('traffic service paths', () => {
  it('when each read is called, then it GETs its route under /api/v1 with the bearer token', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({}));

    // Act
    await listVehicles();
    await fetchVehicle(VEHICLE_ID);
    await fetchDrivingLicence();
    await listViolations({ status: 'handled', kind: 'camera' });
    await fetchELicenceCard();

    // Assert
    expect(calls().map((c) => [c.method, c.url])).toEqual([
      ['GET', '/api/v1/vehicles'],
      ['GET', `/api/v1/vehicles/${VEHICLE_ID}`],
      ['GET', '/api/v1/licence'],
      ['GET', '/api/v1/violations?status=handled&kind=camera'],
      ['GET', '/api/v1/licence/e-card'],
    ]);
    expect(calls()[0]?.header?.Authorization).toBe('Bearer access');
  });

  it('when the applications are sent, then they POST the body with the given Idempotency-Key', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(created);

    // Act
    await submitDowngrade(DOWNGRADE, 'key-downgrade-0001');
    await submitMortgageRelease(VEHICLE_ID, RELEASE, 'key-release-00001');

    // Assert
    expect(calls()[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/licence/downgrade',
      data: DOWNGRADE,
      header: { 'Idempotency-Key': 'key-downgrade-0001' },
    });
    expect(calls()[1]).toMatchObject({
      method: 'POST',
      url: `/api/v1/vehicles/${VEHICLE_ID}/mortgage-release`,
      data: RELEASE,
      header: { 'Idempotency-Key': 'key-release-00001' },
    });
  });

  it('when the licence is not held, then the 404 arrives as DRIVING_LICENCE_NOT_FOUND', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 404,
      data: { error: { code: 'DRIVING_LICENCE_NOT_FOUND', message: '未查询到' } },
      header: {},
    });

    // Act + Assert
    await expect(fetchDrivingLicence()).rejects.toMatchObject({ code: 'DRIVING_LICENCE_NOT_FOUND', status: 404 });
  });
});

describe('submission attempts (Idempotency-Key)', () => {
  it('when the first try of 自愿降级 meets a network error, then the quiet retry reuses the key', async () => {
    // Arrange
    taroStub.request.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(created);

    // Act
    const detail = await applyDowngrade(DOWNGRADE, 0);

    // Assert
    expect(detail.caseNo).toBe(CASE.caseNo);
    const all = taroStub.request.mock.calls;
    expect(all).toHaveLength(2);
    expect(keyOf(all[0])).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keyOf(all[1])).toBe(keyOf(all[0]));
  });

  it('when a failed attempt is tapped again, then the same key goes; after success the next attempt gets a new one', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce({ statusCode: 503, data: { error: { code: 'UPSTREAM_UNAVAILABLE' } }, header: {} })
      .mockResolvedValueOnce({ statusCode: 503, data: { error: { code: 'UPSTREAM_UNAVAILABLE' } }, header: {} })
      .mockResolvedValueOnce(created)
      .mockResolvedValueOnce(created);

    // Act
    await expect(applyDowngrade(DOWNGRADE, 0)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await applyDowngrade(DOWNGRADE, 0);
    await applyDowngrade(DOWNGRADE, 0);

    // Assert
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[2]);
  });

  it('when the request changes between taps, then it is a new attempt with a new key', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce({ statusCode: 409, data: { error: { code: 'DOWNGRADE_NOT_ALLOWED' } }, header: {} })
      .mockResolvedValueOnce(created);

    // Act
    await expect(applyDowngrade(DOWNGRADE, 0)).rejects.toMatchObject({ code: 'DOWNGRADE_NOT_ALLOWED' });
    await applyDowngrade({ ...DOWNGRADE, targetClass: 'B2-C2' }, 0);

    // Assert
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('when 解除抵押 is retried, then the key is reused for the same vehicle and differs for another', async () => {
    // Arrange
    taroStub.request
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({
        statusCode: 409,
        data: { error: { code: 'MORTGAGE_RELEASE_NOT_READY' } },
        header: {},
      })
      .mockResolvedValueOnce(created);

    // Act
    await expect(applyMortgageRelease(VEHICLE_ID, RELEASE, 0)).rejects.toMatchObject({
      code: 'MORTGAGE_RELEASE_NOT_READY',
    });
    await applyMortgageRelease('veh_fedcba9876543210', RELEASE, 0);

    // Assert
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(calls()[2]?.url).toBe('/api/v1/vehicles/veh_fedcba9876543210/mortgage-release');
  });
});
