import { createStore } from './create-store';

/**
 * The filter of the 办事 tab. A store rather than page state because a tab
 * page cannot receive query parameters (switchTab drops them): 首页's
 * police-type tiles set it, then switch to the tab.
 */
export interface CatalogFilter {
  /** null: 全部. */
  policeType: string | null;
  lifeEvent: string | null;
}

export const catalogFilterStore = createStore<CatalogFilter>({ policeType: null, lifeEvent: null });

export function setPoliceTypeFilter(policeType: string | null): void {
  catalogFilterStore.set((prev) => (prev.policeType === policeType ? prev : { ...prev, policeType }));
}

export function setLifeEventFilter(lifeEvent: string | null): void {
  catalogFilterStore.set((prev) => (prev.lifeEvent === lifeEvent ? prev : { ...prev, lifeEvent }));
}
