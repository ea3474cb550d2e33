import type Router from '@koa/router';
import type { SandboxClock } from './clock';
import type { SandboxEvents } from './events';
import type { Prng } from './prng';
import type { ResolvedOptions } from '../options';
import type { SeedCitizen } from '../seed/citizens';

/** What a system answers with when it fails: its own status and body, in its own dialect. */
export interface SystemReply {
  status: number;
  body: unknown;
}

/**
 * One simulated back-end system. The machinery (fault injection, reset,
 * error handling) works on this shape only, so a new system plugs in by
 * implementing it and being listed in systems/index.ts.
 */
export interface SandboxSystem {
  /** Key of the system in /sandbox/faults/:system, e.g. 'wechat'. */
  name: string;
  /** Path prefixes of its public API, e.g. ['/sns', '/cgi-bin']; faults apply under them. */
  prefixes: readonly string[];
  /** Its public API, mounted at the root. */
  routes: Router;
  /** Sandbox-only helpers (what a developer tool or staff console would do), mounted under /sandbox/<name>. */
  controlRoutes?: Router;
  /** Its answer when it breaks (errorRate faults, unexpected errors). */
  failure(): SystemReply;
  /** Its answer to a body it cannot parse. */
  badRequest(): SystemReply;
  /** Forgets everything since start: back to seed data. */
  reset(): void;
  /** Stops its timers and outgoing work when the sandbox shuts down (systems that push or tick on their own). */
  close?(): void;
}

/** What the machinery hands each system when it is created. */
export interface SystemKit {
  clock: SandboxClock;
  options: ResolvedOptions;
  citizens: readonly SeedCitizen[];
  /** A seeded random stream private to the caller (named so streams do not interfere). */
  random(stream: string): Prng;
  /** What systems of this sandbox tell each other (shared by all of them, e.g. approval decisions for traffic). */
  events: SandboxEvents;
}

export type SystemFactory = (kit: SystemKit) => SandboxSystem;
