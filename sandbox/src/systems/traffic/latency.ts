import type { Middleware } from 'koa';
import type { Prng } from '../../core/prng';

/** Each answer takes the base time ±30%. */
const JITTER = 0.3;

/**
 * The real 车驾管 back end answers in a few hundred milliseconds behind its
 * gateway; the BFF's timeouts, caching and loading states should meet that
 * here too. The jitter draws from a seeded stream, so a run is repeatable.
 * Separate from fault latency (/sandbox/faults), which tests switch on
 * and off; this is the system's normal pace.
 */
export class TrafficPace {
  private base: number;
  private random: Prng;

  constructor(
    private readonly initialMs: number,
    private readonly stream: () => Prng,
  ) {
    this.base = initialMs;
    this.random = stream();
  }

  get latencyMs(): number {
    return this.base;
  }

  set(latencyMs: number): void {
    this.base = latencyMs;
  }

  /** The next answer's delay in milliseconds. */
  nextDelay(): number {
    if (this.base === 0) return 0;
    return Math.round(this.base * (1 - JITTER + 2 * JITTER * this.random.next()));
  }

  /** Back to the configured pace and the start of the jitter sequence. */
  reset(): void {
    this.base = this.initialMs;
    this.random = this.stream();
  }

  middleware(): Middleware {
    return async (_ctx, next) => {
      const delay = this.nextDelay();
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      await next();
    };
  }
}
