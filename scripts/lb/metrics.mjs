// Reading an instance's /metrics (Prometheus text format, the names of bff/src/libraries/metrics.ts):
// memory, event-loop lag and the request-duration histogram, and percentiles from histogram buckets.

/** Every sample of a text exposition: [{ name, labels, value }] (comments and blank lines skipped). */
export function parsePrometheus(text) {
  const samples = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels = {};
    for (const [, key, raw] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = raw.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

const value = (samples, name) => samples.find((s) => s.name === name)?.value;

/**
 * What the soak keeps of one scrape: RSS and heap (bytes), event-loop lag p99 (s), CPU seconds, and the
 * cumulative request-duration buckets per route: Map('GET /api/v1/items/:code' => Map(le => count)).
 */
export function summarize(samples) {
  const routes = new Map();
  for (const s of samples) {
    if (s.name !== 'suijing_http_request_duration_seconds_bucket') continue;
    const key = `${s.labels.method} ${s.labels.route}`;
    if (!routes.has(key)) routes.set(key, new Map());
    routes.get(key).set(s.labels.le === '+Inf' ? Infinity : Number(s.labels.le), s.value);
  }
  return {
    rss: value(samples, 'process_resident_memory_bytes'),
    heapUsed: value(samples, 'nodejs_heap_size_used_bytes'),
    heapTotal: value(samples, 'nodejs_heap_size_total_bytes'),
    lagP99: value(samples, 'nodejs_eventloop_lag_p99_seconds'),
    cpu: value(samples, 'process_cpu_seconds_total'),
    /** Tells a restarted process from the one before it. */
    start: value(samples, 'process_start_time_seconds'),
    routes,
  };
}

/** One instance's scrape, summarized; undefined when it does not answer (stopped, restarting). */
export async function scrape(metricsUrl, timeoutMs = 2000) {
  try {
    const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return undefined;
    return summarize(parsePrometheus(await res.text()));
  } catch {
    return undefined;
  }
}

/**
 * The requests between two scrapes of one instance, per route: Map(route => Map(le => count)). After a
 * restart (another start time, or a counter that went down) everything the new process counts is new.
 */
export function bucketDelta(before, after) {
  const sameProcess = before && before.start === after.start;
  const delta = new Map();
  for (const [route, buckets] of after.routes) {
    const old = sameProcess ? before.routes.get(route) : undefined;
    const restarted = old && (old.get(Infinity) ?? 0) > (buckets.get(Infinity) ?? 0);
    const d = new Map();
    for (const [le, count] of buckets) d.set(le, old && !restarted ? count - (old.get(le) ?? 0) : count);
    delta.set(route, d);
  }
  return delta;
}

/** Adds cumulative buckets (Map(le => count)) into `into`. */
export function addBuckets(into, buckets) {
  for (const [le, count] of buckets) into.set(le, (into.get(le) ?? 0) + count);
  return into;
}

/**
 * The q-quantile (0..1) from cumulative buckets, interpolated linearly inside the bucket as Prometheus'
 * histogram_quantile does; the highest finite bound when it falls in +Inf; undefined with no requests.
 */
export function quantile(buckets, q) {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const le of bounds) {
    const count = buckets.get(le);
    if (count >= rank) {
      if (le === Infinity) return lowerBound;
      return lowerBound + ((le - lowerBound) * (rank - lowerCount)) / Math.max(1, count - lowerCount);
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}
