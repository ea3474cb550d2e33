// What the soak's scrapes say: latency percentiles over time (from the instances' histogram buckets,
// all instances together), the slowest routes, memory and event-loop lag per instance, memory growth
// after the warm-up; the charts (docs/benchmarks/soak-*.svg) and the table of docs/BENCHMARKS.md.
import { addBuckets, bucketDelta, quantile } from './metrics.mjs';
import { SAMPLE_EVERY_S, warmUpOf } from './soak.mjs';
import { svgDocument } from './svg-chart.mjs';

const MB = 1024 * 1024;
/** Growth after the warm-up allowed per instance, and the RSS one instance may reach under load. */
export const MAX_GROWTH_PCT = 10;
export const MAX_RSS_MB = 300;
const P_COLORS = { p50: '#1f77b4', p95: '#ff7f0e', p99: '#d62728' };

const mean = (list) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : undefined);
const ms = (seconds) => (seconds === undefined ? null : seconds * 1000);

/**
 * @param {object} run
 * @param {{ tick: number, at: number, index: number, m: ReturnType<import('./metrics.mjs').summarize> }[]} run.samples
 * @param {string[]} run.names the instances' names
 * @param {number} run.seconds the load's length
 * @param {number} run.restarted the instance that was stopped and started again
 * @param {number} [run.snapshotFrom] when instance #1 began its first heap snapshot: writing one takes
 *   memory outside the heap that RSS keeps showing, and it is out of nginx's list meanwhile, so from then
 *   on its memory is judged by the snapshots, not by these samples
 */
