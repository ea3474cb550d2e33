import Taro from '@tarojs/taro';
import type { HandlingDecision, HandlingPreview, ViolationAnswer } from '@suijing/shared';
import { apiBaseUrl, apiRequest, apiTransport, normaliseHeader, type RawResponse } from './api-client';
import { networkError } from './api-error';

/**
 * 违法处理: one of my violations (by the opaque id of the list), its evidence
 * photos, what handling it online would do, and handling it.
 */

const violationPath = (id: string): string => `/api/v1/violations/${encodeURIComponent(id)}`;

export function fetchViolation(id: string): Promise<ViolationAnswer> {
  return apiRequest<ViolationAnswer>({ path: violationPath(id) });
}

/** Allowed with the consequences, or why not and which window to go to instead. */
export function fetchHandlingPreview(id: string): Promise<HandlingPreview> {
  return apiRequest<HandlingPreview>({ path: `${violationPath(id)}/handling` });
}

/** Issues the 处罚决定书; the same key for every retry of one attempt (the BFF handles it once). */
export function handleViolation(id: string, idempotencyKey: string): Promise<HandlingDecision> {
  return apiRequest<HandlingDecision>({
    method: 'POST',
    path: `${violationPath(id)}/handling`,
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/**
 * A photo (its API path from the detail) as a data URL an Image can show:
 * the photo is private, so it is fetched with the Bearer token rather than
 * linked (an Image cannot send one).
 */
export async function fetchViolationPhoto(url: string): Promise<string> {
  const raw = await apiTransport<RawResponse>(async (accessToken) => {
    const res = await requestBytes(url, accessToken);
    // Errors arrive as bytes too: let the client read them as the JSON they are.
    if (res.statusCode >= 400) return { ...res, data: jsonOf(res.data) };
    return { statusCode: res.statusCode, data: res, header: res.header };
  });
  const type = (raw.header['content-type'] ?? 'image/svg+xml').split(';')[0] ?? 'image/svg+xml';
  const bytes = raw.data instanceof ArrayBuffer ? raw.data : new ArrayBuffer(0);
  return `data:${type};base64,${base64Of(bytes)}`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes to base64 here: Taro's H5 arrayBufferToBase64 answers '' for an ArrayBuffer, and weapp has no btoa. */
function base64Of(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const triple = (a << 16) | (b << 8) | c;
    out += BASE64[(triple >> 18) & 63] ?? '';
    out += BASE64[(triple >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (BASE64[(triple >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (BASE64[triple & 63] ?? '') : '=';
  }
  return out;
}

async function requestBytes(path: string, accessToken: string | null): Promise<RawResponse> {
  try {
    const res = await Taro.request<ArrayBuffer>({
      url: `${apiBaseUrl()}${path}`,
      method: 'GET',
      header: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      responseType: 'arraybuffer',
      dataType: '其他',
    });
    return { statusCode: res.statusCode, data: res.data, header: normaliseHeader(res.header) };
  } catch {
    // Taro rejects only when no HTTP response arrived (offline, DNS, timeout).
    throw networkError();
  }
}

function jsonOf(data: unknown): unknown {
  if (!(data instanceof ArrayBuffer)) return data;
  try {
    return JSON.parse(new TextDecoder().decode(data)) as unknown;
  } catch {
    return undefined;
  }
}
