import { useCallback, useEffect, useRef, useState } from 'react';

export interface Refreshed<T> {
  /** The last answer; it stays while a new one loads or when one fails. */
  value: T;
  refreshing: boolean;
  /** Why the last refresh failed, or null after a good answer. */
  error: unknown;
  /** When the value shown was fetched (device clock). */
  answeredAt: Date;
  /** Fetches again now; an older call still under way is ignored when it answers. */
  refresh: () => void;
}

/**
 * Something on screen that is fetched again and again (a queue ticket, an
 * e-card QR): only the latest call's answer counts, and nothing is set once
 * the page has gone.
 */
export function useRefreshed<T>(initial: T, fetch: () => Promise<T>): Refreshed<T> {
  const [value, setValue] = useState(initial);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answeredAt, setAnsweredAt] = useState(() => new Date());
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const refresh = useCallback(() => {
    const call = ++latest.current;
    setRefreshing(true);
    fetchRef.current().then(
      (next) => {
        if (!mounted.current || call !== latest.current) return;
        setValue(next);
        setError(null);
        setAnsweredAt(new Date());
        setRefreshing(false);
      },
      (failure: unknown) => {
        if (!mounted.current || call !== latest.current) return;
        setError(failure);
        setRefreshing(false);
      },
    );
  }, []);

  return { value, refreshing, error, answeredAt, refresh };
}
