import { useEffect, useRef, useState } from 'react';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export const AUTOSAVE_DELAY_MS = 1000;

/**
 * Saves `value` a moment after the citizen stops typing (one save per pause,
 * never two at once). `enabled` false (still loading the draft) saves
 * nothing, and the value it is enabled with counts as already saved.
 */
export function useAutosave<T>(
  value: T,
  save: (value: T) => Promise<void>,
  enabled: boolean,
  delay = AUTOSAVE_DELAY_MS,
): AutosaveStatus {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const saved = useRef<string | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    if (!enabled) return undefined;
    const text = JSON.stringify(value);
    if (saved.current === null) {
      saved.current = text; // what was loaded: nothing new to save
      return undefined;
    }
    if (text === saved.current) return undefined;
    setStatus('pending');
    const timer = setTimeout(() => {
      const run = async (): Promise<void> => {
        if (inFlight.current) await inFlight.current.catch(() => undefined);
        setStatus('saving');
        try {
          await saveRef.current(value);
          saved.current = text;
          setStatus('saved');
        } catch {
          setStatus('error');
        }
      };
      inFlight.current = run();
    }, delay);
    return () => clearTimeout(timer);
  }, [value, enabled, delay]);

  return status;
}
