// The baseline: a bare Koa + @koa/router hello route, as fast as Koa gets here.
import Koa from 'koa';
import Router from '@koa/router';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The BFF's own API headers (bench.mjs builds bff/dist first).
const { API_HEADERS } = createRequire(import.meta.url)('../../bff/dist/libraries/security.js');

const app = new Koa();
const router = new Router();
router.get('/hello', (ctx) => {
  ctx.body = { hello: 'world' };
});
// The same response as the BFF's /api/v1/me (its security headers and a body of that size), so
// the cost of the response itself, mostly the client parsing it, can be told from the BFF's own.
const ME_HEADERS = { ...API_HEADERS, 'X-Request-Id': '79e9ffca-a9f8-4fcf-9527-fe54a57a3441', Vary: 'Origin' };
const ME_BODY = {
  id: '3f1c2d4e-1234-4abc-9def-0123456789ab',
  phoneMasked: '138****1234',
  loginMethod: 'sms',
  realNameStatus: 'unverified',
  createdAt: '2026-11-28T01:06:12.000Z',
};
router.get('/me-shaped', (ctx) => {
  ctx.set(ME_HEADERS);
  ctx.body = ME_BODY;
});
// A catalog page as the BFF answers it (bench.mjs saves one before starting this server): what
// answering that many bytes costs without any of the BFF's work.
if (process.env.BENCH_SAMPLE_FILE) {
  const sample = readFileSync(process.env.BENCH_SAMPLE_FILE);
  router.get('/items-shaped', (ctx) => {
    ctx.set(ME_HEADERS);
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = sample;
  });
}
// My vehicles as the BFF answers them from its cache (written by bench.mjs once the applicant exists).
let vehiclesSample;
router.get('/vehicles-shaped', (ctx) => {
  vehiclesSample ??= readFileSync(process.env.BENCH_VEHICLES_SAMPLE_FILE ?? '');
  ctx.set(ME_HEADERS);
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = vehiclesSample;
});
app.use(router.routes());
const server = app.listen(0, '127.0.0.1', () =>
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${server.address().port}` }),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
