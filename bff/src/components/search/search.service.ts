import {
  MAX_SUGGESTIONS,
  type SearchHelp,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
  type Suggestion,
  type SuggestResponse,
} from '@suijing/shared';
import { LRUCache } from 'lru-cache';
import { JsonWithField } from '../../libraries/json-bytes';
import type { CacheObserver } from '../../libraries/ttl-cache';
import type { Catalog } from '../catalog/catalog';
import type { CatalogAnswer } from '../catalog/catalog-answer';
import type { CatalogStore } from '../catalog/catalog-store';
import { groupByFamily } from './search-results';

/** Distinct queries (and their pages) remembered per instance: a city's searches repeat a lot. */
const ANSWER_CACHE_ENTRIES = 5000;
/** And at most this many bytes of encoded answers each (pages are 3 KB on average, 16 KB at most). */
const ANSWER_CACHE_BYTES = 32 * 1024 * 1024;
/** Items offered under 您是不是要找. */
const DID_YOU_MEAN = 5;

type Payload<T extends { catalog: unknown }> = Omit<T, 'catalog'>;

/** A query's whole result list, before paging. */
interface Ranked {
  terms: string[];
  hits: SearchHit[];
  help?: SearchHelp;
}

/** Answers as the bytes sent, the catalog's freshness appended as `catalog` (again only when it changes). */
const answerCache = () =>
  new LRUCache<string, JsonWithField>({
    max: ANSWER_CACHE_ENTRIES,
    maxSize: ANSWER_CACHE_BYTES,
    sizeCalculation: (answer) => answer.byteLength,
  });

export interface SearchServiceDeps {
  store: CatalogStore;
  /** Told of every page looked up (the `search` cache in the metrics). */
  observer?: CacheObserver | undefined;
}

/** Finding items and 一件事 packages the way citizens ask, and suggesting as they type. */
export class SearchService {
  private readonly ranked = new LRUCache<string, Ranked>({ max: ANSWER_CACHE_ENTRIES });
  private readonly pages = answerCache();
  private readonly suggestions = answerCache();

  constructor(private readonly deps: SearchServiceDeps) {}

  async search(query: SearchQuery): Promise<CatalogAnswer<JsonWithField>> {
    const { catalog, freshness } = await this.deps.store.get();
    const key = `${catalog.version}\u0000${query.q}`;
    const pageKey = `${key}\u0000${query.page}\u0000${query.pageSize}`;
    let answer = this.pages.get(pageKey);
    if (answer) {
      this.deps.observer?.hit();
    } else {
      this.deps.observer?.miss();
      let ranked = this.ranked.get(key);
      if (!ranked) {
        ranked = rank(catalog, query.q);
        this.ranked.set(key, ranked);
      }
      const start = (query.page - 1) * query.pageSize;
      const payload: Payload<SearchResponse> = {
        query: { text: query.q, terms: ranked.terms },
        results: ranked.hits.slice(start, start + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: ranked.hits.length,
        hasMore: start + query.pageSize < ranked.hits.length,
        ...(ranked.help ? { help: ranked.help } : {}),
      };
      answer = new JsonWithField(payload, 'catalog');
      this.pages.set(pageKey, answer);
    }
    return { payload: answer, freshness };
  }

  async suggest(q: string): Promise<CatalogAnswer<JsonWithField>> {
    const { catalog, freshness } = await this.deps.store.get();
    const key = `${catalog.version}\u0000${q}`;
    let answer = this.suggestions.get(key);
    if (!answer) {
      const payload: Payload<SuggestResponse> = { suggestions: q ? suggest(catalog, q) : [] };
      answer = new JsonWithField(payload, 'catalog');
      this.suggestions.set(key, answer);
    }
    return { payload: answer, freshness };
  }
}

function rank(catalog: Catalog, q: string): Ranked {
  const { terms, matches } = catalog.search.search(q);
  const hits = groupByFamily(
    matches.map((match) => catalog.searchTargets[match.doc]).filter((target) => target !== undefined),
    catalog.familySizes,
  );
  if (hits.length > 0) return { terms, hits };
  const didYouMean = catalog.search
    .nearest(q, DID_YOU_MEAN)
    .map((doc) => catalog.searchTargets[doc])
    .flatMap((target) => (target?.kind === 'item' ? [target.item] : []));
  return { terms, hits, help: { didYouMean, hot: [...catalog.hot], phones: [...catalog.helpPhones] } };
}

/** The best items and packages for what has been typed so far, one line each. */
function suggest(catalog: Catalog, q: string): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const match of catalog.search.search(q, { prefix: true }).matches) {
    const target = catalog.searchTargets[match.doc];
    if (!target) continue;
    suggestions.push(
      target.kind === 'item'
        ? { kind: 'item', code: target.item.code, text: target.item.name, family: target.item.family }
        : { kind: 'package', code: target.package.code, text: target.package.name },
    );
    if (suggestions.length === MAX_SUGGESTIONS) break;
  }
  return suggestions;
}
