import type { CacheObserver } from './ttl-cache';

/**
 * The value kept for `key`, made on first use; it lives as long as the key does.
 * An observer (metrics) is told whether it was kept already.
 */
export function remembered<K extends object, V>(
  cache: WeakMap<K, V>,
  key: K,
  make: () => V,
  observer?: CacheObserver,
): V {
  let value = cache.get(key);
  if (value === undefined) {
    observer?.miss();
    value = make();
    cache.set(key, value);
  } else {
    observer?.hit();
  }
  return value;
}
