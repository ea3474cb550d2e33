import Taro from '@tarojs/taro';
import { REFRESHABLE_AUTH_CODES } from '@suijing/shared/errors';
import type { TokenResponse } from '@suijing/shared';
import { ApiError, errorFromResponse, networkError } from './api-error';
import { clearTokens, getTokens, setTokens } from './token-store';

export { ApiError } from './api-error';

/**
 * The one HTTP client of the mini-program (weapp and H5 alike, via
 * Taro.request): base URL, Bearer token, one refresh on an expired token,
 * typed errors. Pages never call Taro.request themselves.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the BFF, e.g. `/api/v1/me`. */
  path: string;
  data?: Record<string, unknown> | unknown[];
  /** Send the access token and refresh it when expired. Default true. */
  auth?: boolean;
  /** Extra headers (e.g. Idempotency-Key). */
  header?: Record<string, string>;
}

const REQUEST_TIMEOUT_MS = 15_000;
const WEAPP_DEV_BASE = 'http://localhost:8080';

/** TARO_APP_API_BASE if set; otherwise same origin on H5 and the local BFF on weapp. */
export function apiBaseUrl(): string {
  const configured = (process.env.TARO_APP_API_BASE ?? '').trim().replace(/\/+$/, '');
  if (configured !== '') return configured;
  return process.env.TARO_ENV === 'h5' ? '' : WEAPP_DEV_BASE;
}

interface ClientHooks {
  /** Tokens were cleared because the session cannot be recovered: show login. */
  onAuthLost: (error: ApiError) => void;
  /** A refresh produced a new pair (and a fresh user). */
  onTokenResponse: (response: TokenResponse) => void;
}

const hooks: ClientHooks = { onAuthLost: () => undefined, onTokenResponse: () => undefined };

/** Wires the client to the app (auth store, navigation) without importing them here. */
export function configureApiClient(next: Partial<ClientHooks>): void {
  Object.assign(hooks, next);
}

/** A response as any transport (request, uploadFile) reports it. */
export interface RawResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, string | undefined>;
}

async function send(options: RequestOptions, accessToken: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json', ...options.header };
  if (options.data !== undefined) header['Content-Type'] = 'application/json';
  if (accessToken) header.Authorization = `Bearer ${accessToken}`;
  try {
    const res = await Taro.request<unknown>({
      url: `${apiBaseUrl()}${options.path}`,
      method: options.method ?? 'GET',
      data: options.data,
      header,
      timeout: REQUEST_TIMEOUT_MS,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data, header: normaliseHeader(res.header) };
  } catch {
    // Taro rejects only when no HTTP response arrived (offline, DNS, timeout).
    throw networkError();
  }
}

export function normaliseHeader(header: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (typeof header !== 'object' || header === null) return out;
  for (const [key, value] of Object.entries(header)) {
    if (typeof value === 'string') out[key.toLowerCase()] = value;
  }
  return out;
}

function toResult<T>(res: RawResponse): T {
  if (res.statusCode >= 200 && res.statusCode < 300) {
    return (res.statusCode === 204 ? undefined : res.data) as T;
  }
  throw errorFromResponse(res.statusCode, res.data, res.header['x-request-id']);
}

let refreshInFlight: Promise<string> | null = null;

/**
 * Exchanges the refresh token for a new pair. Concurrent callers share one
 * in-flight promise: the BFF rotates refresh tokens and treats a reused one
 * as theft, so two parallel refreshes would log the user out.
 */
function refreshAccessToken(): Promise<string> {
  if (!refreshInFlight) {
    refreshInFlight = doRefresh().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

async function doRefresh(): Promise<string> {
  const refreshToken = getTokens()?.refreshToken;
  if (!refreshToken) loseAuth(new ApiError({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录后再办理' }));
  let body: TokenResponse;
  try {
    body = toResult<TokenResponse>(
      await send({ method: 'POST', path: '/api/v1/auth/refresh', data: { refreshToken } }, null),
    );
  } catch (error) {
    // A 4xx is the BFF's verdict that the session is over (invalid, reused,
    // revoked). Offline or a 5xx is not: keep the tokens for the next try.
    // Handled here, inside the shared promise, so login is shown only once.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500) loseAuth(error);
    throw error;
  }
  setTokens({ accessToken: body.accessToken, refreshToken: body.refreshToken });
  hooks.onTokenResponse(body);
  return body.accessToken;
}

function isRefreshable(error: ApiError): boolean {
  const refreshable: readonly string[] = REFRESHABLE_AUTH_CODES;
  return error.status === 401 && refreshable.includes(error.code);
}

function loseAuth(error: ApiError): never {
  clearTokens();
  hooks.onAuthLost(error);
  throw error;
}

/** Sends a request to the BFF and returns the parsed body (undefined for 204). */
export function apiRequest<T>(options: RequestOptions): Promise<T> {
  return callWithAuth<T>((token) => send(options, token), options.auth !== false);
}

/**
 * Runs any transport (e.g. Taro.uploadFile) with the client's token rules:
 * the Bearer token, one refresh on an expired token, the same typed errors.
 * `transport` is called again after a refresh, with the new token.
 */
export function apiTransport<T>(transport: (accessToken: string | null) => Promise<RawResponse>): Promise<T> {
  return callWithAuth<T>(transport, true);
}

type Transport = (accessToken: string | null) => Promise<RawResponse>;

async function callWithAuth<T>(transport: Transport, useAuth: boolean): Promise<T> {
  const usedToken = useAuth ? (getTokens()?.accessToken ?? null) : null;
  try {
    return toResult<T>(await transport(usedToken));
  } catch (error) {
    if (!(error instanceof ApiError) || !useAuth || error.status !== 401) throw error;
    if (!isRefreshable(error) || usedToken === null) loseAuth(error);
    return retryWithFreshToken<T>(transport, usedToken);
  }
}

async function retryWithFreshToken<T>(transport: Transport, usedToken: string): Promise<T> {
  let freshToken: string;
  const current = getTokens()?.accessToken;
  if (current && current !== usedToken) {
    // Someone else refreshed while this call was in flight: just use the result.
    freshToken = current;
  } else {
    freshToken = await refreshAccessToken();
  }
  try {
    return toResult<T>(await transport(freshToken));
  } catch (error) {
    // A brand-new token rejected again means the session is gone for good.
    if (error instanceof ApiError && error.status === 401) loseAuth(error);
    throw error;
  }
}

/** Tests only: drop a pending refresh between test cases. */
export function resetApiClientForTests(): void {
  refreshInFlight = null;
  hooks.onAuthLost = () => undefined;
  hooks.onTokenResponse = () => undefined;
}
