import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Middleware } from 'koa';
import type { AppState } from './context';

/**
 * What the BFF writes into the H5 index.html's first screen (#sj-shell, see miniapp/src/index.html):
 * markup painted before the JavaScript arrives, and the data React's first render starts from.
 */
export interface FirstScreen {
  html: string;
  data: unknown;
}

// The build's HTML minifier may drop attribute quotes: match either way.
const CATALOG_SLOT = /<div id="?sj-shell-catalog"?><\/div>/;
const DATA_SLOT = /<script type="?application\/json"? id="?sj-home-data"?>null<\/script>/;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from the catalog as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** JSON safe inside <script type="application/json">: no `</script>`, `<!--` or line separators can end or bend it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const STYLESHEET = /<link href="?(\/css\/[\w.-]+\.css)"? rel="?stylesheet"?>/g;

/**
 * The build's own stylesheets (the entry's, linked from index.html) written into the page: the
 * first screen then paints as soon as the page has arrived, instead of after one more round trip
 * (150 ms and more on a phone's link) that the JavaScript downloads slow down further. Only files
 * inside dir; the entry's CSS is loaded by nothing else (the runtime loads only later chunks' CSS).
 */
export function inlineStylesheets(html: string, dir: string): string {
  const root = path.resolve(dir);
  return html.replace(STYLESHEET, (link, href: string) => {
    const file = path.resolve(root, `.${href}`);
    if (!file.startsWith(`${root}${path.sep}`) || !existsSync(file)) return link;
    const css = readFileSync(file, 'utf8');
    // A stylesheet cannot end the <style> element early; one that would is left linked.
    return /<\/style/i.test(css) ? link : `<style>${css}</style>`;
  });
}

/** index.html with the first screen written in; without one (or in a build without the slots) as built. */
export function renderIndex(template: string, screen: FirstScreen | null): string {
  if (!screen) return template;
  return template
    .replace(CATALOG_SLOT, () => `<div id="sj-shell-catalog">${screen.html}</div>`)
    .replace(
      DATA_SLOT,
      () => `<script type="application/json" id="sj-home-data">${jsonForScript(screen.data)}</script>`,
    );
}

interface Rendered {
  raw: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  expires: number;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function encode(html: string, expires: number): Promise<Rendered> {
  const raw = Buffer.from(html);
  const [br, gz] = await Promise.all([
    // Once per refresh, not per request: a high level costs a few ms on ~15 KB.
    brotli(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    gzipped(raw, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  return { raw, br, gzip: gz, etag: `"${createHash('sha1').update(raw).digest('base64url')}"`, expires };
}

export interface H5IndexOptions {
  /** The H5 build (its index.html is read once, at start). */
  dir: string;
  /** The current first screen; null or a failure: the page as built (React then loads it). */
  firstScreen: () => Promise<FirstScreen | null>;
  /** How long one rendering is served (the hot items change with the catalog, rarely). */
  ttlMs: number;
  now?: () => number;
}

/**
 * `/` and `/index.html` of the H5 build with 首页's first screen written in, rendered and
 * compressed once per ttlMs for every visitor (nothing personal is in it), revalidated by
 * every visit (no-cache + ETag) so a deploy or a new catalog reaches phones at once.
 */
export function h5IndexPage(options: H5IndexOptions): Middleware<AppState> {
  const file = path.join(options.dir, 'index.html');
  // No build yet: the static handler answers (404) as it would without this.
  if (!existsSync(file)) return (_ctx, next) => next();
  const now = options.now ?? Date.now;
  let current: Promise<Rendered> | null = null;
  let expires = 0;
  // Read again when a new build replaced it (its hashed script and style names change).
  let template = { html: '', mtimeMs: -1 };
  const latestTemplate = (): string => {
    const mtimeMs = statSync(file).mtimeMs;
    if (mtimeMs !== template.mtimeMs)
      template = { html: inlineStylesheets(readFileSync(file, 'utf8'), options.dir), mtimeMs };
    return template.html;
  };

  const rendered = (): Promise<Rendered> => {
    if (!current || now() >= expires) {
      expires = now() + options.ttlMs;
      current = options
        .firstScreen()
        .catch(() => null)
        .then((screen) => encode(renderIndex(latestTemplate(), screen), expires));
    }
    return current;
  };

  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || (ctx.path !== '/' && ctx.path !== '/index.html')) {
      return next();
    }
    // index.html gone for a moment (a build replacing dist): the static handler answers; the next visit renders again.
    const page = await rendered().catch(() => {
      current = null;
      return null;
    });
    if (!page) return next();
    ctx.vary('Accept-Encoding');
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'text/html; charset=utf-8';
    ctx.etag = page.etag;
    // ctx.fresh compares validators only for a 2xx answer.
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return undefined;
    }
    // As koa-send picks the build's copies: brotli first, whatever order the browser lists them in.
    const encoding =
      ctx.acceptsEncodings('br', 'identity') === 'br'
        ? 'br'
        : ctx.acceptsEncodings('gzip', 'identity') === 'gzip'
          ? 'gzip'
          : undefined;
    if (encoding) ctx.set('Content-Encoding', encoding);
    ctx.body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.raw;
    return undefined;
  };
}
