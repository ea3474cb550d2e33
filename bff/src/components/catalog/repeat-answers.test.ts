import Router from '@koa/router';
import type { CatalogFreshness } from '@suijing/shared';
import Koa from 'koa';
import request from 'supertest';
import type { AppState } from '../../libraries/context';
import { JsonWithField } from '../../libraries/json-bytes';
import { RepeatAnswers } from './repeat-answers';

/** A catalog copy whose version and age the test moves. */
function copy(version: string) {
  const state = { version, ageSeconds: 0 };
  const freshness = (): CatalogFreshness => ({
    version: state.version,
    syncedAt: '2026-12-06T01:00:00.000Z',
    ageSeconds: state.ageSeconds,
    stale: false,
  });
  return { state, source: { get: async () => ({ freshness: freshness() }) } };
}

/** A route like the catalog's: the repeat answer first, then validation and the handler (counted). */
function appWith(source: ReturnType<typeof copy>['source']) {
  const repeats = new RepeatAnswers(source, { entries: 100, bytes: 1_000_000 });
  const handled: string[] = [];
  const router = new Router<AppState>();
  router.get('/search', repeats.answerRepeat, async (ctx) => {
    const q = String(ctx.query['q'] ?? '');
    handled.push(q);
    if (q === 'bad') {
      ctx.status = 400;
      ctx.body = { error: { code: 'VALIDATION_FAILED' } };
      return;
    }
    const { freshness } = await source.get();
    const answer = repeats.remember(ctx, { payload: new JsonWithField({ q, hits: [q.length] }, 'catalog'), freshness });
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = answer.bytes;
  });
  const app = new Koa<AppState>();
  app.use(router.routes());
  return { http: request(app.callback()), handled };
}

describe('RepeatAnswers: catalog reads sent again exactly so', () => {
  it('when the same request comes again, then it is answered before the handler, with the current freshness', async () => {
    // Arrange
    const { state, source } = copy('v1');
    const { http, handled } = appWith(source);
    await http.get('/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81').expect(200);
    state.ageSeconds = 7;

    // Act
    const again = await http.get('/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81');

    // Assert
    expect(handled).toEqual(['身份证']);
    expect(again.status).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.text).toBe(
      JSON.stringify({
        q: '身份证',
        hits: [3],
        catalog: { version: 'v1', syncedAt: '2026-12-06T01:00:00.000Z', ageSeconds: 7, stale: false },
      }),
    );
  });

  it('when the catalog version changed, then the request goes to the handler again', async () => {
    // Arrange
    const { state, source } = copy('v1');
    const { http, handled } = appWith(source);
    await http.get('/search?q=a').expect(200);
    state.version = 'v2';

    // Act
    const answer = await http.get('/search?q=a');

    // Assert
    expect(handled).toEqual(['a', 'a']);
    expect(answer.body).toMatchObject({ catalog: { version: 'v2' } });
  });

  it('when a request failed, or is spelled differently, then nothing remembered answers it', async () => {
    // Arrange
    const { source } = copy('v1');
    const { http, handled } = appWith(source);
    await http.get('/search?q=bad').expect(400);
    await http.get('/search?q=a').expect(200);

    // Act
    const failedAgain = await http.get('/search?q=bad');
    await http.get('/search?q=a&page=1').expect(200);

    // Assert
    expect(failedAgain.status).toBe(400);
    expect(handled).toEqual(['bad', 'a', 'bad', 'a']);
  });
});
