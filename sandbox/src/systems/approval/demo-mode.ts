/** Limits of PUT /sandbox/approval/demo stepMs. */
export const DEMO_MIN_STEP_MS = 100;
export const DEMO_MAX_STEP_MS = 24 * 60 * 60 * 1000;

export interface DemoStatus {
  enabled: boolean;
  stepMs: number | null;
}

/**
 * Demo mode for `npm start`: every stepMs of real time, `tick` moves every
 * open case one step along. The timer is unref'd and stops on reset/close.
 */
export class DemoMode {
  private timer: NodeJS.Timeout | undefined;
  private stepMs: number | null = null;

  constructor(private readonly tick: () => void) {}

  start(stepMs: number): void {
    this.stop();
    this.stepMs = stepMs;
    this.timer = setInterval(this.tick, stepMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.stepMs = null;
  }

  status(): DemoStatus {
    return { enabled: this.timer !== undefined, stepMs: this.stepMs };
  }
}
