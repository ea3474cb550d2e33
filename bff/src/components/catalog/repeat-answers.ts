import type { CatalogFreshness } from '@suijing/shared';
import type { Middleware } from 'koa';
import { LRUCache } from 'lru-cache';
import type { AppContext, AppState } from '../../libraries/context';
import { sendJsonBytes, type JsonBytes, type JsonWithField } from '../../libraries/json-bytes';
import type { CacheObserver } from '../../libraries/ttl-cache';
import type { CatalogAnswer } from './catalog-answer';

/** Where the current copy's freshness (and version) comes from: the CatalogStore. */
export interface CatalogFreshnessSource {
  get(): Promise<{ freshness: CatalogFreshness }>;
}

export interface RepeatAnswersLimits {
  entries: number;
  /** The bytes of the answers held (most are shared with the services' own caches). */
  bytes: number;
}

/**
 * Public catalog reads (search, suggestions, guides) answered again by the request as sent.
 * A request whose path and query string are exactly those of one answered before, with the
 * same catalog version, gets that answer (its freshness brought up to date) before its input
 * is parsed and validated again: the same string parses to the same input, so validation and
 * the handler would give the same answer, and a city's searches repeat a lot. Anything else
 * (a first request, an error) takes the usual way; only answers given are remembered.
 */
export class RepeatAnswers {
  private readonly answers: LRUCache<string, JsonWithField>;

  constructor(
    private readonly store: CatalogFreshnessSource,
    limits: RepeatAnswersLimits,
    /** Told of every request looked up (the `catalog-repeats` cache in the metrics). */
    private readonly observer?: CacheObserver,
  ) {
    this.answers = new LRUCache({
      max: limits.entries,
      maxSize: limits.bytes,
      sizeCalculation: (answer) => answer.byteLength,
    });
  }

  /** Before a route's validation: answers a repeat, or passes the request on. */
  readonly answerRepeat: Middleware<AppState> = async (ctx, next) => {
    const { freshness } = await this.store.get();
    const answer = this.answers.get(keyOf(freshness.version, ctx));
    if (!answer) {
      this.observer?.miss();
      return next();
    }
    this.observer?.hit();
    // As the route itself answers (libraries/routes.ts): 200 with the encoded JSON.
    ctx.status = 200;
    sendJsonBytes(ctx, answer.with(freshness));
    return undefined;
  };

  /** The answer this request gets, remembered for the requests exactly like it. */
  remember(ctx: AppContext, { payload, freshness }: CatalogAnswer<JsonWithField>): JsonBytes {
    this.answers.set(keyOf(freshness.version, ctx), payload);
    return payload.with(freshness);
  }
}

/** The path and query string as sent (no decoding: a different spelling is another entry). */
const keyOf = (version: string, ctx: AppContext) => `${version}\u0000${ctx.url}`;
