import Router from '@koa/router';
import Koa from 'koa';
import request from 'supertest';
import { UpstreamClient } from '../upstreams/upstream-client';
import type { AppState } from './context';
import { errorHandler } from './error-handler';
import { AppError } from './errors';
import { createLogger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { startMetricsServer } from './metrics-server';
import { requestContext } from './request-context';
import { TtlCache } from './ttl-cache';

const silent = createLogger({ level: 'silent' });

/** A small app wired as createApp wires metrics: requests timed by the request context, errors counted where they are answered. */
function meteredApp(metrics: Metrics) {
  const router = new Router<AppState>({ prefix: '/api/v1' });
  router.get('/items/:code', (ctx) => {
    if (ctx.params['code'] === 'gone') throw new AppError({ code: 'ITEM_NOT_FOUND' });
    ctx.body = { code: ctx.params['code'] };
  });
  const app = new Koa<AppState>();
  app.use(requestContext(silent, { answered: metrics.answered }));
  app.use(errorHandler({ countError: (code) => metrics.countError(code) }));
  app.use(router.routes());
  app.silent = true;
  return app;
}

/** The value of one sample line, e.g. `name{labels}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('when a routed request is answered, then its rate and latency carry the route template, never the raw URL', async () => {
    // Arrange
    const metrics = createMetrics();
    const app = meteredApp(metrics);

    // Act
    await request(app.callback()).get('/api/v1/items/A001').expect(200);
    await request(app.callback()).get('/api/v1/items/B002').expect(200);
    const text = await metrics.render();

    // Assert
    const labels = 'method="GET",route="/api/v1/items/:code"';
    expect(sample(text, `suijing_http_requests_total{${labels},status="200"}`)).toBe(2);
    expect(sample(text, `suijing_http_request_duration_seconds_count{${labels}}`)).toBe(2);
    expect(sample(text, `suijing_http_request_duration_seconds_bucket{${labels},le="+Inf"}`)).toBe(2);
    expect(sample(text, `suijing_http_request_duration_seconds_bucket{${labels},le="5"}`)).toBe(2);
    expect(text).not.toContain('A001');
  });

  it('when nothing routes a path, then it is counted under route="unmatched"', async () => {
    // Arrange
    const metrics = createMetrics();
    const app = meteredApp(metrics);

    // Act
    await request(app.callback()).get('/no/such/page/4711').expect(404);
    const text = await metrics.render();

    // Assert
    expect(sample(text, 'suijing_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(text).not.toContain('4711');
  });

  it('when a route fails with an error code, then the error is counted by its code and the answer by its status', async () => {
    // Arrange
    const metrics = createMetrics();
    const app = meteredApp(metrics);

    // Act
    await request(app.callback()).get('/api/v1/items/gone').expect(404);
    const text = await metrics.render();

    // Assert
    expect(sample(text, 'suijing_errors_total{code="ITEM_NOT_FOUND"}')).toBe(1);
    expect(sample(text, 'suijing_http_requests_total{method="GET",route="/api/v1/items/:code",status="404"}')).toBe(1);
  });

  it('when a named cache is read, then its hits and misses are counted apart (an expired entry is a miss)', async () => {
    // Arrange
    const metrics = createMetrics();
    const cache = new TtlCache<string>(1000, 10, metrics.observeCache('users'));
    cache.set('a', 'A', 0);

    // Act
    cache.get('a', 10);
    cache.get('a', 20);
    cache.get('b', 30);
    cache.get('a', 5000);
    const text = await metrics.render();

    // Assert
    expect(sample(text, 'suijing_cache_events_total{cache="users",outcome="hit"}')).toBe(2);
    expect(sample(text, 'suijing_cache_events_total{cache="users",outcome="miss"}')).toBe(2);
  });

  it('when a system keeps failing, then its breaker reads open (2) and its calls read failed, then refused', async () => {
    // Arrange: nothing listens on port 1, so every call fails at once.
    const metrics = createMetrics();
    const upstream = new UpstreamClient(
      { name: 'hall', label: '大厅系统', baseUrl: 'http://127.0.0.1:1', timeoutMs: 500, retries: 0 },
      silent,
    );
    metrics.watchUpstreams([upstream]);
    const before = await metrics.render();
    const attempt = () => upstream.exchange({ method: 'GET', path: '/ping', safe: true }).catch(() => undefined);

    // Act
    for (let i = 0; i < 6; i += 1) await attempt();
    const after = await metrics.render();
    await upstream.close();

    // Assert
    expect(sample(before, 'suijing_upstream_breaker_state{system="hall"}')).toBe(0);
    expect(sample(after, 'suijing_upstream_breaker_state{system="hall"}')).toBe(2);
    expect(sample(after, 'suijing_upstream_requests_total{system="hall",outcome="failure"}')).toBe(5);
    expect(sample(after, 'suijing_upstream_requests_total{system="hall",outcome="rejected"}')).toBe(1);
  });

  it("when scraped, then Node's default metrics are there: memory, CPU and event-loop lag", async () => {
    // Arrange
    const metrics = createMetrics();

    // Act
    const text = await metrics.render();

    // Assert
    for (const name of [
      'process_resident_memory_bytes',
      'process_cpu_seconds_total',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(text).toContain(`\n${name} `);
    }
  });
});

describe('metrics server', () => {
  it('when asked for /metrics, then it answers the text format; any other path is 404', async () => {
    // Arrange
    const metrics = createMetrics();
    const server = await startMetricsServer(metrics, { host: '127.0.0.1', port: 0 });
    const origin = server.url.replace(/\/metrics$/, '');

    try {
      // Act
      const scrape = await request(origin).get('/metrics');
      const other = await request(origin).get('/');

      // Assert
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(scrape.status).toBe(200);
      expect(scrape.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(scrape.text).toContain('# TYPE suijing_http_request_duration_seconds histogram');
      expect(other.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
