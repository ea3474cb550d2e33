// What the simulated citizens saw: every request's latency by route, the answers that were not the
// expected ones, and when each request ended (for percentiles over time in the soak).

export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * fetch as a browser or WeChat sends: a request whose kept-alive connection closed before any answer came
 * (nginx closed it as a reload retired its old worker, which never read the request) is sent again, up to
 * three times. `onResend` counts each.
 */
export async function fetchResending(url, init, onResend) {
  // More than once: the pool may hold several connections the same reload closed.
  for (let resends = 0; ; resends += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = error.cause?.code;
      if (resends === 3 || !['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code)) throw error;
      onResend(code);
    }
  }
}

export class Recorder {
  routes = new Map();
  unexpected = [];
  /** [seconds since the recorder was made, ms] per answered request, in the order they ended. */
  timeline = [];
  /** Requests sent again after their connection closed unanswered, by the error's code. */
  resent = {};
  started = performance.now();

  async call(route, expected, send) {
    const started = performance.now();
    let res;
    let body;
    try {
      res = await send();
      body = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    } catch (error) {
      this.entry(route).errors += 1;
      this.unexpected.push({
        route,
        status: 0,
        code: `${error.message} (${error.cause?.code ?? error.cause?.message})`,
      });
      throw error;
    }
    const ended = performance.now();
    const entry = this.entry(route);
    entry.ms.push(ended - started);
    this.timeline.push([(ended - this.started) / 1000, ended - started]);
    entry.statuses[res.status] = (entry.statuses[res.status] ?? 0) + 1;
    if (!expected.includes(res.status)) {
      entry.errors += 1;
      this.unexpected.push({ route, status: res.status, code: body?.error?.code });
    }
    return { status: res.status, body };
  }

  /** fetchResending, counting what was sent again. */
  fetch(url, init) {
    return fetchResending(url, init, (code) => (this.resent[code] = (this.resent[code] ?? 0) + 1));
  }

  entry(route) {
    if (!this.routes.has(route)) this.routes.set(route, { ms: [], statuses: {}, errors: 0 });
    return this.routes.get(route);
  }

  /** p50/p95/p99 of the requests that ended in each window of `seconds`: [{ at (window end), p50, p95, p99, n }]. */
  windows(seconds) {
    const buckets = [];
    for (const [at, ms] of this.timeline) (buckets[Math.floor(at / seconds)] ??= []).push(ms);
    return [...buckets.entries()]
      .filter(([, list]) => list)
      .map(([i, list]) => {
        const sorted = list.sort((a, b) => a - b);
        return {
          at: (i + 1) * seconds,
          n: sorted.length,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
        };
      });
  }
}
