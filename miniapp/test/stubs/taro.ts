import { useEffect, useRef } from 'react';

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
  redirectTo: jest.fn(async () => ({ errMsg: 'redirectTo:ok' })),
  setKeepScreenOn: jest.fn(async () => ({ errMsg: 'setKeepScreenOn:ok' })),
  switchTab: jest.fn(async () => ({ errMsg: 'switchTab:ok' })),
  getCurrentPages: jest.fn((): Array<{ route: string }> => [{ route: 'pages/home/index' }]),
  login: jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' })),
  setNavigationBarTitle: jest.fn(async () => ({ errMsg: 'setNavigationBarTitle:ok' })),
  makePhoneCall: jest.fn(async () => ({ errMsg: 'makePhoneCall:ok' })),
  pageScrollTo: jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' })),
  // jsdom has no position: refused by default; tests script a position with mockResolvedValue.
  getLocation: jest.fn(
    async (_options?: { type?: string }): Promise<{ latitude: number; longitude: number; errMsg: string }> => {
      throw new Error('getLocation:fail auth deny');
    },
  ),
  getEnv: (): string => 'WEB',
  // NutUI's Dialog listens on Taro's event centre under the current page's path.
  getCurrentInstance: (): { router: { path: string } } => ({ router: { path: '/test' } }),
  eventCenter: {
    on: (): void => undefined,
    off: (): void => undefined,
    trigger: (): void => undefined,
  },
  ENV_TYPE: { WEB: 'WEB', WEAPP: 'WEAPP' },
  pxTransform: (n: number): string => `${n}px`,
  nextTick: (fn: () => void): void => {
    setTimeout(fn, 0);
  },
};

export default taro;
export const { getEnv, ENV_TYPE, pxTransform, nextTick, getCurrentInstance, eventCenter } = taro;
export const useLaunch = (): void => undefined;
export const useReady = (): void => undefined;

/**
 * Page events, fired by tests: `pageEvents.reachBottom()` is the page
 * scrolled to its end, `pageEvents.hide()` / `show()` the page left and shown again.
 */
const reachBottomHandlers = new Set<() => void>();
const showHandlers = new Set<() => void>();
const hideHandlers = new Set<() => void>();
function pageEventHook(handlers: Set<() => void>) {
  return (callback: () => void): void => {
    // The latest callback of each mounted component (hooks re-run on every render).
    const ref = useRef(callback);
    ref.current = callback;
    useEffect(() => {
      const handler = (): void => ref.current();
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    }, []);
  };
}
export const useReachBottom = pageEventHook(reachBottomHandlers);
export const useDidShow = pageEventHook(showHandlers);
export const useDidHide = pageEventHook(hideHandlers);
export const pageEvents = {
  reachBottom: (): void => reachBottomHandlers.forEach((handler) => handler()),
  show: (): void => showHandlers.forEach((handler) => handler()),
  hide: (): void => hideHandlers.forEach((handler) => handler()),
};

/** Query parameters of the page under test (`routerStub.params = { code: '…' }`). */
export const routerStub: { params: Record<string, string> } = { params: {} };
export const useRouter = (): { params: Record<string, string>; path: string } => ({
  params: routerStub.params,
  path: '/test',
});

/** The stub itself, typed, for tests that script answers. */
export const taroStub = taro;

/** Direct access to the in-memory storage (for arranging and asserting). */
export const storageStub = storage;

export function resetTaroStub(): void {
  storage.clear();
  request.mockReset();
  routerStub.params = {};
}
