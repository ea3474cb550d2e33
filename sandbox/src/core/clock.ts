/**
 * The sandbox's notion of "now". Everything time-based (code expiry, token
 * lifetimes, rate windows, case deadlines) reads this clock instead of
 * Date.now(), so a test can jump five minutes ahead instead of waiting.
 * It keeps ticking with real time; only an offset is controlled.
 */
export class SandboxClock {
  private offset = 0;

  /** The current sandbox time. */
  now(): Date {
    return new Date(this.nowMs());
  }

  /** The current sandbox time in epoch milliseconds. */
  nowMs(): number {
    return Date.now() + this.offset;
  }

  /** How far the sandbox runs ahead of (positive) or behind real time. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Moves the clock forward (or back, with a negative value). */
  advance(ms: number): void {
    this.offset += ms;
  }

  /** Jumps to a given instant; the clock keeps ticking from there. */
  set(instant: Date): void {
    this.offset = instant.getTime() - Date.now();
  }

  /** Back to real time. */
  reset(): void {
    this.offset = 0;
  }
}
