import type { Middleware } from 'koa';
import { ERRORS, type ErrorCode, type ErrorResponse } from '@suijing/shared';
import { AppError, isAppError } from './errors';
import type { AppState } from './context';

const DATABASE_ERRORS = new Set([
  'MongooseServerSelectionError',
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);
/**
 * Socket errors that reach the error handler raw came from MongoDB: the
 * driver lets a write to a connection the server just closed escape as EPIPE.
 * Upstream clients turn their own into UPSTREAM_UNAVAILABLE.
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  name?: string;
  message?: string;
  code?: unknown;
}

/** Turns whatever was thrown into an AppError with a code a client can act on. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  if ((e.name && DATABASE_ERRORS.has(e.name)) || (typeof e.code === 'string' && SOCKET_ERRORS.has(e.code)))
    return new AppError({ code: 'DATABASE_UNAVAILABLE', cause: error });
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.too.large' || status === 413) return new AppError({ code: 'BODY_TOO_LARGE', cause: error });
  if (e.type === 'entity.parse.failed') {
    return new AppError({ code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON，请检查后重试', cause: error });
  }
  // The JSON parser's strict mode: a bare string, number or null where an object belongs.
  if (status === 400 && e.name === 'SyntaxError') {
    return new AppError({ code: 'VALIDATION_FAILED', message: '请求内容应为 JSON 对象，请检查后重试', cause: error });
  }
  if (status === 415) return new AppError({ code: 'UNSUPPORTED_MEDIA_TYPE', cause: error });
  // A method nothing here implements (a router's 501) is the client's mistake all the same.
  if (status === 405 || status === 501) return new AppError({ code: 'METHOD_NOT_ALLOWED', cause: error });
  if (status === 404) return new AppError({ code: 'ROUTE_NOT_FOUND', cause: error });
  if (status !== undefined && status >= 400 && status < 500) {
    return new AppError({ code: 'VALIDATION_FAILED', status, cause: error });
  }
  return new AppError({ code: 'INTERNAL', cause: error });
}

/**
 * The one place that turns errors into `{error: {code, message, requestId}}` responses,
 * so also where errors are counted by code (`countError`, from metrics when they are on).
 */
export function errorHandler(options: { countError?: (code: ErrorCode) => void } = {}): Middleware<AppState> {
  const { countError } = options;
  return async (ctx, next) => {
    try {
      await next();
    } catch (thrown) {
      const error = toAppError(thrown);
      countError?.(error.code);
      const log = ctx.state.log;
      const { requestId } = ctx.state;
      if (error.status >= 500) log.error({ requestId, err: thrown, code: error.code }, 'request failed');
      else log.info({ requestId, code: error.code, reason: error.message }, 'request rejected');
      const code: ErrorCode = error.code;
      const body: ErrorResponse = {
        error: {
          code,
          // 5xx never carry internals: only the code's own citizen-facing message.
          message: error.expose ? error.message : ERRORS[code].message,
          requestId: ctx.state.requestId,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.required && error.required.level !== 'none'
            ? {
                required: {
                  level: error.required.level,
                  ...(error.required.withinSeconds !== undefined
                    ? { withinSeconds: error.required.withinSeconds }
                    : {}),
                },
              }
            : {}),
        },
      };
      ctx.status = error.status;
      ctx.body = body;
      if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer');
      if (error.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(error.retryAfterSeconds));
    }
  };
}
