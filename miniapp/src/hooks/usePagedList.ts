import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/services/api-error';

/** What a page of a list answer must carry. */
export interface PageLike<T> {
  items: T[];
  hasMore: boolean;
}

/** `idle` when there is nothing to load (e.g. an empty search box). */
export type ListStatus = 'idle' | 'loading' | 'error' | 'ready';
/** The next page: `done` once the server said there is no more. */
export type MoreState = 'idle' | 'loading' | 'error' | 'done';

export interface PagedList<T, R extends PageLike<T>> {
  status: ListStatus;
  items: T[];
  /** The latest answer (totals, suggestions, catalog freshness). */
  last: R | null;
  /** Message of the failed first page. */
  error: string | null;
  more: MoreState;
  loadMore: () => void;
  reload: () => void;
}

interface State<T, R> {
  status: ListStatus;
  items: T[];
  last: R | null;
  error: string | null;
  more: MoreState;
  page: number;
}

function idle<T, R>(): State<T, R> {
  return { status: 'idle', items: [], last: null, error: null, more: 'idle', page: 0 };
}

/**
 * An infinitely scrolling list. `key` names the query (filters, search text):
 * a new key starts over at page 1, null means nothing to load. Only answers
 * for the current key and generation land, so a slow page of an old search
 * never mixes into a new one; one page loads at a time.
 */
export function usePagedList<T, R extends PageLike<T>>(
  key: string | null,
  fetchPage: (page: number) => Promise<R>,
  keyOf: (item: T) => string,
): PagedList<T, R> {
  const [state, setState] = useState<State<T, R>>(idle);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback((page: number) => {
    const call = generation.current;
    busy.current = true;
    setState((prev) => (page === 1 ? { ...idle<T, R>(), status: 'loading' } : { ...prev, more: 'loading' }));
    fetchRef.current(page).then(
      (answer) => {
        if (call !== generation.current) return;
        busy.current = false;
        setState((prev) => {
          // Offsets shift when the catalog changes between pages: drop repeats.
          const seen = new Set(page === 1 ? [] : prev.items.map(keyOfRef.current));
          const fresh = answer.items.filter((item) => !seen.has(keyOfRef.current(item)));
          return {
            status: 'ready',
            items: page === 1 ? fresh : [...prev.items, ...fresh],
            last: answer,
            error: null,
            more: answer.hasMore ? 'idle' : 'done',
            page,
          };
        });
      },
      (error: unknown) => {
        if (call !== generation.current) return;
        busy.current = false;
        setState((prev) =>
          page === 1
            ? { ...prev, status: 'error', error: messageOf(error), more: 'idle' }
            : { ...prev, more: 'error', error: messageOf(error) },
        );
      },
    );
  }, []);

  const reload = useCallback(() => {
    generation.current += 1;
    busy.current = false;
    load(1);
  }, [load]);

  useEffect(() => {
    generation.current += 1;
    busy.current = false;
    if (key === null) setState(idle<T, R>());
    else load(1);
    return () => {
      generation.current += 1; // a new key or unmounted: ignore answers in flight
    };
  }, [key, load]);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    if (busy.current || current.status !== 'ready') return;
    if (current.more === 'done' || current.more === 'loading') return;
    load(current.page + 1);
  }, [load]);

  return {
    status: state.status,
    items: state.items,
    last: state.last,
    error: state.error,
    more: state.more,
    loadMore,
    reload,
  };
}
