import CircuitBreaker from 'opossum';
import { Pool } from 'undici';
import type { z } from 'zod';
import { AppError } from '../libraries/errors';
import type { Logger } from '../libraries/logger';

export interface UpstreamSettings {
  /** Short system name for logs and metrics, e.g. "wechat". */
  name: string;
  /** The system's name as a citizen reads it, e.g. "微信服务". */
  label: string;
  baseUrl: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts for safe (idempotent) calls only. */
  retries: number;
  /** Failure percentage within the rolling window that opens the breaker. */
  breakerErrorPercent?: number;
  /** How long the breaker stays open before a trial call. */
  breakerResetMs?: number;
}

/** Largest answer read, far above any real one (a catalog page of 100 items is about 0.5 MB). */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export interface UpstreamCall<S extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A body already encoded (uploads): sent as is with its content type, instead of JSON. */
  rawBody?: { bytes: Buffer; contentType: string };
  headers?: Record<string, string>;
  /** Safe calls are retried on transport failures; anything with side effects is not. */
  safe: boolean;
  /** The dialect's response schema; a body that does not match is a failure of the system. */
  schema: S;
}

/** An answer as it came (status, lower-case headers, text), for systems that sign their answers. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A call whose answer the caller reads itself (signed answers, non-JSON files). */
export interface RawCall {
  method: 'GET' | 'POST';
  /** Path with its query, exactly as sent (a signature may cover it). */
  path: string;
  body?: string;
  headers?: Record<string, string>;
  safe: boolean;
  /** A problem with the answer (a bad signature) makes it a failure of the system, like a broken body. */
  check?: (answer: RawAnswer) => string | undefined;
}

/** A transport-level failure: the system did not answer usefully. Counts against the breaker. */
export class UpstreamFailure extends Error {
  constructor(
    readonly system: string,
    readonly kind: 'timeout' | 'network' | 'status' | 'malformed',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamFailure';
  }
}

/** A call's end: the system answered (whatever it said), failed (transport, 5xx, malformed), or was not asked (breaker open). */
export type UpstreamOutcome = 'success' | 'failure' | 'rejected';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One back-end system over HTTP: keep-alive pool, a timeout per attempt,
 * jittered retries for safe calls, dialect validation and a circuit breaker,
 * so a broken system fails fast and only the features that need it degrade.
 */
export class UpstreamClient {
  private readonly pool: Pool;
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly origin: string;
  private readonly basePath: string;

