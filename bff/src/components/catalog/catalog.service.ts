import type {
  CategoriesResponse,
  HotItemsResponse,
  ItemGuideResponse,
  ItemListQuery,
  ItemListResponse,
  ItemSummary,
  PackageDetailResponse,
  PackageListResponse,
} from '@suijing/shared';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../libraries/errors';
import type { Catalog } from './catalog';
import type { CatalogStore } from './catalog-store';

/** Distinct searches remembered per instance; a city's queries repeat a lot. */
const SEARCH_CACHE_ENTRIES = 5000;

/** The catalog's use cases: find, browse and read items and 一件事 packages. */
export class CatalogService {
  private readonly searches = new LRUCache<string, readonly ItemSummary[]>({ max: SEARCH_CACHE_ENTRIES });

  constructor(private readonly store: CatalogStore) {}

  /** Search and browse: filter by police type and life event, match the words, page through the result. */
  async list(query: ItemListQuery): Promise<ItemListResponse> {
    const { catalog, freshness } = await this.store.get();
    this.checkCategories(catalog, query);
    const matches = this.matching(catalog, query);
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matches.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: matches.length,
      hasMore: start + query.pageSize < matches.length,
      // Nothing found for the words: offer what most people come for instead of a dead end.
      suggestions: query.q && matches.length === 0 ? [...catalog.hot] : [],
      catalog: freshness,
    };
  }

  async hot(): Promise<HotItemsResponse> {
    const { catalog, freshness } = await this.store.get();
    return { items: [...catalog.hot], catalog: freshness };
  }

  async guide(code: string): Promise<ItemGuideResponse> {
    const { catalog, freshness } = await this.store.get();
    const item = catalog.guide(code);
    if (!item) throw new AppError({ code: 'ITEM_NOT_FOUND' });
    return { item, catalog: freshness };
  }

  /** The summary of an item, or undefined when the online catalog no longer has it. */
  async summary(code: string): Promise<ItemSummary | undefined> {
    const { catalog } = await this.store.get();
    return catalog.summary(code);
  }

  async categories(): Promise<CategoriesResponse> {
    const { catalog, freshness } = await this.store.get();
    return {
      total: catalog.items.length,
      policeTypes: [...catalog.policeTypes],
      lifeEvents: [...catalog.lifeEvents],
      catalog: freshness,
    };
  }

  async packages(): Promise<PackageListResponse> {
    const { catalog, freshness } = await this.store.get();
    return { packages: [...catalog.packages], catalog: freshness };
  }

  async package(code: string): Promise<PackageDetailResponse> {
    const { catalog, freshness } = await this.store.get();
    const detail = catalog.package(code);
    if (!detail) throw new AppError({ code: 'PACKAGE_NOT_FOUND' });
    return { package: detail, catalog: freshness };
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

  private matching(catalog: Catalog, query: ItemListQuery): readonly ItemSummary[] {
    const key = [catalog.version, query.q ?? '', query.policeType ?? '', query.lifeEvent ?? ''].join('\u0000');
    let matches = this.searches.get(key);
    if (!matches) {
      const candidates = query.q ? catalog.search(query.q).map((i) => catalog.items[i] as ItemSummary) : catalog.items;
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
