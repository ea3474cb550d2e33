import type { Context } from 'koa';

/**
 * The envelope of the police and government back ends (DOMAIN.md): every
 * answer is {code, msg, data} with code "0000" for success and any other
 * four-digit string for an error, usually with HTTP 200 (only a few gateway
 * checks such as authentication use the HTTP status). The BFF must read
 * `code`, not the HTTP status; the sandbox speaks this way on purpose.
 */

export const LEGACY_SUCCESS_CODE = '0000';
export const LEGACY_SUCCESS_MSG = '成功';

export interface LegacySuccess<T> {
  code: typeof LEGACY_SUCCESS_CODE;
  msg: string;
  data: T;
}

export interface LegacyFailure {
  code: string;
  msg: string;
}

export type LegacyEnvelope<T> = LegacySuccess<T> | LegacyFailure;

/** A legacy error: its code and its (Chinese) message, as the system words it. */
export interface LegacyError {
  readonly code: string;
  readonly msg: string;
}

export function legacyOk<T>(data: T): LegacySuccess<T> {
  return { code: LEGACY_SUCCESS_CODE, msg: LEGACY_SUCCESS_MSG, data };
}

export function legacyFail(error: LegacyError): LegacyFailure {
  if (error.code === LEGACY_SUCCESS_CODE) throw new Error('legacyFail: "0000" is the success code');
  return { code: error.code, msg: error.msg };
}

/** The same code with what was wrong appended, as the legacy systems word their detailed answers. */
export function withDetail(error: LegacyError, detail: string): LegacyError {
  return { code: error.code, msg: `${error.msg}：${detail}` };
}

/** Errors every legacy system shares; each system adds its own codes. */
export const LEGACY_ERRORS = {
  /** The back end is overloaded or broken (what errorRate faults answer, with HTTP 500). */
  SYSTEM_BUSY: { code: '9999', msg: '系统繁忙，请稍后重试' },
  /** The request body could not be parsed. */
  BAD_MESSAGE: { code: '9001', msg: '请求报文格式错误' },
} as const satisfies Record<string, LegacyError>;

/** Writes an envelope as the response, with HTTP 200 unless the system uses a status for this error. */
export function replyLegacy<T>(ctx: Context, envelope: LegacyEnvelope<T>, status = 200): void {
  ctx.status = status;
  ctx.body = envelope;
}
