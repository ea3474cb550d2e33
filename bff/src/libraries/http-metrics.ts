/** Latency buckets in seconds; the soak and the bench read them by these bounds. */
export const HTTP_BUCKETS: readonly number[] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The route label of a request nothing routed (404s, static files): never the raw URL, so the label set stays bounded. */
export const UNMATCHED = 'unmatched';

/** One method on one route: its latency histogram and its answers by status. */
interface Series {
  readonly method: string;
  readonly route: string;
  /** Observations per bucket, not cumulative; the last slot is above the largest bound. */
  readonly buckets: number[];
  sum: number;
  count: number;
  readonly statuses: Map<number, number>;
}

/** The router's template for what answered, e.g. `/api/v1/items/:code`. */
function routeOf(ctx: object): string {
  const matched = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  return typeof matched === 'string' ? matched : UNMATCHED;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Per-route request rate and latency, kept in plain numbers: prom-client's
 * labelled children hash their labels on every call (about 1.5 µs per request
 * for a counter and a histogram here), these cost a few map lookups. Fed by
 * the request context's own timing (a clock read costs about 0.25 µs on these
 * machines; a middleware of its own would add two, and an async frame).
 * Rendered in the Prometheus text format as `suijing_http_requests_total` and
 * `suijing_http_request_duration_seconds`.
 */
export class HttpMeter {
  /** route -> method -> series: the route string is the router's own, so its hash is computed once. */
  private readonly series = new Map<string, Map<string, Series>>();

  /** A request answered (its status final, errors included), labelled by the route that answered it. */
  answered(ctx: { method: string; status: number }, seconds: number): void {
    this.record(ctx.method, routeOf(ctx), ctx.status, seconds);
  }

  record(method: string, route: string, status: number, seconds: number): void {
    let methods = this.series.get(route);
    if (!methods) {
      methods = new Map();
      this.series.set(route, methods);
    }
    let series = methods.get(method);
    if (!series) {
      series = {
        method,
        route,
        buckets: new Array<number>(HTTP_BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
        statuses: new Map(),
      };
      methods.set(method, series);
    }
    let slot = 0;
    while (slot < HTTP_BUCKETS.length && seconds > (HTTP_BUCKETS[slot] as number)) slot += 1;
    series.buckets[slot] = (series.buckets[slot] as number) + 1;
    series.sum += seconds;
    series.count += 1;
    series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
  }

  /** Both instruments in the text format (0.0.4). */
  render(): string {
    const requests = [
      '# HELP suijing_http_requests_total Requests answered, by method, route template and status.',
      '# TYPE suijing_http_requests_total counter',
    ];
    const durations = [
      '# HELP suijing_http_request_duration_seconds Time from the request reaching the BFF to its answer, by method and route template.',
      '# TYPE suijing_http_request_duration_seconds histogram',
    ];
    for (const methods of this.series.values()) {
      for (const series of methods.values()) {
        const labels = `method="${escapeLabel(series.method)}",route="${escapeLabel(series.route)}"`;
        for (const [status, count] of series.statuses) {
          requests.push(`suijing_http_requests_total{${labels},status="${status}"} ${count}`);
        }
        let cumulative = 0;
        HTTP_BUCKETS.forEach((bound, slot) => {
          cumulative += series.buckets[slot] as number;
          durations.push(`suijing_http_request_duration_seconds_bucket{${labels},le="${bound}"} ${cumulative}`);
        });
        durations.push(`suijing_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${series.count}`);
        durations.push(`suijing_http_request_duration_seconds_sum{${labels}} ${series.sum}`);
        durations.push(`suijing_http_request_duration_seconds_count{${labels}} ${series.count}`);
      }
    }
    return `${requests.join('\n')}\n\n${durations.join('\n')}\n`;
  }
}
