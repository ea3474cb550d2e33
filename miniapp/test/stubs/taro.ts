/**
 * Stand-in for @tarojs/taro in jsdom: in-memory storage, jest.fn() for the
 * network and navigation, so tests can script answers and assert calls.
 */

const storage = new Map<string, unknown>();

export interface RequestOptionLike {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
export interface ResponseLike {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

const request = jest.fn<Promise<ResponseLike>, [RequestOptionLike]>();

const taro = {
  request,
  getStorageSync: jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown): void => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string): void => {
    storage.delete(key);
  }),
  getSystemInfoSync: jest.fn((): Record<string, unknown> => ({ model: 'jsdom', platform: 'devtools' })),
  showToast: jest.fn(async () => ({ errMsg: 'showToast:ok' })),
  navigateTo: jest.fn(async () => ({ errMsg: 'navigateTo:ok' })),
  navigateBack: jest.fn(async () => ({ errMsg: 'navigateBack:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  getCurrentPages: jest.fn((): Array<{ route: string }> => [{ route: 'pages/home/index' }]),
  login: jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  getEnv: (): string => 'WEB',
  ENV_TYPE: { WEB: 'WEB', WEAPP: 'WEAPP' },
  pxTransform: (n: number): string => `${n}px`,
  nextTick: (fn: () => void): void => {
    setTimeout(fn, 0);
  },
};

export default taro;
export const { getEnv, ENV_TYPE, pxTransform, nextTick } = taro;
export const useLaunch = (): void => undefined;
export const useDidShow = (): void => undefined;
export const useReady = (): void => undefined;

/** The stub itself, typed, for tests that script answers. */
export const taroStub = taro;

/** Direct access to the in-memory storage (for arranging and asserting). */
export const storageStub = storage;

export function resetTaroStub(): void {
  storage.clear();
  request.mockReset();
}
