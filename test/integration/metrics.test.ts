import { randomBytes } from 'node:crypto';
import { createLogger, startBff, type RunningBff } from '@suijing/bff';
import type { RunningSandbox } from '@suijing/sandbox';
import { startSandboxFor } from '../support/stack';

/** The instruments operators and the soak rely on (docs/ARCHITECTURE.md "Metrics"); renaming one breaks them. */
const NAMES = [
  'suijing_http_requests_total',
  'suijing_http_request_duration_seconds_bucket',
  'suijing_errors_total',
  'suijing_cache_events_total',
  'suijing_upstream_breaker_state',
  'suijing_upstream_requests_total',
  'suijing_mongo_pool_connections',
  'suijing_mongo_pool_wait_queue',
  'suijing_mongo_operations_total',
  'nodejs_eventloop_lag_p99_seconds',
  'process_resident_memory_bytes',
  'nodejs_heap_size_used_bytes',
  'process_cpu_seconds_total',
];

/** A started BFF with METRICS_PORT set, as npm start and the load runs start it. */
describe('metrics on a port of their own', () => {
  let sandbox: RunningSandbox;
  let bff: RunningBff;

  beforeAll(async () => {
    const started = await startSandboxFor(`suijing_metrics_${randomBytes(6).toString('hex')}`, {
      PORT: '0',
      METRICS_PORT: '0',
      PUBLIC_BASE_URL: 'http://127.0.0.1:9',
    });
    sandbox = started.sandbox;
    bff = await startBff(started.config, createLogger({ level: 'silent' }));
  });
  afterAll(async () => {
    await bff.connection.dropDatabase().catch(() => undefined);
    await bff.close(1000);
    await sandbox.close();
  });

  it('when a few requests were served, then /metrics names every instrument, counts the error code, and labels routes by template', async () => {
    // Arrange
    await fetch(`${bff.url}/api/v1/items`);
    await fetch(`${bff.url}/api/v1/items/no-such-item-0000`);
    await fetch(`${bff.url}/api/v1/me`, { headers: { authorization: 'Bearer not-a-token' } });

    // Act
    const scrape = await fetch(bff.metricsUrl ?? 'http://127.0.0.1:9/no-metrics-url');
    const text = await scrape.text();

    // Assert
    expect(bff.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(scrape.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(NAMES.filter((name) => !text.includes(`\n${name}`))).toEqual([]);
    expect(text).toContain('suijing_errors_total{code="TOKEN_INVALID"} 1');
    // A malformed item code: refused by the route's validation, still labelled by the template.
    expect(text).toContain('suijing_http_requests_total{method="GET",route="/api/v1/items/:code",status="400"} 1');
    expect(text).toContain('suijing_errors_total{code="VALIDATION_FAILED"} 1');
    expect(text).toContain('suijing_cache_events_total{cache="access-tokens",outcome="miss"}');
    expect(text).not.toContain('no-such-item-0000');
    // The pool's events reach the gauges: the index builds and the requests above used connections.
    const poolTotal = /^suijing_mongo_pool_connections\{state="total"\} (\d+)$/m.exec(text)?.[1];
    expect(Number(poolTotal)).toBeGreaterThan(0);
  });

  it('when /readyz pings MongoDB once, then the operations counter grows by exactly one', async () => {
    // Arrange
    const operations = async () => {
      const text = await (await fetch(bff.metricsUrl ?? 'http://127.0.0.1:9/no-metrics-url')).text();
      return Number(/^suijing_mongo_operations_total (\d+)$/m.exec(text)?.[1]);
    };
    const before = await operations();

    // Act
    const ready = await fetch(`${bff.url}/readyz`);

    // Assert
    expect(ready.status).toBe(200);
    expect((await operations()) - before).toBe(1);
  });

  it('when /metrics is asked on the public port, then it is not there (404)', async () => {
    // Act
    const res = await fetch(`${bff.url}/metrics`);

    // Assert
    expect(res.status).toBe(404);
  });
});
