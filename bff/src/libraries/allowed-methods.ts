import type Router from '@koa/router';
import type { Middleware, Next } from 'koa';
import type { AppContext, AppState } from './context';
import { AppError } from './errors';
import { rememberedPerKey } from './remembered-matches';

/**
 * Which methods a path has, decided before anything reads the request: a path
 * some route or served file answers, asked with another method (TRACE, PROPFIND,
 * PATCH on a page...), is 405 with the ones it has in Allow (OPTIONS: 204 with
 * Allow); an unknown path under the API prefix is a JSON 404, never the H5 page.
 * The rest (pages, files, a path nothing answers) goes on as usual.
 */
export function allowedMethods(options: {
  routers: ReadonlyArray<Router<AppState>>;
  apiPrefix: string;
  /** Whether the static files would serve this path (they answer GET and HEAD). */
  servesFile?: (path: string) => Promise<boolean>;
}): Middleware<AppState> {
  const apiPath = `${options.apiPrefix}/`;
  // The methods at a path never change once the app answers: worked out once per path seen lately.
  const methodsAt = rememberedPerKey(
    (path): ReadonlySet<string> =>
      new Set(options.routers.flatMap((router) => router.match(path, 'GET').path.flatMap((layer) => layer.methods))),
  );
  const answer = async (ctx: AppContext, next: Next, allowed: ReadonlySet<string>): Promise<void> => {
    if (allowed.size === 0) {
      if (ctx.path.startsWith(apiPath)) throw new AppError({ code: 'ROUTE_NOT_FOUND' });
      const asFile = ctx.method !== 'GET' && ctx.method !== 'HEAD' && (await options.servesFile?.(ctx.path));
      if (!asFile) return next();
      allowed = new Set(['GET', 'HEAD']);
    }
    if (allowed.has(ctx.method)) return next();
    ctx.set('Allow', [...allowed].join(', '));
    if (ctx.method === 'OPTIONS') {
      ctx.status = 204;
      return undefined;
    }
    throw new AppError({ code: 'METHOD_NOT_ALLOWED' });
  };
  return (ctx, next) => {
    const allowed = methodsAt(ctx.path);
    // Most requests: a method the path has, passed on without another promise.
    if (allowed.has(ctx.method)) return next();
    return answer(ctx, next, allowed);
  };
}