export function analyzeSoak({ samples, names, seconds, restarted, snapshotFrom }) {
  const ticks = [...new Set(samples.map((s) => s.tick))].sort((a, b) => a - b);
  const atOf = new Map(samples.map((s) => [s.tick, s.at]));
  // Request-duration buckets per tick (all instances), and per route over the whole run.
  const perTick = new Map();
  const perRoute = new Map();
  const last = new Map();
  for (const s of [...samples].sort((a, b) => a.tick - b.tick)) {
    const before = last.get(s.index);
    last.set(s.index, s.m);
    if (!before && s.tick === ticks[0]) continue; // the first scrape is the baseline
    const delta = bucketDelta(before, s.m);
    const tick = perTick.get(s.tick) ?? { all: new Map(), routes: new Map() };
    perTick.set(s.tick, tick);
    for (const [route, buckets] of delta) {
      // The API the citizens use; not the watcher's /readyz probes nor unmatched paths.
      if (route.includes(' /api/')) addBuckets(tick.all, buckets);
      addBuckets(tick.routes.get(route) ?? tick.routes.set(route, new Map()).get(route), buckets);
      addBuckets(perRoute.get(route) ?? perRoute.set(route, new Map()).get(route), buckets);
    }
  }
  const latency = ticks
    .filter((t) => perTick.has(t))
    .map((t) => {
      const all = perTick.get(t).all;
      return {
        at: atOf.get(t),
        n: all.get(Infinity) ?? 0,
        p50: ms(quantile(all, 0.5)),
        p95: ms(quantile(all, 0.95)),
        p99: ms(quantile(all, 0.99)),
      };
    });
  const routes = [...perRoute.entries()]
    .map(([route, b]) => ({
      route,
      requests: b.get(Infinity) ?? 0,
      p50: ms(quantile(b, 0.5)),
      p95: ms(quantile(b, 0.95)),
      p99: ms(quantile(b, 0.99)),
    }))
    .filter((r) => r.requests > 0)
    .sort((a, b) => b.p95 - a.p95);
  const slowest = routes
    .filter((r) => r.route.includes(' /api/'))
    .slice(0, 3)
    .map((r) => ({
      route: r.route,
      points: ticks
        .filter((t) => perTick.has(t))
        .map((t) => [atOf.get(t), ms(quantile(perTick.get(t).routes.get(r.route) ?? new Map(), 0.95)) ?? null]),
    }));

  // Memory and lag per instance, null while it was not running.
  const series = (index, pick) =>
    ticks.map((t) => {
      const s = samples.find((x) => x.tick === t && x.index === index);
      return [atOf.get(t) ?? t * SAMPLE_EVERY_S, s && pick(s.m) !== undefined ? pick(s.m) : null];
    });
  const warm = warmUpOf(seconds);
  const span = Math.min(60, seconds / 5);
  const memory = names.map((name, index) => {
    const rss = series(index, (m) => m.rss / MB);
    const heap = series(index, (m) => m.heapUsed / MB);
    const inWindow = (points, from, to) =>
      mean(points.filter(([at, v]) => v !== null && at >= from && at <= to).map(([, v]) => v));
    const growth = (points) => {
      const early = inWindow(points, warm, warm + span);
      const late = inWindow(points, seconds - span, seconds + SAMPLE_EVERY_S);
      return { early, late, pct: early && late ? ((late - early) / early) * 100 : undefined };
    };
    const values = (points) => points.map(([, v]) => v).filter((v) => v !== null);
    const snapshotted = index === 0 && snapshotFrom !== undefined;
    const rssJudged = snapshotted ? rss.filter(([at]) => at < snapshotFrom) : rss;
    return {
      name,
      restarted: index === restarted,
      snapshotted,
      rss,
      heap,
      lag: series(index, (m) => (m.lagP99 === undefined ? undefined : m.lagP99 * 1000)),
      // Its heap is judged by the snapshots (taken with nothing in flight) instead.
      rssGrowth: snapshotted ? { pct: undefined } : growth(rss),
      heapGrowth: snapshotted ? { pct: undefined } : growth(heap),
      rssStart: values(rss)[0],
      rssEnd: values(rss).at(-1),
      heapStart: values(heap)[0],
      heapEnd: values(heap).at(-1),
      rssMax: Math.max(0, ...values(rssJudged)),
    };
  });
  const measured = memory.filter((m) => !m.restarted);
  const grewTooMuch = measured.filter(
    (m) => (m.rssGrowth.pct ?? 0) > MAX_GROWTH_PCT || (m.heapGrowth.pct ?? 0) > MAX_GROWTH_PCT,
  );
  const rssMax = Math.max(0, ...memory.map((m) => m.rssMax));
  return {
    latency,
    routes,
    slowest,
    memory,
    warm,
    span,
    grewTooMuch,
    rssMax,
    // Growth is judged from a whole minute after a one-minute warm-up; a shorter run is still warming up.
    growthJudged: seconds >= 180,
    memoryOk: (seconds < 180 || grewTooMuch.length === 0) && rssMax <= MAX_RSS_MB,
  };
}

const X_LABEL = 'time since the load started (s)';

/** From 0 to the last sample or marker: the visits under way at the deadline run to their end. */
function domainOf(analysis, markers, seconds) {
  const last = Math.max(seconds, ...analysis.latency.map((w) => w.at), ...markers.map((m) => m.x));
  return [0, Math.ceil(last / 10) * 10];
}

/** docs/benchmarks/soak-latency.svg: p50/p95/p99 over time (server and client side), the slowest routes. */
export function latencyChart(analysis, clientWindows, markers, seconds) {
  const xDomain = domainOf(analysis, markers, seconds);
  const percentiles = ['p50', 'p95', 'p99'];
  return svgDocument([
    {
      title: "Latency of all API requests through nginx (the instances' histogram buckets end at 5 s)",
      xLabel: X_LABEL,
      yLabel: 'latency (ms)',
      yScale: 'log',
      xDomain,
      series: [
        ...percentiles.map((p) => ({
          name: `${p} in the instances (histograms, per ${SAMPLE_EVERY_S} s)`,
          color: P_COLORS[p],
          points: analysis.latency.map((w) => [w.at, w[p]]),
        })),
        ...percentiles.map((p) => ({
          name: `${p} as the citizens saw it (per 10 s)`,
          color: P_COLORS[p],
          dash: true,
          points: clientWindows.map((w) => [w.at, w[p]]),
        })),
      ],
      markers,
    },
    {
      title: `p95 of the three slowest routes (instances' histograms per ${SAMPLE_EVERY_S} s)`,
      xLabel: X_LABEL,
      yLabel: 'p95 latency (ms)',
      yScale: 'log',
      xDomain,
      series: analysis.slowest.map((r) => ({ name: r.route, points: r.points })),
      markers,
    },
  ]);
}

