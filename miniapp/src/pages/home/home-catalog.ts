import type { CategoriesResponse, HotItemsResponse } from '@suijing/shared';
import { fetchCategories, fetchHotItems } from '@/services/catalog';

/** What 首页's catalog sections show: hot items and the categories, fetched together. */
export interface HomeCatalog {
  hot: HotItemsResponse;
  categories: CategoriesResponse;
}

let prefetched: Promise<HomeCatalog> | null = null;
/** undefined: not read yet; null: index.html brought none (no BFF wrote it, or the catalog was down). */
let served: HomeCatalog | null | undefined;
let servedTaken = false;

function isHomeCatalog(value: unknown): value is HomeCatalog {
  if (typeof value !== 'object' || value === null || !('hot' in value) || !('categories' in value)) return false;
  const { hot, categories } = value as { hot: unknown; categories: unknown };
  return (
    typeof hot === 'object' &&
    hot !== null &&
    Array.isArray((hot as { items?: unknown }).items) &&
    typeof categories === 'object' &&
    categories !== null &&
    Array.isArray((categories as { policeTypes?: unknown }).policeTypes)
  );
}

/** 首页's catalog as the BFF wrote it into H5's index.html (#sj-home-data, bff/src/libraries/h5-index.ts). */
function servedHomeCatalog(): HomeCatalog | null {
  if (served !== undefined) return served;
  served = null;
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return served;
  try {
    const parsed: unknown = JSON.parse(document.getElementById('sj-home-data')?.textContent ?? 'null');
    if (isHomeCatalog(parsed)) served = parsed;
  } catch {
    // A page without the data (the dev server's) or a broken block: 首页 asks the BFF as usual.
  }
  return served;
}

/**
 * The served catalog for 首页's first render, taken once (the first screen painted from it is
 * replaced by the same data); undefined when there is none or it was taken: load it then.
 */
export function takeServedHomeCatalog(): HomeCatalog | undefined {
  if (servedTaken) return undefined;
  servedTaken = true;
  return servedHomeCatalog() ?? undefined;
}

async function fetchHomeCatalog(): Promise<HomeCatalog> {
  const [hot, categories] = await Promise.all([fetchHotItems(), fetchCategories()]);
  return { hot, categories };
}

/**
 * Starts 首页's requests at launch, while the app's JavaScript is still
 * running, instead of after the page's first render.
 */
export function prefetchHomeCatalog(): void {
  // Already in the page: nothing to wait for.
  if (prefetched || servedHomeCatalog()) return;
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
