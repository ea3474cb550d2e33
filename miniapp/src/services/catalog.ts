import type {
  CategoriesResponse,
  HotItemsResponse,
  ItemGuideResponse,
  ItemListResponse,
  PackageDetailResponse,
  PackageListResponse,
} from '@suijing/shared';
import { apiRequest } from './api-client';
import { DEFAULT_PAGE_SIZE, MAX_QUERY_LENGTH } from '@suijing/shared/limits';

/**
 * The public service catalog: items, hot items, categories, "一件事" packages.
 * No login is needed, so calls go without a token (auth: false): an expired
 * token must never send someone reading a guide to the login page.
 */

/** Items per page in every list: one screenful and a half of cards. */
export const PAGE_SIZE = DEFAULT_PAGE_SIZE;
export { MAX_QUERY_LENGTH };

export interface ItemListParams {
  q?: string;
  policeType?: string;
  lifeEvent?: string;
  page?: number;
  pageSize?: number;
}

/** Builds the query string ourselves: Taro.request serialises GET data differently per platform. */
export function itemListPath(params: ItemListParams): string {
  const query: Array<[string, string]> = [];
  const q = params.q?.trim().slice(0, MAX_QUERY_LENGTH);
  if (q) query.push(['q', q]);
  if (params.policeType) query.push(['policeType', params.policeType]);
  if (params.lifeEvent) query.push(['lifeEvent', params.lifeEvent]);
  query.push(['page', String(params.page ?? 1)]);
  query.push(['pageSize', String(params.pageSize ?? PAGE_SIZE)]);
  return `/api/v1/items?${query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

export function listItems(params: ItemListParams): Promise<ItemListResponse> {
  return apiRequest<ItemListResponse>({ path: itemListPath(params), auth: false });
}

export function fetchHotItems(): Promise<HotItemsResponse> {
  return apiRequest<HotItemsResponse>({ path: '/api/v1/items/hot', auth: false });
}

export function fetchItemGuide(code: string): Promise<ItemGuideResponse> {
  return apiRequest<ItemGuideResponse>({ path: `/api/v1/items/${encodeURIComponent(code)}`, auth: false });
}

export function fetchCategories(): Promise<CategoriesResponse> {
  return apiRequest<CategoriesResponse>({ path: '/api/v1/categories', auth: false });
}

export function listPackages(): Promise<PackageListResponse> {
  return apiRequest<PackageListResponse>({ path: '/api/v1/packages', auth: false });
}

export function fetchPackage(code: string): Promise<PackageDetailResponse> {
  return apiRequest<PackageDetailResponse>({ path: `/api/v1/packages/${encodeURIComponent(code)}`, auth: false });
}
