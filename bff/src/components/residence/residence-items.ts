import type { ResidenceAction } from '@suijing/shared';

/** What 我的居住证 offers, by the catalog item it is filed as (found by name, as the catalog publishes it). */
export type ResidenceStep = 'register' | ResidenceAction;

export const RESIDENCE_ITEM_NAMES: Readonly<Record<ResidenceStep, string>> = {
  register: '居住登记申报',
  apply: '居住证申领',
  endorse: '居住证签注',
  reissue: '居住证补领',
  renew: '居住证换领',
};

/** The order the page lists them in: what comes first in a newcomer's life here. */
export const RESIDENCE_STEPS: readonly ResidenceStep[] = ['register', 'apply', 'endorse', 'reissue', 'renew'];

/** The 居住证 action an item is filed for, or undefined for any other item (居住登记 included: nothing to pre-check). */
export function permitActionOf(itemName: string): ResidenceAction | undefined {
  for (const action of ['apply', 'endorse', 'reissue', 'renew'] as const) {
    if (RESIDENCE_ITEM_NAMES[action] === itemName) return action;
  }
  return undefined;
}
