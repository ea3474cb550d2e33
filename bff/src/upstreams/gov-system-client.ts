import { AppError } from '../libraries/errors';
import type { Logger } from '../libraries/logger';
import { UpstreamClient } from './upstream-client';

/** Where the city's data-exchange platform is and the app key it issued the BFF. */
export interface GovSettings {
  baseUrl: string;
  appKey: string;
  timeoutMs: number;
}

/** The legacy envelope's success code. */
export const LEGACY_OK = '0000';

/** A refusal a system gives in its own words: the citizen's situation, not a broken system. */
export interface Refused {
  ok: false;
  code: string;
  message: string;
}

type Schema = Parameters<UpstreamClient['call']>[0]['schema'];

interface LegacyAnswer<T> {
  code: string;
  msg?: string | undefined;
  data?: T | null | undefined;
}

/**
 * A system behind the data-exchange platform (车驾管, the halls' queuing
 * system, the feedback platform …): the legacy envelope {code, msg, data},
 * `X-App-Key` on every call, and one way to tell an answer, a refusal and a
 * broken system apart. Subclasses speak their dialect through these.
 */
export abstract class GovSystemClient {
  readonly upstream: UpstreamClient;

  protected constructor(
    private readonly settings: GovSettings,
    logger: Logger,
    private readonly system: { name: string; label: string },
  ) {
    this.upstream = new UpstreamClient(
      { name: system.name, label: system.label, baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  /** A read: retried on transport failures. */
  protected get<S extends Schema>(path: string, query: Record<string, string>, schema: S) {
    return this.upstream.call({ method: 'GET', path, query, headers: this.headers(), safe: true, schema });
  }

  /** `safe` only for calls the system deduplicates (a wbbh) or that change nothing. */
  protected post<S extends Schema>(path: string, body: unknown, schema: S, options: { safe: boolean }) {
    return this.upstream.call({ method: 'POST', path, body, headers: this.headers(), safe: options.safe, schema });
  }

  /** The answer's data, or a failure of the system (any code but success is unexpected here). */
  protected data<T>(answer: LegacyAnswer<T>, what: string): T {
    if (answer.code === LEGACY_OK && answer.data) return answer.data;
    throw this.failure(`${this.system.name} ${what} code ${answer.code}: ${answer.msg ?? ''}`);
  }

  /** One of the refusals the caller expects, in the system's words; any other code is a failure. */
  protected refused(answer: LegacyAnswer<unknown>, expected: readonly string[]): Refused {
    if (!expected.includes(answer.code)) {
      throw this.failure(`${this.system.name} code ${answer.code}: ${answer.msg ?? ''}`);
    }
    return { ok: false, code: answer.code, message: (answer.msg ?? '').trim() };
  }

  protected failure(detail: string): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: `${this.system.label}暂时无法访问，请稍后再试`,
      expose: true,
      cause: new Error(detail),
    });
  }

  private headers(): Record<string, string> {
    return { 'x-app-key': this.settings.appKey };
  }
}
