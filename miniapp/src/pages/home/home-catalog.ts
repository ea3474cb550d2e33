import type { CategoriesResponse, HotItemsResponse } from '@suijing/shared';
import { fetchCategories, fetchHotItems } from '@/services/catalog';

/** What 首页's catalog sections show: hot items and the categories, fetched together. */
export interface HomeCatalog {
  hot: HotItemsResponse;
  categories: CategoriesResponse;
}

let prefetched: Promise<HomeCatalog> | null = null;

async function fetchHomeCatalog(): Promise<HomeCatalog> {
  const [hot, categories] = await Promise.all([fetchHotItems(), fetchCategories()]);
  return { hot, categories };
}

/**
 * Starts 首页's requests at launch, while the app's JavaScript is still
 * running, instead of after the page's first render.
 */
export function prefetchHomeCatalog(): void {
  if (prefetched) return;
  prefetched = fetchHomeCatalog();
  // Whoever takes the promise handles a failure; this only keeps an untaken one from being "unhandled".
  prefetched.catch(() => undefined);
}

/** The launch's prefetched answer, taken once; a retry or a later visit asks the BFF again. */
export function loadHomeCatalog(): Promise<HomeCatalog> {
  const pending = prefetched;
  prefetched = null;
  return pending ?? fetchHomeCatalog();
}
