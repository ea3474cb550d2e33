import type {
  CatalogFreshness,
  CategoriesResponse,
  HotItemsResponse,
  ItemGuide,
  ItemGuideResponse,
  ItemListQuery,
  ItemListResponse,
  ItemSummary,
  PackageDetailResponse,
  PackageListResponse,
} from '@suijing/shared';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../libraries/errors';
import type { CatalogAnswer } from './catalog-answer';
import { remembered } from '../../libraries/remembered';
import type { CacheObserver } from '../../libraries/ttl-cache';
import type { Catalog } from './catalog';
import type { CatalogStore } from './catalog-store';

/** Distinct searches (match lists) and result pages remembered per instance; a city's queries repeat a lot. */
const SEARCH_CACHE_ENTRIES = 5000;
const PAGE_CACHE_ENTRIES = 2000;

type Payload<T extends { catalog: CatalogFreshness }> = Omit<T, 'catalog'>;

/** The catalog's use cases: find, browse and read items and 一件事 packages. */
export class CatalogService {
  private readonly searches = new LRUCache<string, readonly ItemSummary[]>({ max: SEARCH_CACHE_ENTRIES });
  private readonly pages = new LRUCache<string, Payload<ItemListResponse>>({ max: PAGE_CACHE_ENTRIES });
  /** Payloads that only change with the catalog version. */
  private readonly perVersion = new WeakMap<
    Catalog,
    { hot: Payload<HotItemsResponse>; categories: Payload<CategoriesResponse>; packages: Payload<PackageListResponse> }
  >();
  private readonly guides = new WeakMap<object, Payload<ItemGuideResponse>>();
  private readonly packageDetails = new WeakMap<object, Payload<PackageDetailResponse>>();

  constructor(
    private readonly store: CatalogStore,
    /** Told of every guide looked up (the `catalog-guides` cache in the metrics). */
    private readonly guideObserver?: CacheObserver,
  ) {}

  /** Search and browse: filter by police type and life event, match the words, page through the result. */
  async list(query: ItemListQuery): Promise<CatalogAnswer<Payload<ItemListResponse>>> {
    const { catalog, freshness } = await this.store.get();
    this.checkCategories(catalog, query);
    const key = [catalog.version, query.q ?? '', query.policeType ?? '', query.lifeEvent ?? ''].join('\u0000');
    const pageKey = `${key}\u0000${query.page}\u0000${query.pageSize}`;
    let payload = this.pages.get(pageKey);
    if (!payload) {
      const matches = this.matching(catalog, key, query);
      const start = (query.page - 1) * query.pageSize;
      payload = {
        items: matches.slice(start, start + query.pageSize),
        page: query.page,
        pageSize: query.pageSize,
        total: matches.length,
        hasMore: start + query.pageSize < matches.length,
        // Nothing found for the words: offer what most people come for instead of a dead end.
        suggestions: query.q && matches.length === 0 ? [...catalog.hot] : [],
      };
      this.pages.set(pageKey, payload);
    }
    return { payload, freshness };
  }

  async hot(): Promise<CatalogAnswer<Payload<HotItemsResponse>>> {
    const { catalog, freshness } = await this.store.get();
    return { payload: this.versionPayloads(catalog).hot, freshness };
  }

  async categories(): Promise<CatalogAnswer<Payload<CategoriesResponse>>> {
    const { catalog, freshness } = await this.store.get();
    return { payload: this.versionPayloads(catalog).categories, freshness };
  }

  async packages(): Promise<CatalogAnswer<Payload<PackageListResponse>>> {
    const { catalog, freshness } = await this.store.get();
    return { payload: this.versionPayloads(catalog).packages, freshness };
  }

  async guide(code: string): Promise<CatalogAnswer<Payload<ItemGuideResponse>>> {
    const { catalog, freshness } = await this.store.get();
    const item = catalog.guide(code);
    if (!item) throw new AppError({ code: 'ITEM_NOT_FOUND' });
    return { payload: remembered(this.guides, item, () => ({ item }), this.guideObserver), freshness };
  }

  async package(code: string): Promise<CatalogAnswer<Payload<PackageDetailResponse>>> {
    const { catalog, freshness } = await this.store.get();
    const detail = catalog.package(code);
    if (!detail) throw new AppError({ code: 'PACKAGE_NOT_FOUND' });
    return { payload: remembered(this.packageDetails, detail, () => ({ package: detail })), freshness };
  }

  /** An online item by its exact name, or undefined when the catalog has none so named. */
  async guideNamed(name: string): Promise<ItemGuide | undefined> {
    const { catalog } = await this.store.get();
    return catalog.guideNamed(name);
  }

  /** The summary of an item, or undefined when the online catalog no longer has it. */
  async summary(code: string): Promise<ItemSummary | undefined> {
    const { catalog } = await this.store.get();
    return catalog.summary(code);
  }

  private versionPayloads(catalog: Catalog) {
    return remembered(this.perVersion, catalog, () => ({
      hot: { items: [...catalog.hot] },
      categories: {
        total: catalog.items.length,
        policeTypes: [...catalog.policeTypes],
        lifeEvents: [...catalog.lifeEvents],
      },
      packages: { packages: [...catalog.packages] },
    }));
  }

  private checkCategories(catalog: Catalog, query: ItemListQuery): void {
    const fields = [
      ...(query.policeType && !catalog.hasPoliceType(query.policeType)
        ? [{ path: 'policeType', message: '没有这个警种分类，请从分类列表中选择' }]
        : []),
      ...(query.lifeEvent && !catalog.hasLifeEvent(query.lifeEvent)
        ? [{ path: 'lifeEvent', message: '没有这个人生事件分类，请从分类列表中选择' }]
        : []),
    ];
    if (fields.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', fields });
  }

  private matching(catalog: Catalog, key: string, query: ItemListQuery): readonly ItemSummary[] {
    let matches = this.searches.get(key);
    if (!matches) {
      const candidates = query.q
        ? catalog.searchItems(query.q).map((i) => catalog.items[i] as ItemSummary)
        : catalog.items;
      matches = candidates.filter(
        (item) =>
          (!query.policeType || item.policeType.code === query.policeType) &&
          (!query.lifeEvent || item.lifeEvents.some((event) => event.code === query.lifeEvent)),
      );
      this.searches.set(key, matches);
    }
    return matches;
  }
}
