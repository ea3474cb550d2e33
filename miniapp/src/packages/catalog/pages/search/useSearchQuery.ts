import { useCallback, useEffect, useRef, useState } from 'react';

/** Long enough to skip the keys of one word, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 350;

/**
 * The text in the box and the query actually searched. Typing settles into
 * a query after a pause; 搜索 (or a tapped history entry) searches at once.
 */
export function useSearchQuery(initial: string): {
  text: string;
  query: string;
  type: (value: string) => void;
  submit: (value?: string) => string;
} {
  const [text, setText] = useState(initial);
  const [query, setQuery] = useState(initial.trim());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancel = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancel, []);

  const type = useCallback((value: string) => {
    setText(value);
    cancel();
    timer.current = setTimeout(() => {
      timer.current = null;
      setQuery(value.trim());
    }, SEARCH_DEBOUNCE_MS);
  }, []);

  const submit = useCallback(
    (value?: string) => {
      const next = value ?? text;
      cancel();
      setText(next);
      setQuery(next.trim());
      return next.trim();
    },
    [text],
  );

  return { text, query, type, submit };
}
