import type { Middleware } from 'koa';
import type { SystemRegistry } from './system-registry';

/**
 * The outermost safety net. Under a system's prefix, an error becomes that
 * system's own answer (a bad body -> its "bad request", anything else -> its
 * "system busy"), because a client of the real system would never see a
 * Koa error page. Elsewhere (the /sandbox control API) it becomes
 * {error: {code, message}}.
 */
export function errorMiddleware(registry: SystemRegistry, log: (line: string) => void): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const status = clientErrorStatus(error);
      const system = registry.forPath(ctx.path);
      if (status === undefined)
        log(`error ${ctx.method} ${ctx.path}: ${error instanceof Error ? error.stack : String(error)}`);
      if (system) {
        const reply = status === undefined ? system.failure() : system.badRequest();
        ctx.status = reply.status;
        ctx.body = reply.body;
        return;
      }
      ctx.status = status ?? 500;
      ctx.body = {
        error:
          status === undefined
            ? { code: 'INTERNAL', message: 'sandbox internal error' }
            : { code: 'BAD_REQUEST', message: errorMessage(error) },
      };
    }
  };
}

/** The 4xx status of an error thrown by Koa or the body parser (e.g. invalid JSON), if any. */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status } = error;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'bad request';
}
