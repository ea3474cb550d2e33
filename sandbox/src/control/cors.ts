import type { Middleware } from 'koa';

/**
 * The sandbox's own control routes (/sandbox/...) answer any origin: the
 * demo's browser build calls a few of them directly (the stand-in for the
 * WeChat face camera), as a developer tool would. The simulated systems'
 * APIs are not opened this way: only the BFF calls those.
 */
export function controlCors(): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/sandbox/')) return next();
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    ctx.set('Access-Control-Allow-Headers', 'Content-Type');
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return undefined;
    }
    return next();
  };
}
