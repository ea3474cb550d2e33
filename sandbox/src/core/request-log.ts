import type { Middleware } from 'koa';

/**
 * One line per request. Only the path is logged, never the query string:
 * WeChat takes its appsecret and login code as query parameters.
 */
export function requestLog(log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } finally {
      const outcome = ctx.respond === false ? 'dropped' : String(ctx.status);
      log(`${ctx.method} ${ctx.path} ${outcome} ${Date.now() - started}ms`);
    }
  };
}
