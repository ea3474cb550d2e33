import type { z } from 'zod';
import type { Logger } from '../libraries/logger';
import { SystemClient, type SystemName } from './system-client';

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

/** The legacy envelope every system behind the data-exchange platform answers in. */
export interface LegacyAnswer<T> {
  code: string;
  msg?: string | undefined;
  data?: T | null | undefined;
}

/**
 * A system behind the data-exchange platform (审批, 实名认证, 车驾管, the halls'
 * queuing system, the feedback platform …): the legacy envelope {code, msg,
 * data}, `X-App-Key` on every call, and one way to tell an answer, a refusal
 * and a broken system apart. Subclasses speak their dialect through these.
 */
export abstract class GovSystemClient extends SystemClient {
  protected constructor(
    private readonly settings: GovSettings,
    logger: Logger,
    system: SystemName,
    options: { retries: number } = { retries: 1 },
  ) {
    super(system, { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: options.retries }, logger);
  }

  /** A read: retried on transport failures. */
  protected get<S extends z.ZodType>(path: string, query: Record<string, string>, schema: S) {
    return this.call({ method: 'GET', path, query, safe: true, schema });
  }

  /** `safe` only for calls the system deduplicates (a wbbh) or that change nothing. */
  protected post<S extends z.ZodType>(path: string, body: unknown, schema: S, options: { safe: boolean }) {
    return this.call({ method: 'POST', path, body, safe: options.safe, schema });
  }

  /** The answer's data, or a failure of the system (any code but success is unexpected here). */
  protected data<T>(answer: LegacyAnswer<T>, what: string): T {
    if (answer.code === LEGACY_OK && answer.data) return answer.data;
    throw this.unexpected(answer, what);
  }

  /** One of the refusals the caller expects, in the system's words; any other code is a failure. */
  protected refused(answer: LegacyAnswer<unknown>, expected: readonly string[]): Refused {
    if (!expected.includes(answer.code)) throw this.unexpected(answer, 'answer');
    return { ok: false, code: answer.code, message: (answer.msg ?? '').trim() };
  }

  /** The caller's own reason for a refusal it expects (its code a key of `reasons`); any other code is a failure. */
  protected refusedFor<Reason>(answer: LegacyAnswer<unknown>, reasons: Readonly<Record<string, Reason>>): Reason {
    const reason = reasons[this.refused(answer, Object.keys(reasons)).code];
    if (reason === undefined) throw this.unexpected(answer, 'answer');
    return reason;
  }

  /** A code the caller did not expect: the system is failing, whatever it says. */
  protected unexpected(answer: LegacyAnswer<unknown>, what: string) {
    return this.failure(`${this.system.name} ${what} code ${answer.code}: ${answer.msg ?? ''}`);
  }

  protected override headers(): Record<string, string> {
    return { 'x-app-key': this.settings.appKey };
  }
}
