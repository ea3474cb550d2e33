import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Middleware } from 'koa';
import serve from 'koa-static';
import type { AppState } from './context';

/**
 * Whether staticFiles(dir) would serve a file at this URL path (for GET): a file inside
 * dir, index.html for a folder, no hidden (dot) segment, as koa-send decides.
 */
export function servesFileIn(dir: string): (urlPath: string) => Promise<boolean> {
  const root = path.resolve(dir);
  return async (urlPath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return false;
    }
    if (decoded.includes('\0') || decoded.split('/').some((segment) => segment.startsWith('.'))) return false;
    const file = path.resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) return false;
    const found = await stat(file).catch(() => undefined);
    if (found?.isDirectory())
      return (await stat(path.join(file, 'index.html')).catch(() => undefined))?.isFile() ?? false;
    return found?.isFile() ?? false;
  };
}

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
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', cacheControlFor(file));
      // mime-db's image/vnd.microsoft.icon is the registered name; image/x-icon is the one every browser knows.
      if (file.endsWith('.ico')) res.setHeader('Content-Type', 'image/x-icon');
    },
  });
  return (ctx, next) => {
    // The same URL answers in different encodings: shared caches must key on Accept-Encoding.
    if (ctx.method === 'GET' || ctx.method === 'HEAD') ctx.vary('Accept-Encoding');
    return files(ctx, next);
  };
}
