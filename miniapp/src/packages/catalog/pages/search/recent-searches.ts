import { useCallback, useState } from 'react';
import { readString, removeKey, STORAGE_KEYS, writeString } from '@/utils/storage';

/** Kept on this device only: what was searched is nobody else's business. */
export const MAX_RECENT = 8;

export function readRecent(): string[] {
  const raw = readString(STORAGE_KEYS.recentSearches);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, MAX_RECENT)
      : [];
  } catch {
    return []; // a corrupted entry is treated as no history
  }
}

/** Newest first, no repeats, at most MAX_RECENT. */
export function withRecent(list: string[], query: string): string[] {
  const q = query.trim();
  if (q === '') return list;
  return [q, ...list.filter((item) => item !== q)].slice(0, MAX_RECENT);
}

export function useRecentSearches(): { recent: string[]; remember: (query: string) => void; clear: () => void } {
  const [recent, setRecent] = useState(readRecent);
  const remember = useCallback((query: string) => {
    setRecent((prev) => {
      const next = withRecent(prev, query);
      if (next !== prev) writeString(STORAGE_KEYS.recentSearches, JSON.stringify(next));
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    removeKey(STORAGE_KEYS.recentSearches);
    setRecent([]);
  }, []);
  return { recent, remember, clear };
}
