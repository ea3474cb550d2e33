import type { Clock } from '@suijing/bff';

/** A clock the tests move by hand, to expire codes, tokens and sessions without waiting. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