/** docs/benchmarks/soak-memory.svg: RSS, heap used and event-loop lag p99 per instance over time. */
export function memoryChart(analysis, markers, seconds) {
  const xDomain = domainOf(analysis, markers, seconds);
  const per = (key) =>
    analysis.memory.map((m) => ({
      name: `instance ${m.name}${m.restarted ? ' (stopped and restarted)' : ''}`,
      points: m[key],
    }));
  return svgDocument([
    {
      title: 'Resident memory (RSS) per instance',
      xLabel: X_LABEL,
      yLabel: 'RSS (MB)',
      xDomain,
      series: per('rss'),
      markers,
    },
    {
      title: 'V8 heap used per instance',
      xLabel: X_LABEL,
      yLabel: 'heap used (MB)',
      xDomain,
      series: per('heap'),
      markers,
    },
    {
      title: 'Event-loop lag p99 per instance',
      xLabel: X_LABEL,
      yLabel: 'lag p99 (ms)',
      xDomain,
      series: per('lag'),
      markers,
    },
  ]);
}

const f0 = (v) => (v === undefined || v === null ? '–' : v.toFixed(0));
const pct = (v) => (v === undefined ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`);

/** The tables of the soak section: memory per instance, latency per route from the histograms, heap growers. */
export function soakTables(analysis, heap) {
  const memory = [
    `| instance | RSS start → end (MB) | RSS max | RSS growth | heap start → end (MB) | heap growth |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...analysis.memory.map(
      (m) =>
        `| ${m.name}${m.restarted ? ' (restarted)' : ''}${m.snapshotted ? ' (heap snapshots; RSS max before them)' : ''} | ${f0(m.rssStart)} → ${f0(m.rssEnd)} | ${f0(m.rssMax)} | ${m.restarted ? '–' : pct(m.rssGrowth.pct)} | ` +
        `${f0(m.heapStart)} → ${f0(m.heapEnd)} | ${m.restarted ? '–' : pct(m.heapGrowth.pct)} |`,
    ),
  ];
  const routes = [
    '| route (server side) | requests | p50 ms | p95 ms | p99 ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...analysis.routes.map(
      (r) => `| \`${r.route}\` | ${r.requests} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    ),
  ];
  const growers = heap
    ? [
        `Heap snapshots of instance #1 (near the end of the warm-up, and once the load was over; nothing in flight in either): ${(heap.totalBefore / MB).toFixed(1)} MB → ` +
          `${(heap.totalAfter / MB).toFixed(1)} MB (${pct(((heap.totalAfter - heap.totalBefore) / heap.totalBefore) * 100)})` +
          `${heap.totalAfter > heap.totalBefore * (1 + MAX_GROWTH_PCT / 100) ? ' **grew more than 10 %**' : ''}; the constructors that grew most:`,
        '',
        '| constructor | before (KB) | after (KB) | growth (KB) | objects before → after |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...heap.growers.map(
          (g) =>
            `| \`${g.name.replaceAll('|', '\\|').slice(0, 60)}\` | ${(g.before / 1024).toFixed(0)} | ${(g.after / 1024).toFixed(0)} | ${(g.delta / 1024).toFixed(0)} | ${g.countBefore} → ${g.countAfter} |`,
        ),
      ]
    : [];
  return { memory: memory.join('\n'), routes: routes.join('\n'), growers: growers.join('\n') };
}
