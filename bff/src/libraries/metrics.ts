import type { Connection } from 'mongoose';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { UpstreamClient } from '../upstreams/upstream-client';
import { HttpMeter } from './http-metrics';
import type { AnsweredHook } from './request-context';
import type { CacheObserver, ObserveCache } from './ttl-cache';

/** What operators scrape at /metrics (METRICS_PORT): one per app, never prom-client's global registry. */
export interface Metrics {
  /** The text format's content type (0.0.4). */
  readonly contentType: string;
  /** Every instrument in the Prometheus text format. */
  render(): Promise<string>;
  /** Per-route request rate and latency: given to the request context, which times every request. */
  readonly answered: AnsweredHook;
  /** An error answered with this stable code (called by the error handler, the one place that answers errors). */
  countError(code: string): void;
  /** Hits and misses of a named cache. */
  readonly observeCache: ObserveCache;
  /** Breaker state (read when scraped) and call outcomes of each back-end system. */
  watchUpstreams(upstreams: readonly UpstreamClient[]): void;
  /** MongoDB pool use, from the driver's connection pool events (startBff: right after connecting). */
  watchMongoPool(connection: Connection): void;
}

const BREAKER_STATES = { closed: 0, halfOpen: 1, open: 2 } as const;

/**
 * A counter whose counts live in plain numbers, incremented on the request
 * path without label hashing, and handed to prom-client when scraped.
 */
class CountCells<L extends string> {
  private readonly cells = new Map<string, { labels: Record<L, string>; value: number }>();
  readonly counter: Counter<L>;

  constructor(register: Registry, name: string, help: string, labelNames: readonly L[]) {
    const cells = this.cells;
    this.counter = new Counter({
      name,
      help,
      labelNames,
      registers: [register],
      collect() {
        this.reset();
        for (const cell of cells.values()) this.inc(cell.labels, cell.value);
      },
    });
  }

  /** The cell of these labels, created at first use; callers on the hot path keep it. */
  cell(labels: Record<L, string>): { value: number } {
    const key = Object.values<string>(labels).join('\u0000');
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { labels, value: 0 };
      this.cells.set(key, cell);
    }
    return cell;
  }
}

/**
 * Pool use counted from the driver's events, on every operation, so without
 * building strings: connections by server address, then by their id.
 * A connection the pool opened before this watched is known from its first
 * check-out: "available" may read low until then, never high.
 */
function watchPool(connection: Connection, register: Registry): void {
  const open = new Map<string, Set<number | string>>();
  const connectionsAt = (address: string): Set<number | string> => {
    let ids = open.get(address);
    if (!ids) {
      ids = new Set();
      open.set(address, ids);
    }
    return ids;
  };
  let inUse = 0;
  let waiting = 0;
  let operations = 0;
  const client = connection.getClient();
  client.on('connectionCreated', (event) => connectionsAt(event.address).add(event.connectionId));
  client.on('connectionClosed', (event) => connectionsAt(event.address).delete(event.connectionId));
  client.on('connectionCheckOutStarted', () => {
    waiting += 1;
  });
  client.on('connectionCheckOutFailed', () => {
    waiting = Math.max(0, waiting - 1);
  });
  client.on('connectionCheckedOut', (event) => {
    operations += 1;
    inUse += 1;
    waiting = Math.max(0, waiting - 1);
    connectionsAt(event.address).add(event.connectionId);
  });
  // The pool checks every connection back in, also one that failed and is closed right after.
  client.on('connectionCheckedIn', () => {
    inUse = Math.max(0, inUse - 1);
  });
  const total = () => [...open.values()].reduce((sum, ids) => sum + ids.size, 0);
  new Gauge({
    name: 'suijing_mongo_pool_connections',
    help: 'MongoDB pool connections: in_use (checked out), available (idle), total.',
    labelNames: ['state'],
    registers: [register],
    collect() {
      const all = total();
      this.set({ state: 'in_use' }, inUse);
      this.set({ state: 'available' }, Math.max(0, all - inUse));
      this.set({ state: 'total' }, all);
    },
  });
  new Gauge({
    name: 'suijing_mongo_pool_wait_queue',
    help: 'Operations waiting for a MongoDB pool connection.',
    registers: [register],
    collect() {
      this.set(waiting);
    },
  });
  new Counter({
    name: 'suijing_mongo_operations_total',
    help: 'Operations sent to MongoDB (each checks a connection out of the pool).',
    registers: [register],
    collect() {
      this.reset();
      this.inc(operations);
    },
  });
}

/** A fresh registry with Node's default metrics (memory, CPU, event-loop lag) and the BFF's own instruments. */
export function createMetrics(): Metrics {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const http = new HttpMeter();
  const errors = new CountCells(register, 'suijing_errors_total', 'Error responses by stable error code.', ['code']);
  const caches = new CountCells(register, 'suijing_cache_events_total', 'Cache lookups by cache and outcome.', [
    'cache',
    'outcome',
  ]);
  const upstreamCalls = new CountCells(
    register,
    'suijing_upstream_requests_total',
    'Calls to back-end systems by outcome: success (answered), failure, rejected (breaker open).',
    ['system', 'outcome'],
  );
  const watched: UpstreamClient[] = [];
  new Gauge({
    name: 'suijing_upstream_breaker_state',
    help: 'Circuit breaker per back-end system: 0 closed, 1 half-open, 2 open.',
    labelNames: ['system'],
    registers: [register],
    collect() {
      for (const upstream of watched) this.set({ system: upstream.name }, BREAKER_STATES[upstream.circuitState]);
    },
  });

  return {
    contentType: register.contentType,
    async render() {
      return `${await register.metrics()}\n${http.render()}`;
    },
    answered: (ctx, seconds) => http.answered(ctx, seconds),
    countError(code) {
      errors.cell({ code }).value += 1;
    },
    observeCache(name): CacheObserver {
      const hits = caches.cell({ cache: name, outcome: 'hit' });
      const misses = caches.cell({ cache: name, outcome: 'miss' });
      return {
        hit: () => void (hits.value += 1),
        miss: () => void (misses.value += 1),
      };
    },
    watchUpstreams(upstreams) {
      for (const upstream of upstreams) {
        watched.push(upstream);
        const outcomes = {
          success: upstreamCalls.cell({ system: upstream.name, outcome: 'success' }),
          failure: upstreamCalls.cell({ system: upstream.name, outcome: 'failure' }),
          rejected: upstreamCalls.cell({ system: upstream.name, outcome: 'rejected' }),
        };
        upstream.onOutcome((outcome) => void (outcomes[outcome].value += 1));
      }
    },
    watchMongoPool(connection) {
      watchPool(connection, register);
    },
  };
}
