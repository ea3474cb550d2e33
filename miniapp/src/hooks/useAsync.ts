import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '@/services/api-error';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'success'; data: T };

/**
 * Runs a loader on mount and on reload(); only the latest call may update
 * state, so a slow earlier answer never overwrites a newer one. With `initial`
 * (data the page already has, e.g. written into H5's index.html by the BFF)
 * the first render shows it and the mount loads nothing; reload() still loads.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  initial?: T,
): {
  state: AsyncState<T>;
  reload: () => void;
  setData: (update: (data: T) => T) => void;
} {
  const [state, setState] = useState<AsyncState<T>>(
    initial === undefined ? { status: 'loading' } : { status: 'success', data: initial },
  );
  const skipMountLoad = useRef(initial !== undefined);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const call = ++latest.current;
    setState({ status: 'loading' });
    loadRef.current().then(
      (data) => {
        if (call === latest.current) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (call === latest.current) setState({ status: 'error', message: messageOf(error) });
      },
    );
  }, []);

  useEffect(() => {
    if (skipMountLoad.current) skipMountLoad.current = false;
    else reload();
    return () => {
      latest.current += 1; // unmounted: ignore answers still in flight
    };
  }, [reload]);

  const setData = useCallback((update: (data: T) => T) => {
    setState((prev) => (prev.status === 'success' ? { status: 'success', data: update(prev.data) } : prev));
  }, []);

  return { state, reload, setData };
}
