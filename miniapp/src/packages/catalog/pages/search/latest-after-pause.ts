/** How a run ended: its value, or the error it failed with. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface LatestAfterPause<A> {
  /** A new input: restarts the pause, and no earlier input's answer will be delivered any more. */
  push: (input: A) => void;
  /** Drops the pending input and any answer in flight. */
  cancel: () => void;
}

interface Handlers<A, R> {
  /** Called when the pause is over and the run starts (to show that an answer is coming). */
  onStart?: (input: A) => void;
  /** The answer to the latest input only; answers overtaken by a newer input never arrive here. */
  onSettled: (input: A, outcome: Settled<R>) => void;
}

/**
 * Runs `run` once the input has rested for `pauseMs`, and delivers only the
 * answer to the newest input: on a phone network an answer for "护" may
 * arrive after the one for "护照", and must not replace it.
 */
export function latestAfterPause<A, R>(
  run: (input: A) => Promise<R>,
  pauseMs: number,
  handlers: Handlers<A, R>,
): LatestAfterPause<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by every push and cancel: an answer carrying an older number is stale.
  let generation = 0;

  const clearTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const start = (input: A, call: number): void => {
    timer = null;
    handlers.onStart?.(input);
    run(input).then(
      (value) => {
        if (call === generation) handlers.onSettled(input, { ok: true, value });
      },
      (error: unknown) => {
        if (call === generation) handlers.onSettled(input, { ok: false, error });
      },
    );
  };

  return {
    push(input) {
      clearTimer();
      generation += 1;
      const call = generation;
      timer = setTimeout(() => start(input, call), pauseMs);
    },
    cancel() {
      clearTimer();
      generation += 1;
    },
  };
}