  constructor(
    private readonly settings: UpstreamSettings,
    private readonly logger: Logger,
  ) {
    const url = new URL(settings.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(this.origin, {
      connections: 64,
      keepAliveTimeout: 10_000,
      // A huge answer (broken or hostile system) is cut off while it arrives, before it fills memory.
      maxResponseSize: MAX_RESPONSE_BYTES,
    });
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      // Our own per-attempt timeouts apply; opossum's would race them.
      timeout: false,
      errorThresholdPercentage: settings.breakerErrorPercent ?? 50,
      resetTimeout: settings.breakerResetMs ?? 10_000,
      rollingCountTimeout: 10_000,
      volumeThreshold: 5,
      errorFilter: (error: unknown) => !(error instanceof UpstreamFailure),
    });
    this.breaker.on('open', () => this.logger.warn({ upstream: settings.name }, 'circuit opened'));
    this.breaker.on('close', () => this.logger.info({ upstream: settings.name }, 'circuit closed'));
  }

  get name(): string {
    return this.settings.name;
  }

  /** closed, open or halfOpen: for readiness reports. */
  get circuitState(): 'closed' | 'open' | 'halfOpen' {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'halfOpen';
    return 'closed';
  }

  /** How each call ended as the breaker saw it (for metrics): answered, failed, or refused while the breaker was open. */
  onOutcome(listener: (outcome: UpstreamOutcome) => void): void {
    this.breaker.on('success', () => listener('success'));
    this.breaker.on('failure', () => listener('failure'));
    this.breaker.on('reject', () => listener('rejected'));
  }

  async call<S extends z.ZodType>(call: UpstreamCall<S>): Promise<z.output<S>> {
    try {
      return (await this.breaker.fire(() => this.withRetries(call))) as z.output<S>;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** One call answered as it came: 5xx, transport failures and failed checks are failures, anything else is returned. */
  async exchange(call: RawCall): Promise<RawAnswer> {
    try {
      return (await this.breaker.fire(() => this.retrying(call.safe, () => this.exchangeOnce(call)))) as RawAnswer;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.pool.close();
  }

  private unavailable(error: unknown): AppError {
    const open = error instanceof Error && (error as { code?: string }).code === 'EOPENBREAKER';
    this.logger.warn(
      {
        upstream: this.settings.name,
        reason: open ? 'circuit open' : error instanceof Error ? error.message : String(error),
      },
      'upstream unavailable',
    );
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `${this.settings.label}暂时无法访问，请稍后再试`,
      expose: true,
      cause: error,
    });
  }

  private withRetries<S extends z.ZodType>(call: UpstreamCall<S>): Promise<z.output<S>> {
    return this.retrying(call.safe, () => this.once(call));
  }

  private async retrying<T>(safe: boolean, once: () => Promise<T>): Promise<T> {
    const attempts = safe ? this.settings.retries + 1 : 1;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        return await once();
      } catch (error) {
        lastError = error;
        if (!(error instanceof UpstreamFailure) || attempt === attempts) break;
        // Full jitter keeps a fleet of BFFs from retrying in lockstep.
        await sleep(Math.random() * 100 * 2 ** attempt);
      }
    }
    throw lastError;
  }

  private async exchangeOnce(call: RawCall): Promise<RawAnswer> {
    const { name } = this.settings;
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let answer: RawAnswer;
    try {
      const response = await this.pool.request({
        method: call.method,
        path: this.basePath + call.path,
        headers,
        body: call.body ?? null,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headersTimeout: this.settings.timeoutMs,
        bodyTimeout: this.settings.timeoutMs,
      });
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(response.headers)) {
        if (value !== undefined) flat[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      answer = { status: response.statusCode, headers: flat, text: await response.body.text() };
    } catch (error) {
      throw this.transportFailure(error);
    }
    if (answer.status >= 500) throw new UpstreamFailure(name, 'status', `${name}: HTTP ${answer.status}`);
    const problem = call.check?.(answer);
    if (problem !== undefined)
      throw new UpstreamFailure(name, 'malformed', `${name}: ${problem} (HTTP ${answer.status})`);
    return answer;
  }

  private transportFailure(error: unknown): UpstreamFailure {
    const { name } = this.settings;
    if (error instanceof Error && (error as { code?: unknown }).code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
      return new UpstreamFailure(name, 'malformed', `${name}: answer too large`, { cause: error });
    }
    const timedOut =
      error instanceof Error &&
      (error.name === 'TimeoutError' || error.name === 'AbortError' || /timeout/i.test(error.message));
    return new UpstreamFailure(
      name,
      timedOut ? 'timeout' : 'network',
      `${name}: ${timedOut ? 'timed out' : 'network error'}`,
      {
        cause: error,
      },
    );
  }

  private async once<S extends z.ZodType>(call: UpstreamCall<S>): Promise<z.output<S>> {
    const { name } = this.settings;
    const search = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.rawBody) headers['content-type'] = call.rawBody.contentType;
    else if (call.body !== undefined) headers['content-type'] = 'application/json';
    const body = call.rawBody ? call.rawBody.bytes : call.body === undefined ? null : JSON.stringify(call.body);
    let text: string;
    let statusCode: number;
    try {
      const response = await this.pool.request({
        method: call.method,
        path: this.basePath + call.path + search,
        headers,
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        headersTimeout: this.settings.timeoutMs,
        bodyTimeout: this.settings.timeoutMs,
      });
      statusCode = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (error instanceof Error && (error as { code?: unknown }).code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
        throw new UpstreamFailure(name, 'malformed', `${name}: answer too large`, { cause: error });
      }
      const timedOut =
        error instanceof Error &&
        (error.name === 'TimeoutError' || error.name === 'AbortError' || /timeout/i.test(error.message));
      throw new UpstreamFailure(
        name,
        timedOut ? 'timeout' : 'network',
        `${name}: ${timedOut ? 'timed out' : 'network error'}`,
        {
          cause: error,
        },
      );
    }
    if (statusCode >= 500) throw new UpstreamFailure(name, 'status', `${name}: HTTP ${statusCode}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UpstreamFailure(name, 'malformed', `${name}: body is not JSON (HTTP ${statusCode})`, { cause: error });
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) {
      throw new UpstreamFailure(name, 'malformed', `${name}: unexpected body (HTTP ${statusCode})`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
