import { Prng } from './prng';

/** The faults injected into one system. All off by default. */
export interface FaultConfig {
  /** Added to every response, in real milliseconds. */
  latencyMs: number;
  /** Share of requests (0..1) answered with the system's own HTTP 500. */
  errorRate: number;
  /** Drop the connection without answering, like a dead server. */
  down: boolean;
  /** Answer 200 with a truncated, non-JSON body. */
  malformed: boolean;
}

export const NO_FAULTS: Readonly<FaultConfig> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  down: false,
  malformed: false,
});

/** Long enough for any timeout test, short enough that a typo does not hang a run for hours. */
export const MAX_LATENCY_MS = 120_000;

/**
 * The fault settings of every system, and the seeded dice for errorRate.
 * Each system gets a fresh random stream whenever its faults are set, so
 * "set errorRate 0.5, send 20 requests" fails the same requests every run,
 * whatever traffic came before.
 */
export class FaultBoard {
  private readonly configs = new Map<string, FaultConfig>();
  private readonly dice = new Map<string, Prng>();

  constructor(private readonly seed: number) {}

  get(system: string): FaultConfig {
    return this.configs.get(system) ?? NO_FAULTS;
  }

  /** Replaces the faults of a system (PUT semantics: fields left out are off). */
  set(system: string, config: FaultConfig): void {
    this.configs.set(system, { ...config });
    this.dice.set(system, Prng.derive(this.seed, `faults:${system}`));
  }

  clear(system?: string): void {
    if (system === undefined) {
      this.configs.clear();
      this.dice.clear();
      return;
    }
    this.configs.delete(system);
    this.dice.delete(system);
  }

  /** Rolls the errorRate dice of a system for one request. */
  shouldFail(system: string): boolean {
    const { errorRate } = this.get(system);
    if (errorRate <= 0) return false;
    if (errorRate >= 1) return true;
    const dice = this.dice.get(system) ?? Prng.derive(this.seed, `faults:${system}`);
    this.dice.set(system, dice);
    return dice.next() < errorRate;
  }
}
