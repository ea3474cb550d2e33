import type { Middleware } from 'koa';
import serve from 'koa-static';
import type { AppState } from './context';

/** Webpack's content-hashed output (`js/app.1c6a7bb5.js`): a changed file gets a new name. */
const HASHED_ASSET = /\.[0-9a-f]{8}\.(js|css)(\.br|\.gz)?$/;

/** Hashed assets never change under their name; everything else (index.html first) is checked on every visit. */
function cacheControlFor(file: string): string {
  return HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The H5 build: brotli or gzip copies made at build time (`file.js.br`,
 * `file.js.gz`, see scripts/build.mjs) when the browser accepts them, the
 * file itself otherwise; long caching for hashed assets, revalidation for
 * the rest, so a deploy reaches every phone on its next visit.
 */
export function staticFiles(dir: string): Middleware<AppState> {
  const files = serve(dir, {
    brotli: true,
    gzip: true,
    setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(file)),
  });
  return (ctx, next) => {
    // The same URL answers in different encodings: shared caches must key on Accept-Encoding.
    if (ctx.method === 'GET' || ctx.method === 'HEAD') ctx.vary('Accept-Encoding');
    return files(ctx, next);
  };
}
