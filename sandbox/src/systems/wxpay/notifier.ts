import type { SandboxClock } from '../../core/clock';
import { rfc3339 } from './ids';
import { encryptResource, platformHeaders, type PlatformKey } from './signing';

/**
 * The platform's retry schedule after a failed notification (15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h):
 * 16 attempts in all, then it gives up.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
].map((seconds) => seconds * 1000);

/** How often the sandbox looks for due attempts (real time; due times are on the sandbox clock). */
const TICK_MS = 200;
/** The platform waits this long for the merchant's answer. */
const ATTEMPT_TIMEOUT_MS = 5_000;

export type EventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS';

/** One notification as GET /sandbox/wxpay/orders/:outTradeNo shows it. */
export interface NotificationInfo {
  id: string;
  eventType: EventType;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  attempts: number;
  acknowledged: boolean;
  gaveUp: boolean;
  /** HTTP status of the last attempt; null when it got none (refused, timed out, held). */
  lastStatus: number | null;
  lastError?: string;
  /** How long the merchant took to answer the last attempt (real milliseconds): its notification handling as seen from here. */
  lastDurationMs?: number;
  /** Sandbox-clock ISO instants. */
  createdAt: string;
  nextAttemptAt?: string;
  acknowledgedAt?: string;
  replays: number;
}

interface Pending {
  info: NotificationInfo;
  body: string;
  dueAtMs?: number;
  inFlight: boolean;
  /** The last request that got a 2xx, exactly as sent (for replays). */
  delivered?: { headers: Record<string, string>; body: string };
}

export interface NotifierOptions {
  clock: SandboxClock;
  key: PlatformKey;
  apiV3Key: string;
  log: (line: string) => void;
  /** Called on every tick before due attempts go out (refunds settle there); true while it has work of its own. */
  beforeTick?: (nowMs: number) => boolean;
}

export interface NewNotification {
  eventType: EventType;
  summary: string;
  originalType: 'transaction' | 'refund';
  resource: object;
  url: string;
  outTradeNo: string;
  outRefundNo?: string;
}

/**
 * Pushes payment and refund notifications to the merchant's notify_url: a body with the
 * resource encrypted under the API v3 key, each attempt signed afresh (Wechatpay-* headers
 * stamped with the sandbox clock, as the merchant checks them against its own). An attempt
 * that gets no 2xx is retried on the platform's schedule, on the sandbox clock, so a test
 * moves the clock instead of waiting hours. While held, the merchant counts as unreachable.
 */
export class Notifier {
  private readonly byId = new Map<string, Pending>();
  private held = false;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private abort = new AbortController();
  private sequence = 0;

  constructor(private readonly options: NotifierOptions) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** Holding makes every attempt fail as if the merchant were down; releasing lets the next retry through. */
  hold(held: boolean): void {
    this.held = held;
  }

  send(notification: NewNotification): NotificationInfo {
    const nowMs = this.options.clock.nowMs();
    this.sequence += 1;
    const id = `EV-${rfc3339(nowMs).replace(/\D/g, '').slice(0, 14)}${String(this.sequence).padStart(6, '0')}`;
    const body = JSON.stringify({
      id,
      create_time: rfc3339(nowMs),
      resource_type: 'encrypt-resource',
      event_type: notification.eventType,
      summary: notification.summary,
      resource: encryptResource(
        this.options.apiV3Key,
        notification.originalType,
        notification.originalType,
        JSON.stringify(notification.resource),
      ),
    });
    const info: NotificationInfo = {
      id,
      eventType: notification.eventType,
      outTradeNo: notification.outTradeNo,
      ...(notification.outRefundNo === undefined ? {} : { outRefundNo: notification.outRefundNo }),
      url: notification.url,
      attempts: 0,
      acknowledged: false,
      gaveUp: false,
      lastStatus: null,
      createdAt: new Date(nowMs).toISOString(),
      nextAttemptAt: new Date(nowMs).toISOString(),
      replays: 0,
    };
    this.byId.set(id, { info, body, dueAtMs: nowMs, inFlight: false });
    this.wake();
    return { ...info };
  }

  list(filter?: (info: NotificationInfo) => boolean): NotificationInfo[] {
    return [...this.byId.values()].map((p) => ({ ...p.info })).filter((info) => filter?.(info) ?? true);
  }

  /**
   * Sends a delivered notification again, byte for byte and with the same signature headers
   * (what an attacker or a confused proxy would do); its status, or undefined when there is none to replay.
   */
  async replay(id: string): Promise<{ found: boolean; status?: number | null; error?: string }> {
    const pending = this.byId.get(id);
    if (!pending?.delivered) return { found: false };
    pending.info.replays += 1;
    const result = await this.post(pending.info.url, pending.delivered.headers, pending.delivered.body);
    return { found: true, status: result.status, ...(result.error === undefined ? {} : { error: result.error }) };
  }

  /** Starts the heartbeat if it is not running (new work, a settled refund to come). */
  wake(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    // Never keeps a process (a test run) alive on its own.
    this.timer.unref();
  }

  /** Stops every timer and in-flight attempt and forgets all notifications (reset and close). */
  stop(): void {
    this.generation += 1;
    this.abort.abort();
    this.abort = new AbortController();
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.byId.clear();
    this.held = false;
  }

  private tick(): void {
    const nowMs = this.options.clock.nowMs();
    const busy = this.options.beforeTick?.(nowMs) ?? false;
    let waiting = false;
    for (const pending of this.byId.values()) {
      if (pending.dueAtMs === undefined) continue;
      waiting = true;
      if (!pending.inFlight && pending.dueAtMs <= nowMs) void this.attempt(pending, this.generation);
    }
    if (!busy && !waiting && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private async attempt(pending: Pending, generation: number): Promise<void> {
    const { info } = pending;
    pending.inFlight = true;
    info.attempts += 1;
    let status: number | null = null;
    let error: string | undefined;
    let headers: Record<string, string> | undefined;
    if (this.held) {
      error = 'held: the merchant is unreachable';
    } else {
      headers = {
        'Content-Type': 'application/json',
        ...platformHeaders(this.options.key, pending.body, this.options.clock.nowMs()),
      };
      const started = performance.now();
      ({ status, error } = await this.post(info.url, headers, pending.body));
      info.lastDurationMs = Math.round((performance.now() - started) * 10) / 10;
    }
    pending.inFlight = false;
    if (generation !== this.generation) return;
    info.lastStatus = status;
    if (status !== null && status >= 200 && status < 300 && headers !== undefined) {
      info.acknowledged = true;
      info.acknowledgedAt = this.options.clock.now().toISOString();
      delete info.lastError;
      delete info.nextAttemptAt;
      delete pending.dueAtMs;
      pending.delivered = { headers, body: pending.body };
      return;
    }
    info.lastError = error ?? `HTTP ${String(status)}`;
    const delay = RETRY_DELAYS_MS[info.attempts - 1];
    if (delay === undefined) {
      info.gaveUp = true;
      delete info.nextAttemptAt;
      delete pending.dueAtMs;
      this.options.log(`wxpay notify: ${info.id} gave up after ${info.attempts} attempts`);
      return;
    }
    pending.dueAtMs = this.options.clock.nowMs() + delay;
    info.nextAttemptAt = new Date(pending.dueAtMs).toISOString();
    this.options.log(
      `wxpay notify: ${info.id} attempt ${info.attempts} failed (${info.lastError}), retry in ${delay / 1000} s`,
    );
  }

  private async post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number | null; error?: string }> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      // Read the answer so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (caught) {
      return { status: null, error: caught instanceof Error ? caught.message : String(caught) };
    }
  }
}
