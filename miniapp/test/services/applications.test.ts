import type { ApplicationSubmitRequest } from '@suijing/shared';
import { resetApiClientForTests } from '@/services/api-client';
import { resetTokenCacheForTests, setTokens } from '@/services/token-store';
import { fetchDraft, saveDraft } from '@/services/drafts';
import { submitWithKey } from '@/packages/apply/pages/review/submit';
import { taroStub, type RequestOptionLike } from '../stubs/taro';

const REQUEST: ApplicationSubmitRequest = {
  itemCode: '440100000000ABCD0001',
  formVersion: 'v1',
  data: { xm: '张三' },
  materials: [{ name: '身份证', source: 'upload', materialId: 'm1' }],
};
const DETAIL = { caseNo: '2026112844010000000001', status: 'submitted' };

beforeEach(() => {
  resetApiClientForTests();
  resetTokenCacheForTests();
  setTokens({ accessToken: 'access', refreshToken: 'refresh' });
});

const keyOf = (call: [RequestOptionLike] | undefined): string | undefined => call?.[0].header?.['Idempotency-Key'];

describe('submitting an application', () => {
  it('when the first try meets a network error, then the retry reuses the same Idempotency-Key', async () => {
    // Arrange
    taroStub.request
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce({ statusCode: 201, data: DETAIL, header: {} });

    // Act
    const detail = await submitWithKey(REQUEST, 0);

    // Assert
    expect(detail.caseNo).toBe(DETAIL.caseNo);
    const calls = taroStub.request.mock.calls;
    expect(calls).toHaveLength(2);
    expect(keyOf(calls[0])).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keyOf(calls[1])).toBe(keyOf(calls[0]));
  });

  it('when a failed attempt is tapped again later, then the same key is sent; after success a new attempt gets a new key', async () => {
    // Arrange
    taroStub.request
      .mockResolvedValueOnce({
        statusCode: 409,
        data: { error: { code: 'SUBMISSION_IN_PROGRESS', message: '提交中' } },
        header: {},
      })
      .mockResolvedValueOnce({ statusCode: 201, data: DETAIL, header: {} })
      .mockResolvedValueOnce({ statusCode: 201, data: DETAIL, header: {} });

    // Act
    await expect(submitWithKey(REQUEST, 0)).rejects.toMatchObject({ code: 'SUBMISSION_IN_PROGRESS' });
    await submitWithKey(REQUEST, 0);
    await submitWithKey(REQUEST, 0);

    // Assert
    const keys = taroStub.request.mock.calls.map((call) => keyOf(call));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('when the BFF finds field errors, then they reach the caller with their paths', async () => {
    // Arrange
    taroStub.request.mockResolvedValue({
      statusCode: 400,
      data: { error: { code: 'VALIDATION_FAILED', message: '有误', fields: [{ path: 'xm', message: '请填写姓名' }] } },
      header: {},
    });

    // Act + Assert
    await expect(submitWithKey(REQUEST, 0)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'xm', message: '请填写姓名' }],
    });
    expect(taroStub.request).toHaveBeenCalledTimes(1);
  });
});

describe('drafts service', () => {
  it('when there is no draft, then fetchDraft answers null', async () => {
    taroStub.request.mockResolvedValue({
      statusCode: 404,
      data: { error: { code: 'DRAFT_NOT_FOUND', message: '没有' } },
      header: {},
    });
    await expect(fetchDraft('440100000000ABCD0001')).resolves.toBeNull();
  });

  it('when a draft is saved, then it PUTs the data and the form version', async () => {
    taroStub.request.mockResolvedValue({ statusCode: 200, data: {}, header: {} });
    await saveDraft('440100000000ABCD0001', { xm: '张三' }, 'v2');
    expect(taroStub.request).toHaveBeenCalledWith(
      expect.objectContaining({
        method: 'PUT',
        url: '/api/v1/drafts/440100000000ABCD0001',
        data: { data: { xm: '张三' }, formVersion: 'v2' },
      }),
    );
  });
});
