import { ApiError } from '@/services/api-error';
import { assuranceText, isFresh, missingStep, stepUpAction, stepUpOf, stepUpUrl } from '@/utils/assurance';
import { inPersonCheckUrl, realNameUrl, ROUTES } from '@/utils/navigation';

function assuranceRequired(required?: { level: 'L1' | 'L2' | 'L3'; withinSeconds?: number }): ApiError {
  return new ApiError({ status: 403, code: 'ASSURANCE_REQUIRED', message: '请先完成本人认证', required });
}

describe('the step a 403 asks for', () => {
  it.each([
    ['ASSURANCE_REQUIRED L2', assuranceRequired({ level: 'L2' }), { level: 'L2' }],
    [
      'ASSURANCE_REQUIRED L3 within 30 days',
      assuranceRequired({ level: 'L3', withinSeconds: 2_592_000 }),
      { level: 'L3', withinSeconds: 2_592_000 },
    ],
    [
      'ASSURANCE_REQUIRED L3 within 5 minutes',
      assuranceRequired({ level: 'L3', withinSeconds: 300 }),
      { level: 'L3', withinSeconds: 300 },
    ],
    ['ASSURANCE_REQUIRED without `required`', assuranceRequired(), { level: 'L3' }],
    [
      'REAL_NAME_REQUIRED',
      new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '请先实名' }),
      { level: 'L2' },
    ],
  ])('when the BFF answers %s, then the step is %j', (_label, error, step) => {
    // Arrange (the error) / Act
    const found = stepUpOf(error);

    // Assert
    expect(found).toEqual(step);
  });

  it.each([
    ['another 403', new ApiError({ status: 403, code: 'ORIGIN_NOT_ALLOWED', message: 'x' })],
    ['a network failure', new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' })],
    ['a plain Error', new Error('x')],
  ])('when the failure is %s, then no step is asked for', (_label, error) => {
    // Act / Assert
    expect(stepUpOf(error)).toBeNull();
  });
});

describe('where a step leads, and back', () => {
  const HERE = '/packages/vehicles/pages/list/index';

  it('when 实名 is needed, then it leads to the 实名 page and back here', () => {
    // Act / Assert
    expect(stepUpUrl({ level: 'L2' }, HERE)).toBe(realNameUrl(HERE));
  });

  it('when 本人认证 is needed, then it leads to the check page with the time it must be within, and back here', () => {
    // Act
    const url = stepUpUrl({ level: 'L3', withinSeconds: 300 }, HERE);

    // Assert
    expect(url).toBe(inPersonCheckUrl(HERE, 300));
    expect(url).toBe(`${ROUTES.inPersonCheck}?next=${encodeURIComponent(HERE)}&within=300`);
  });

  it('when a login is needed, then it leads to the login page', () => {
    // Act / Assert
    expect(stepUpUrl({ level: 'L1' }, HERE)).toBe(ROUTES.login);
  });

  it('when the browser build asks for 本人认证, then the button says 网证', () => {
    // Act / Assert
    expect(stepUpAction({ level: 'L3' })).toBe('去网证认证');
    expect(stepUpAction({ level: 'L2' })).toBe('去实名认证');
  });

  it('when the check must be within 5 minutes, then it is a fresh one; within 30 days, it is not', () => {
    // Act / Assert
    expect(isFresh({ level: 'L3', withinSeconds: 300 })).toBe(true);
    expect(isFresh({ level: 'L3', withinSeconds: 2_592_000 })).toBe(false);
    expect(isFresh({ level: 'L2' })).toBe(false);
  });
});

describe('the step missing before 在线办理', () => {
  it.each([
    ['L1', 'L2', { level: 'L2' }],
    ['L1', 'L3', { level: 'L2' }],
    ['L2', 'L2', null],
    ['L2', 'L3', { level: 'L3', withinSeconds: 2_592_000 }],
    ['L3', 'L3', null],
  ] as const)('when the session holds %s and the item needs %s, then the step is %j', (held, required, step) => {
    // Act / Assert
    expect(missingStep({ level: held, inPersonAt: null }, required)).toEqual(step);
  });
});

describe('the level in words', () => {
  it('when the session passed a check, then it says until when it counts (30 days)', () => {
    // Arrange
    const at = new Date(2026, 10, 28, 10, 0, 0).toISOString();

    // Act
    const text = assuranceText({ level: 'L3', inPersonAt: at });

    // Assert
    expect(text).toEqual({ text: '已刷脸认证，2026年12月28日前有效', tone: 'success' });
  });

  it('when only 实名 or nothing, then it says 已实名 or 未实名', () => {
    // Act / Assert
    expect(assuranceText({ level: 'L2', inPersonAt: null }).text).toBe('已实名');
    expect(assuranceText({ level: 'L1', inPersonAt: null })).toEqual({ text: '未实名', tone: 'warning' });
  });
});
