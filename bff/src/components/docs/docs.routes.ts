import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Router from '@koa/router';
import type { AppState } from '../../libraries/context';

const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'application/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>穗警通 API 文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>`;

// A file rather than an inline script, so the strict Content-Security-Policy stays on.
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });`;

/** /openapi.json always; the self-hosted Swagger UI at /docs only when enabled (off in production). */
export function docsRoutes(router: Router<AppState>, deps: { document: () => object; uiEnabled: boolean }): void {
  let cached: object | undefined;
  router.get('/openapi.json', (ctx) => {
    cached ??= deps.document();
    ctx.body = cached;
  });
  if (!deps.uiEnabled) return;
  router.get('/docs', (ctx) => {
    ctx.type = 'html';
    ctx.body = PAGE;
  });
  router.get('/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = INIT;
  });
  router.get('/docs/assets/:file', async (ctx) => {
    const type = ASSETS.get(ctx.params['file'] ?? '');
    if (!type) return;
    ctx.type = type;
    ctx.set('Cache-Control', 'public, max-age=86400');
    ctx.body = await readFile(path.join(SWAGGER_DIR, ctx.params['file'] ?? ''));
  });
}
