import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import type { AsyncState } from '@/hooks/useAsync';

/** The not-found answer of a lookup: said plainly, with no retry (retrying would not help). */
export interface PageNotFound<T, F extends T> {
  /**
   * Narrows the loaded data to what the page shows (e.g. `(data) => data.found`);
   * data it rejects is shown as not found.
   */
  found: (data: T) => data is F;
  title: string;
  note?: string;
  /** A way forward (e.g. a back button). */
  children?: ReactNode;
}

export interface PageStatesProps<T, F extends T = T> {
  /**
   * Prefix of the element ids, which E2E and unit tests select:
   * `<id>-loading`, `<id>-error` (and its `<id>-error-retry` button), `<id>-not-found`.
   */
  id: string;
  /** The page's load, as `useAsync` (or a hook built on it) returns it. */
  state: AsyncState<T>;
  /** Loads again; the error state's retry button calls it. */
  onRetry: () => void;
  /** Placeholder shown while loading; by default two `sj-card`s of four skeleton rows. */
  skeleton?: ReactNode;
  /** Class of the loading wrapper (`<id>-loading`), when it needs one. */
  loadingClassName?: string;
  /** If given, data it does not find is shown as an EmptyState `<id>-not-found` instead of `children`. */
  notFound?: PageNotFound<T, F>;
  /** What to show once loaded (and found). */
  children: (data: F) => ReactNode;
}

const DEFAULT_SKELETON = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={4} animated />
  </View>
));

/**
 * The states every loading page goes through: a skeleton while loading, the
 * reason and a retry on failure, optionally "not found", and otherwise the
 * page's content. Renders no PageShell: the page keeps its own.
 */
export function PageStates<T, F extends T = T>({
  id,
  state,
  onRetry,
  skeleton = DEFAULT_SKELETON,
  loadingClassName,
  notFound,
  children,
}: PageStatesProps<T, F>): JSX.Element {
  if (state.status === 'loading') {
    return (
      <View className={loadingClassName} id={`${id}-loading`} aria-busy="true">
        {skeleton}
      </View>
    );
  }
  if (state.status === 'error') {
    return (
      <View className="sj-card">
        <ErrorState id={`${id}-error`} message={state.message} onRetry={onRetry} />
      </View>
    );
  }
  const { data } = state;
  if (notFound && !notFound.found(data)) {
    return (
      <EmptyState id={`${id}-not-found`} title={notFound.title} note={notFound.note}>
        {notFound.children}
      </EmptyState>
    );
  }
  // Without `notFound`, F is T: every loaded answer is shown.
  return <>{children(data as F)}</>;
}
