import { useSyncExternalStore } from 'react';
import type { Store } from '@/stores/create-store';

/** Subscribes a component to a store; re-renders only when the value changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
