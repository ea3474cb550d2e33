import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '@suijing/shared';
import { MAX_SUGGESTIONS } from '@suijing/shared/limits';
import { searchText, suggest } from '@/services/search';
import { latestAfterPause, type LatestAfterPause } from './latest-after-pause';

/** Short enough to keep up with typing, long enough to skip the keys in between. */
export const SUGGEST_PAUSE_MS = 150;

export interface SuggestionsState {
  /** `loading` keeps the previous suggestions on screen until the new ones arrive (no flicker). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  suggestions: Suggestion[];
}

const IDLE: SuggestionsState = { status: 'idle', suggestions: [] };

/** Suggestions for the text being typed, while `active` (not once it has been searched). */
export function useSuggestions(text: string, active: boolean): SuggestionsState {
  const [state, setState] = useState<SuggestionsState>(IDLE);
  const feed = useRef<LatestAfterPause<string> | null>(null);
  if (feed.current === null) {
    feed.current = latestAfterPause(suggest, SUGGEST_PAUSE_MS, {
      onStart: () => setState((prev) => ({ ...prev, status: 'loading' })),
      onSettled: (_q, outcome) =>
        setState(
          outcome.ok
            ? { status: 'ready', suggestions: outcome.value.suggestions.slice(0, MAX_SUGGESTIONS) }
            : { status: 'error', suggestions: [] },
        ),
    });
  }

  const q = active ? searchText(text) : '';
  useEffect(() => {
    const current = feed.current;
    if (current === null) return;
    if (q === '') {
      current.cancel();
      setState(IDLE);
    } else {
      current.push(q);
    }
  }, [q]);
  useEffect(() => () => feed.current?.cancel(), []);

  return state;
}
