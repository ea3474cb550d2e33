import type { SandboxClock } from './clock';

/**
 * "At most N accepted calls per key in any window" on the sandbox clock,
 * the way the real systems' flow control behaves (WeChat's 100 logins per
 * minute per user, the SMS gateway's 5 per minute per mobile). Only
 * accepted calls count, so a rejected call does not extend the lock-out.
 */
export class RateWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records a call for `key` and returns true, or returns false if the key is over its limit. */
  tryHit(key: string): boolean {
    const now = this.clock.nowMs();
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs && at <= now);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  clear(): void {
    this.hits.clear();
  }
}
