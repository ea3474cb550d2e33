import { useCallback, useState } from 'react';

/** What the page shows: recent and hot items, suggestions for the text being typed, or the results of a search. */
export type SearchView = 'idle' | 'suggest' | 'results';

/** Results belong to the searched text; once it is edited, suggestions for the new text take over. */
export function searchView(text: string, query: string): SearchView {
  const typed = text.trim();
  if (typed === '') return 'idle';
  return typed === query ? 'results' : 'suggest';
}

/**
 * The text in the box and the query actually searched. Typing only changes
 * the text (suggestions follow it); 搜索, the keyboard's search key or a
 * recent search sets the query.
 */
export function useSearchQuery(initial: string): {
  text: string;
  query: string;
  view: SearchView;
  type: (value: string) => void;
  submit: (value?: string) => string;
} {
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial.trim());

  const type = useCallback((value: string) => {
    setText(value);
    // An emptied box forgets the last results, so the next search starts clean.
    if (value.trim() === '') setQuery('');
  }, []);

  const submit = useCallback(
    (value?: string) => {
      const next = value ?? text;
      setText(next);
      setQuery(next.trim());
      return next.trim();
    },
    [text],
  );

  return { text, query, view: searchView(text, query), type, submit };
}
