import type { SearchResponse, SuggestResponse } from '@suijing/shared';
import { DEFAULT_PAGE_SIZE, MAX_QUERY_LENGTH } from '@suijing/shared/limits';
import { apiRequest } from './api-client';

/**
 * Search over items and 一件事 packages, and the suggestions offered while
 * typing. Public like the rest of the catalog: no token (auth: false).
 */

/** The text as the contract accepts it: trimmed and cut to the limit rather than refused. */
export function searchText(q: string): string {
  return q.trim().slice(0, MAX_QUERY_LENGTH);
}

/** Builds the query string ourselves: Taro.request serialises GET data differently per platform. */
export function searchPath(q: string, page: number, pageSize: number = DEFAULT_PAGE_SIZE): string {
  return `/api/v1/search?q=${encodeURIComponent(searchText(q))}&page=${page}&pageSize=${pageSize}`;
}

export function suggestPath(q: string): string {
  return `/api/v1/search/suggest?q=${encodeURIComponent(searchText(q))}`;
}

export function search(q: string, page = 1): Promise<SearchResponse> {
  return apiRequest<SearchResponse>({ path: searchPath(q, page), auth: false });
}

export function suggest(q: string): Promise<SuggestResponse> {
  return apiRequest<SuggestResponse>({ path: suggestPath(q), auth: false });
}
