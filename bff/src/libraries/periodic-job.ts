/**
 * A round of background work on a timer that never keeps the process alive:
 * a round still running when the next is due is skipped, not doubled.
 * Whatever the round throws is its own to report; the timer goes on.
 */
export class PeriodicJob {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly round: () => Promise<void>) {}

  start(everyMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round now, unless one is still running. */
  async runOnce(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.round();
    } finally {
      this.running = false;
    }
  }
}
