/**
 * @tarojs/taro for jsdom: `request` goes to a fake API the test programs (`fakeApi`), storage
 * is in memory, navigation calls are jest spies, and the page hooks behave as on a device:
 * useDidShow runs when the page mounts and again on `fakeTaro.show()`, pull-down and
 * reach-bottom run on `fakeTaro.pullDown()` / `fakeTaro.reachBottom()`.
 */
import { act } from '@testing-library/react';
import { useEffect, useRef } from 'react';

export type TFakeRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
};
export type TFakeAnswer = { status?: number; body: unknown };
type THandler = (req: TFakeRequest) => TFakeAnswer | Promise<TFakeAnswer>;

const routes: { method: string; path: string | RegExp; handler: THandler }[] = [];

/** The API as the page sees it. Later registrations win, so a test can override a default. */
export const fakeApi = {
  requests: [] as TFakeRequest[],
  /** Requests nothing answered (answered 500 INTERNAL so the page shows an error). */
  unhandled: [] as string[],
  on(method: string, path: string | RegExp, answer: THandler | TFakeAnswer | Record<string, unknown>) {
    const handler: THandler =
      typeof answer === 'function'
        ? answer
        : 'body' in answer && Object.keys(answer).every((k) => k === 'body' || k === 'status')
          ? () => answer as TFakeAnswer
          : () => ({ body: answer });
    routes.unshift({ method, path, handler });
    return fakeApi;
  },
  /** An error answer in the server's wire shape. */
  error(code: string, status: number, message: string): TFakeAnswer {
    return { status, body: { error: { code, message, requestId: 'test' } } };
  },
  calls(method: string, path: string | RegExp): TFakeRequest[] {
    return fakeApi.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
  },
  reset() {
    routes.length = 0;
    fakeApi.requests.length = 0;
    fakeApi.unhandled.length = 0;
  },
};

async function request(opts: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) {
  const url = new URL(opts.url, 'http://app.test');
  const req: TFakeRequest = {
    method: opts.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: opts.data,
    headers: opts.header ?? {},
  };
  fakeApi.requests.push(req);
  const route = routes.find((r) => r.method === req.method && (typeof r.path === 'string' ? r.path === req.path : r.path.test(req.path)));
  if (!route) {
    fakeApi.unhandled.push(`${req.method} ${req.path}`);
    return { statusCode: 500, data: { error: { code: 'INTERNAL', message: `no fake for ${req.method} ${req.path}` } }, header: {} };
  }
  const answer = await route.handler(req); // a handler that throws is "no answer" (network down)
  return { statusCode: answer.status ?? 200, data: answer.body, header: {} };
}

const storage = new Map<string, unknown>();
const showListeners = new Set<() => void>();
const pullDownListeners = new Set<() => unknown>();
const reachBottomListeners = new Set<() => unknown>();
let route: { path: string; params: Record<string, string | undefined> } = { path: '/pages/index/index', params: {} };
let tokens = 0;

const nav = () => jest.fn((_opts: { url: string }) => Promise.resolve({ errMsg: 'ok' }));

const Taro = {
  request: jest.fn(request),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  navigateTo: nav(),
  switchTab: nav(),
  reLaunch: nav(),
  redirectTo: nav(),
  navigateBack: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  showToast: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  stopPullDownRefresh: jest.fn(),
  pageScrollTo: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  setClipboardData: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  previewImage: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  getCurrentInstance: () => ({ router: { path: route.path, params: route.params } }),
  login: jest.fn(() => Promise.reject({ errMsg: 'login:fail not in WeChat' })),
  scanCode: jest.fn(() => Promise.reject({ errMsg: 'scanCode:fail cancel' })),
  requestSubscribeMessage: jest.fn(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail not in WeChat' })),
};
export default Taro;

/** Runs on mount (the page shows) and on every `fakeTaro.show()` while mounted. */
export function useDidShow(cb: () => void): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    const f = () => ref.current();
    showListeners.add(f);
    f();
    return () => void showListeners.delete(f);
  }, []);
}

function useListener(set: Set<() => unknown>, cb: () => unknown): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    const f = () => ref.current();
    set.add(f);
    return () => void set.delete(f);
  }, []);
}

export const usePullDownRefresh = (cb: () => unknown) => useListener(pullDownListeners, cb);
export const useReachBottom = (cb: () => unknown) => useListener(reachBottomListeners, cb);
export const useDidHide = (_cb: () => void) => undefined;
export function useLoad(cb: (params: Record<string, string | undefined>) => void): void {
  useEffect(() => cb(route.params), []);
}
export function useRouter() {
  return { path: route.path, params: route.params };
}

/** Test controls for the fake host. */
export const fakeTaro = {
  storage,
  /** The page being rendered: what useRouter and getCurrentInstance report. */
  setRoute(path: string, params: Record<string, string | undefined> = {}) {
    route = { path, params };
  },
  /** Stores a fresh session token (fresh, so per-token caches never leak between tests). */
  signIn(): string {
    const token = `test-token-${++tokens}`;
    storage.set('xyj.token', token);
    return token;
  },
  /** The page shows again (back from another page), inside act() like any user event. */
  show: () => act(async () => void [...showListeners].forEach((f) => f())),
  pullDown: () => act(async () => void (await Promise.all([...pullDownListeners].map((f) => f())))),
  reachBottom: () => act(async () => void (await Promise.all([...reachBottomListeners].map((f) => f())))),
  reset() {
    storage.clear();
    showListeners.clear();
    pullDownListeners.clear();
    reachBottomListeners.clear();
    route = { path: '/pages/index/index', params: {} };
    for (const fn of Object.values(Taro)) if (jest.isMockFunction(fn)) fn.mockClear();
  },
};
