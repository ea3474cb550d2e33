import { createStore } from './create-store';

/**
 * How many times a step (实名, 本人认证) has been passed in this run. A page
 * that sent the person to a step for an action compares the count when it is
 * shown again: higher means the step was passed and the action may go on.
 */
export const stepUpPassesStore = createStore(0);

export function noteStepUpPassed(): void {
  stepUpPassesStore.set((n) => n + 1);
}
