import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';
import { nontaxSign, type NontaxApp } from './signature';

/** Waits after the 1st, 2nd ... failed attempt; the last one repeats until the app acknowledges. */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  15_000,
  30_000,
  60_000,
  5 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
];

/** How often due retries are looked for: the schedule runs on the sandbox clock, which a test may move. */
const TICK_MS = 500;

/** One callback on its way to the app, as GET /sandbox/nontax/callbacks shows it. */
export interface CallbackDelivery {
  id: string;
  ddh: string;
  url: string;
  /** The business fields; appId, timestamp, nonce, signType and sign are added per attempt. */
  fields: Record<string, string>;
  attempts: number;
  lastStatus: number | null;
  lastError?: string;
  delivered: boolean;
  /** Sandbox-clock instants (ms). */
  createdAt: number;
  deliveredAt?: number;
  nextAttemptAt?: number;
  /** The signed body of the last attempt (a verbatim replay sends it again). */
  lastBody?: string;
  /** A verbatim replay: one attempt with the old bytes, never retried. */
  verbatim?: true;
}

interface Entry {
  info: CallbackDelivery;
  inFlight: boolean;
}

/**
 * Pushes payment callbacks to the app's notify URL: at once, then on the
 * retry schedule (15 s, 30 s, 1 min, 5 min, 10 min, 30 min, then hourly) until
 * the app answers HTTP 200 with {"code":"0000"}. Each attempt is signed
 * afresh (timestamp on the sandbox clock, new nonce). While held, attempts
 * fail as if the app were unreachable.
 */
export class CallbackDispatcher {
  private readonly entries: Entry[] = [];
  private serial = 0;
  private held = false;
  private ticker: NodeJS.Timeout | undefined;
  private generation = 0;
  private abort = new AbortController();

  constructor(
    private readonly app: NontaxApp,
    private readonly clock: SandboxClock,
    private readonly log: (line: string) => void,
    private readonly timeoutMs = 10_000,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  send(ddh: string, url: string, fields: Record<string, string>): CallbackDelivery {
    this.serial += 1;
    const entry: Entry = {
      info: {
        id: `CB${String(this.serial).padStart(8, '0')}`,
        ddh,
        url,
        fields,
        attempts: 0,
        lastStatus: null,
        delivered: false,
        createdAt: this.clock.nowMs(),
      },
      inFlight: false,
    };
    this.entries.push(entry);
    void this.attempt(entry, undefined);
    return entry.info;
  }

  /**
   * Sends the last callback of an order again: re-signed (the platform's own duplicate) or, verbatim,
   * the very bytes sent before (a replay by someone who captured it).
   */
  replay(ddh: string, verbatim: boolean): CallbackDelivery | undefined {
    const last = [...this.entries].reverse().find((entry) => entry.info.ddh === ddh);
    if (!last) return undefined;
    if (!verbatim) return this.send(ddh, last.info.url, last.info.fields);
    if (last.info.lastBody === undefined) return undefined;
    this.serial += 1;
    const entry: Entry = {
      info: {
        ...last.info,
        id: `CB${String(this.serial).padStart(8, '0')}`,
        attempts: 0,
        lastStatus: null,
        delivered: false,
        createdAt: this.clock.nowMs(),
        verbatim: true,
      },
      inFlight: false,
    };
    delete entry.info.deliveredAt;
    delete entry.info.nextAttemptAt;
    delete entry.info.lastError;
    this.entries.push(entry);
    void this.attempt(entry, last.info.lastBody);
    return entry.info;
  }

  hold(): void {
    this.held = true;
  }

  /** The app is reachable again: every undelivered callback is tried at once. */
  release(): void {
    this.held = false;
    for (const entry of this.entries) {
      if (!entry.info.delivered && !entry.inFlight && !entry.info.verbatim) void this.attempt(entry, undefined);
    }
  }

  deliveries(): CallbackDelivery[] {
    return this.entries.map(({ info }) => ({ ...info, fields: { ...info.fields } }));
  }

  /** Cancels the ticker and in-flight attempts, and forgets every delivery (reset and close). */
  stop(): void {
    this.generation += 1;
    this.abort.abort();
    this.abort = new AbortController();
    this.entries.length = 0;
    this.held = false;
    this.stopTicker();
  }

  private signedBody(fields: Record<string, string>): string {
    const params: Record<string, string> = {
      ...fields,
      appId: this.app.appId,
      timestamp: String(this.clock.nowMs()),
      nonce: randomBytes(16).toString('hex'),
      signType: 'HMAC-SHA256',
    };
    return JSON.stringify({ ...params, sign: nontaxSign(this.app.appSecret, params) });
  }

  private async attempt(entry: Entry, verbatimBody: string | undefined): Promise<void> {
    if (entry.inFlight || entry.info.delivered) return;
    const { info } = entry;
    const generation = this.generation;
    entry.inFlight = true;
    info.attempts += 1;
    delete info.nextAttemptAt;
    const body = verbatimBody ?? this.signedBody(info.fields);
    info.lastBody = body;
    let status: number | null = null;
    let acknowledged = false;
    let error: string | undefined;
    if (this.held) {
      error = 'held: the app is unreachable (sandbox)';
    } else {
      try {
        const response = await fetch(info.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.timeoutMs)]),
        });
        status = response.status;
        acknowledged = status === 200 && isAcknowledgement(await response.text().catch(() => ''));
      } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
      }
    }
    if (generation !== this.generation) return;
    entry.inFlight = false;
    info.lastStatus = status;
    if (acknowledged) {
      info.delivered = true;
      info.deliveredAt = this.clock.nowMs();
      delete info.lastError;
      return;
    }
    info.lastError = error ?? `HTTP ${String(status)} without {"code":"0000"}`;
    if (info.verbatim) return;
    const delay = RETRY_SCHEDULE_MS[Math.min(info.attempts, RETRY_SCHEDULE_MS.length) - 1] ?? 60 * 60_000;
    info.nextAttemptAt = this.clock.nowMs() + delay;
    this.log(`nontax callback: ${info.id} attempt ${info.attempts} failed (${info.lastError}), retry in ${delay} ms`);
    this.startTicker();
  }

  private tick(): void {
    const now = this.clock.nowMs();
    let waiting = false;
    for (const entry of this.entries) {
      const due = entry.info.nextAttemptAt;
      if (entry.info.delivered || entry.inFlight || due === undefined) continue;
      if (due <= now) void this.attempt(entry, undefined);
      else waiting = true;
    }
    if (!waiting && !this.entries.some((entry) => entry.inFlight)) this.stopTicker();
  }

  private startTicker(): void {
    if (this.ticker !== undefined) return;
    this.ticker = setInterval(() => this.tick(), TICK_MS);
    // Never keeps a process (a test run, npm start after close) alive on its own.
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}

function isAcknowledgement(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { code?: unknown }).code === '0000';
  } catch {
    return false;
  }
}
