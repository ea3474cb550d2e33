import { useCallback } from 'react';
import type { SearchHit, SearchResponse } from '@suijing/shared';
import { usePagedList, type PagedList } from '@/hooks/usePagedList';
import { search } from '@/services/search';
import { hitKey } from './search-format';

/** A search answer in the shape the paged list reads (`items`). */
export type SearchAnswer = SearchResponse & { items: SearchHit[] };
export type SearchResultList = PagedList<SearchHit, SearchAnswer>;

/** The results of the searched query, page by page; nothing is loaded for an empty query. */
export function useSearchResults(query: string): SearchResultList {
  const fetchPage = useCallback(
    (page: number): Promise<SearchAnswer> =>
      search(query, page).then((answer) => ({ ...answer, items: answer.results })),
    [query],
  );
  return usePagedList(query === '' ? null : query, fetchPage, hitKey);
}
