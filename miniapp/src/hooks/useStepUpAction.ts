import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { messageOf } from '@/services/api-error';
import { stepUpPassesStore } from '@/stores/step-up';
import { stepUpOf, stepUpUrl } from '@/utils/assurance';
import { goTo } from '@/utils/navigation';

export interface StepUpAction {
  run: () => void;
  busy: boolean;
}

/**
 * An action the BFF may answer with "take a step first" (实名, or 本人认证
 * within 5 minutes). Then the step's page opens; back from it with the step
 * passed, the action runs again by itself (the person asked for it once);
 * back without, nothing happens. Other failures go to `onError`.
 */
export function useStepUpAction<T>(
  action: () => Promise<T>,
  handlers: { onDone: (result: T) => void; onError: (message: string, error: unknown) => void },
): StepUpAction {
  const [busy, setBusy] = useState(false);
  const actionRef = useRef(action);
  actionRef.current = action;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  /** The pass count when the step opened, or null when no step is pending. */
  const pending = useRef<number | null>(null);
  const running = useRef(false);

  const run = useCallback(() => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    actionRef.current().then(
      (result) => {
        running.current = false;
        setBusy(false);
        handlersRef.current.onDone(result);
      },
      (error: unknown) => {
        running.current = false;
        setBusy(false);
        const step = stepUpOf(error);
        if (step) {
          pending.current = stepUpPassesStore.get();
          goTo(stepUpUrl(step));
          return;
        }
        handlersRef.current.onError(messageOf(error), error);
      },
    );
  }, []);

  useDidShow(() => {
    const since = pending.current;
    if (since === null) return;
    pending.current = null;
    if (stepUpPassesStore.get() > since) run();
  });

  return { run, busy };
}
