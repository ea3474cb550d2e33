// The baseline: a bare Koa + @koa/router hello route, as fast as Koa gets here.
import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();
router.get('/hello', (ctx) => {
  ctx.body = { hello: 'world' };
});
app.use(router.routes());
const server = app.listen(0, '127.0.0.1', () =>
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${server.address().port}` }),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
