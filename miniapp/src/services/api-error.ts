import { ERRORS, isErrorCode, type ErrorCode } from '@suijing/shared/errors';

/** Codes the client produces itself, beside the BFF's codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
const UNKNOWN_ERROR_MESSAGE = '服务暂时无法访问，请稍后再试';

export interface FieldError {
  path: string;
  message: string;
}

/** What a 403 ASSURANCE_REQUIRED asks for: a level, and for L3 how recent the check must be. */
export interface RequiredAssurance {
  level: 'L1' | 'L2' | 'L3';
  withinSeconds?: number;
}

/** Every failed call surfaces as this, with a message a citizen can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly requestId: string | null;
  readonly fields: FieldError[];
  /** For ASSURANCE_REQUIRED: the step the person has to take first. */
  readonly required: RequiredAssurance | null;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    requestId?: string | null;
    fields?: FieldError[];
    required?: RequiredAssurance | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.fields = init.fields ?? [];
    this.required = init.required ?? null;
  }
}

export function networkError(): ApiError {
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
}

function parseRequired(value: unknown): RequiredAssurance | null {
  if (!isRecord(value)) return null;
  const level = value.level;
  if (level !== 'L1' && level !== 'L2' && level !== 'L3') return null;
  const within = value.withinSeconds;
  return typeof within === 'number' && within > 0 ? { level, withinSeconds: within } : { level };
}

/**
 * Turns a non-2xx response into an ApiError. The body should be
 * `{error:{code,message,requestId,fields?,required?}}`; anything else (a proxy's HTML
 * page, an empty body) still yields a usable Chinese message.
 */
export function errorFromResponse(status: number, body: unknown, headerRequestId?: string): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code: ApiErrorCode = error && isErrorCode(error.code) ? error.code : 'UNKNOWN';
  const serverMessage = error && typeof error.message === 'string' && error.message !== '' ? error.message : null;
  const fallback =
    code === 'UNKNOWN' ? (status >= 500 ? ERRORS.INTERNAL.message : UNKNOWN_ERROR_MESSAGE) : ERRORS[code].message;
  const requestId = error && typeof error.requestId === 'string' ? error.requestId : (headerRequestId ?? null);
  return new ApiError({
    status,
    code,
    message: serverMessage ?? fallback,
    requestId,
    fields: error ? parseFields(error.fields) : [],
    required: error ? parseRequired(error.required) : null,
  });
}

/** A message for any thrown value, for error states and toasts. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNKNOWN_ERROR_MESSAGE;
}
