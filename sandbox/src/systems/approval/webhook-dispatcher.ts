import type { ApprovalEvent } from './records';
import { signWebhook } from './webhook-signature';

/** One event on its way to the webhook, as GET /sandbox/approval/deliveries shows it. */
export interface Delivery {
  sjbh: string;
  bjbh: string;
  zt: string;
  /** Where it goes (null while no webhook URL is set: it waits for one). */
  url: string | null;
  attempts: number;
  /** HTTP status of the last attempt, or null when it got none (refused, timed out) or none was made. */
  lastStatus: number | null;
  lastError?: string;
  delivered: boolean;
  /** ISO instants, real time (the retry schedule runs on real time, not the sandbox clock). */
  createdAt: string;
  deliveredAt?: string;
  nextAttemptAt?: string;
}

interface Pending {
  info: Delivery;
  body: string;
  timer?: NodeJS.Timeout;
}

export interface DispatcherOptions {
  secret: string;
  url: string | undefined;
  log: (line: string) => void;
  /** First retry delay; doubled per failed attempt up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

/** Delivered entries kept in the log (undelivered ones are always kept). */
const DELIVERED_LOG_SIZE = 1000;

/**
 * Pushes events to the webhook asynchronously: the API answer never waits.
 * New events go out in order through one queue (so a healthy receiver sees
 * them in order); an event that fails leaves the queue and retries on its
 * own schedule (0.5 s, 1 s, 2 s ... capped at 30 s, for as long as the
 * sandbox runs) until a 2xx, so one bad event never holds up later ones.
 * Each attempt is signed afresh with the real wall-clock time, because the
 * receiver checks the timestamp against its own clock.
 */
export class WebhookDispatcher {
  private url: string | undefined;
  private readonly log: Delivery[] = [];
  private readonly pending = new Map<string, Pending>();
  private readonly queue: Pending[] = [];
  private draining = false;
  /** Bumped by stop(): attempts of an older generation are ignored when they finish. */
  private generation = 0;
  private abort = new AbortController();
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: DispatcherOptions) {
    this.url = options.url;
    this.initialDelayMs = options.initialDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  get webhookUrl(): string | undefined {
    return this.url;
  }

  /** Sets or replaces the URL; undelivered events follow it and are tried again at once. */
  setUrl(url: string | undefined): void {
    this.url = url;
    if (url === undefined) return;
    for (const pending of this.pending.values()) {
      pending.info.url = url;
      if (pending.timer !== undefined || pending.info.attempts === 0) {
        this.clearTimer(pending);
        if (!this.queue.includes(pending)) this.queue.push(pending);
      }
    }
    this.drain();
  }

  send(event: ApprovalEvent): void {
    const pending: Pending = {
      body: JSON.stringify(event),
      info: {
        sjbh: event.sjbh,
        bjbh: event.bjbh,
        zt: event.zt,
        url: this.url ?? null,
        attempts: 0,
        lastStatus: null,
        delivered: false,
        createdAt: new Date().toISOString(),
      },
    };
    this.log.push(pending.info);
    this.pending.set(pending.info.sjbh, pending);
    this.queue.push(pending);
    this.drain();
  }

  deliveries(): Delivery[] {
    return this.log.map((info) => ({ ...info }));
  }

  /** Cancels every timer and in-flight attempt and forgets all deliveries (reset and close). */
  stop(): void {
    this.generation += 1;
    this.abort.abort();
    this.abort = new AbortController();
    for (const pending of this.pending.values()) this.clearTimer(pending);
    this.pending.clear();
    this.queue.length = 0;
    this.log.length = 0;
    this.draining = false;
  }

  private drain(): void {
    if (this.draining || this.url === undefined) return;
    this.draining = true;
    const generation = this.generation;
    void (async () => {
      while (generation === this.generation && this.url !== undefined) {
        const next = this.queue.shift();
        if (!next) break;
        if (this.pending.has(next.info.sjbh)) await this.attempt(next, generation);
      }
      if (generation === this.generation) this.draining = false;
    })();
  }

  private async attempt(pending: Pending, generation: number): Promise<void> {
    const url = this.url;
    if (url === undefined) {
      // The URL was cleared: wait in the queue for the next one.
      if (!this.queue.includes(pending)) this.queue.push(pending);
      return;
    }
    const { info } = pending;
    info.url = url;
    info.attempts += 1;
    delete info.nextAttemptAt;
    const timestamp = String(Math.floor(Date.now() / 1000));
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'X-Approval-Timestamp': timestamp,
          'X-Approval-Signature': signWebhook(this.options.secret, timestamp, pending.body),
        },
        body: pending.body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      status = response.status;
      // Read the answer so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
    }
    if (generation !== this.generation) return;
    info.lastStatus = status;
    if (status !== null && status >= 200 && status < 300) {
      info.delivered = true;
      info.deliveredAt = new Date().toISOString();
      delete info.lastError;
      this.pending.delete(info.sjbh);
      this.trimLog();
      return;
    }
    info.lastError = error ?? `HTTP ${String(status)}`;
    this.scheduleRetry(pending, generation);
  }

  private scheduleRetry(pending: Pending, generation: number): void {
    const delay = Math.min(this.initialDelayMs * 2 ** (pending.info.attempts - 1), this.maxDelayMs);
    pending.info.nextAttemptAt = new Date(Date.now() + delay).toISOString();
    this.options.log(
      `approval webhook: ${pending.info.sjbh} attempt ${pending.info.attempts} failed (${pending.info.lastError ?? ''}), retry in ${delay} ms`,
    );
    pending.timer = setTimeout(() => {
      delete pending.timer;
      if (generation === this.generation) void this.attempt(pending, generation);
    }, delay);
    // Never keeps a process (a test run, npm start after close) alive on its own.
    pending.timer.unref();
  }

  private clearTimer(pending: Pending): void {
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    delete pending.timer;
  }

  private trimLog(): void {
    let delivered = this.log.filter((info) => info.delivered).length;
    for (let index = 0; index < this.log.length && delivered > DELIVERED_LOG_SIZE;) {
      if (this.log[index]?.delivered) {
        this.log.splice(index, 1);
        delivered -= 1;
      } else index += 1;
    }
  }
}
