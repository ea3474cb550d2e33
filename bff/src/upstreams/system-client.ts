import { AppError } from '../libraries/errors';
import type { Logger } from '../libraries/logger';
import type { z } from 'zod';
import { UpstreamClient, type UpstreamCall } from './upstream-client';

/** Who a system is: a short name for logs and metrics, and what a citizen calls it. */
export interface SystemName {
  name: string;
  label: string;
}

/** Where a system answers and how patiently it is asked. */
export interface SystemEndpoint {
  baseUrl: string;
  timeoutMs: number;
  /** Extra attempts for safe calls; 0 for a system whose every call has an effect the citizen sees (SMS). */
  retries: number;
}

/**
 * Every back-end system's client: one pooled, breaker-guarded connection, the
 * system's own credentials on each call, and one way to say the system is
 * broken. Subclasses speak their system's dialect and answer in ours.
 */
export abstract class SystemClient {
  readonly upstream: UpstreamClient;

  protected constructor(
    protected readonly system: SystemName,
    endpoint: SystemEndpoint,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient({ ...system, ...endpoint }, logger);
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  /** One call with the system's credentials added. */
  protected call<S extends z.ZodType>(call: Omit<UpstreamCall<S>, 'headers'>): Promise<z.output<S>> {
    return this.upstream.call({ ...call, headers: this.headers() });
  }

  /** The credentials every call carries (an app key, an API key); none by default. */
  protected headers(): Record<string, string> {
    return {};
  }

  /** The system failed us (an unexpected code, a broken answer): the citizen is told to try later. */
  protected failure(detail: string, cause?: unknown): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `${this.system.label}暂时无法访问，请稍后再试`,
      expose: true,
      cause: new Error(detail, cause === undefined ? undefined : { cause }),
    });
  }
}
