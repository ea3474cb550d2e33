import {
  BAD_REVIEW_MAX_LEVEL as SHARED_BAD_MAX,
  COMPLAINT_CATEGORIES as SHARED_CATEGORIES,
  COMPLAINT_STAGES as SHARED_STAGES,
  RATING_ASPECTS as SHARED_ASPECTS,
  RATING_LEVELS as SHARED_LEVELS,
  type ComplaintRequest,
  type RatingRequest,
} from '@suijing/shared';
import { resetApiClientForTests } from '@/services/api-client';
import {
  fetchComplaint,
  fetchRating,
  listComplaints,
  listHotTopics,
  rateComplaint,
  submitComplaint,
  submitRating,
} from '@/services/feedback';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import {
  BAD_REVIEW_MAX_LEVEL,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STAGES,
  RATING_ASPECTS,
  RATING_LEVELS,
} from '@/packages/feedback/utils/format';
import { fileComplaint } from '@/packages/feedback/services/submit';
import { taroStub, type RequestOptionLike } from '../stubs/taro';
import { CASE_NO, complaintDetail } from '../fixtures/feedback';

const RATING: RatingRequest = {
  level: 2,
  aspects: { efficiency: 2, guideAccuracy: 3, convenience: 2, usability: 3 },
  comment: '排队时间太长了',
};
const COMPLAINT: ComplaintRequest = {
  kind: 'complaint',
  category: 'window-service',
  title: '窗口等候时间过长',
  content: '11 月 27 日上午在天河区政务中心办理身份证，排队两个小时。',
  photos: ['m1'],
  phone: '13800138000',
};

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data, header: {} });
const calls = (): RequestOptionLike[] => taroStub.request.mock.calls.map(([options]) => options);
const keyOf = (call: RequestOptionLike | undefined): string | undefined => call?.header?.['Idempotency-Key'];

describe('feedback service paths', () => {
  it('when each call is made, then it uses its route under /api/v1 with the bearer token', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({}));

    // Act
    await fetchRating(CASE_NO);
    await submitRating(CASE_NO, RATING);
    await listComplaints();
    await fetchComplaint('TS20261128000001');
    await rateComplaint('TS20261128000001', { level: 4, comment: '' });

    // Assert
    expect(calls().map((c) => [c.method, c.url])).toEqual([
      ['GET', `/api/v1/applications/${CASE_NO}/rating`],
      ['POST', `/api/v1/applications/${CASE_NO}/rating`],
      ['GET', '/api/v1/complaints'],
      ['GET', '/api/v1/complaints/TS20261128000001'],
      ['POST', '/api/v1/complaints/TS20261128000001/rating'],
    ]);
    expect(calls()[1]?.data).toEqual(RATING);
    expect(calls()[4]?.data).toEqual({ level: 4, comment: '' });
    expect(calls().every((c) => c.header?.Authorization === 'Bearer access')).toBe(true);
  });

  it('when a complaint is sent, then it POSTs the body with the given Idempotency-Key', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok(complaintDetail(), 201));

    // Act
    await submitComplaint(COMPLAINT, 'key-complaint-0001');

    // Assert
    expect(calls()[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/complaints',
      data: COMPLAINT,
      header: { 'Idempotency-Key': 'key-complaint-0001' },
    });
  });

  it('when the hot board is read, then the status goes in the query and no token is sent (public)', async () => {
    // Arrange
    taroStub.request.mockResolvedValue(ok({ items: [], updatedAt: '2026-11-28T00:00:00.000Z' }));

    // Act
    await listHotTopics('monitored');

    // Assert
    expect(calls()[0]?.url).toBe('/api/v1/hot-topics?status=monitored');
    expect(calls()[0]?.header?.Authorization).toBeUndefined();
  });

  it('when a case has no rating yet, then the 404 arrives as RATING_NOT_FOUND', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 404,
      data: { error: { code: 'RATING_NOT_FOUND', message: '该办件还没有评价' } },
      header: {},
    });

    // Act + Assert
    await expect(fetchRating(CASE_NO)).rejects.toMatchObject({ code: 'RATING_NOT_FOUND', status: 404 });
  });
});

describe('complaint submission attempts (Idempotency-Key)', () => {
  it('when the first try meets a network error, then the quiet retry reuses the key', async () => {
    // Arrange
    taroStub.request.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(ok(complaintDetail(), 201));

    // Act
    const detail = await fileComplaint(COMPLAINT, 0);

    // Assert
    expect(detail.id).toBe('TS20261128000001');
    expect(calls()).toHaveLength(2);
    expect(keyOf(calls()[0])).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keyOf(calls()[1])).toBe(keyOf(calls()[0]));
  });

  it('when a failed attempt is tapped again, then the same key goes; after success a new complaint gets a new one', async () => {
    // Arrange
    const busy = { statusCode: 503, data: { error: { code: 'UPSTREAM_UNAVAILABLE' } }, header: {} };
    taroStub.request
      .mockResolvedValueOnce(busy)
      .mockResolvedValueOnce(busy)
      .mockResolvedValueOnce(ok(complaintDetail(), 201))
      .mockResolvedValueOnce(ok(complaintDetail(), 201));

    // Act
    await expect(fileComplaint(COMPLAINT, 0)).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await fileComplaint(COMPLAINT, 0);
    await fileComplaint(COMPLAINT, 0);

    // Assert
    const keys = calls().map(keyOf);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[2]);
  });

  it('when the complaint changes between taps, then it is a new attempt with a new key', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce({ statusCode: 422, data: { error: { code: 'VALIDATION_FAILED' } }, header: {} })
      .mockResolvedValueOnce(ok(complaintDetail(), 201));

    // Act
    await expect(fileComplaint(COMPLAINT, 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await fileComplaint({ ...COMPLAINT, title: '窗口等候时间太长' }, 0);

    // Assert
    const keys = calls().map(keyOf);
    expect(keys[1]).not.toBe(keys[0]);
  });
});

describe('the contract copies', () => {
  it('when compared with @suijing/shared, then the levels, aspects, categories and stages are the same', () => {
    // Arrange + Act + Assert
    expect(RATING_LEVELS).toEqual(SHARED_LEVELS);
    expect(RATING_ASPECTS).toEqual(SHARED_ASPECTS);
    expect(BAD_REVIEW_MAX_LEVEL).toBe(SHARED_BAD_MAX);
    expect(COMPLAINT_CATEGORIES).toEqual(SHARED_CATEGORIES);
    expect(COMPLAINT_STAGES).toEqual(SHARED_STAGES);
  });
});
