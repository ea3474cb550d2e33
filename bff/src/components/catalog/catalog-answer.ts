import type { CatalogFreshness } from '@suijing/shared';
import { JsonBytes, openJsonObject } from '../../libraries/json-bytes';

/**
 * An answer of the catalog: what was asked for, and how current the copy is.
 * Payloads are immutable and reused across requests, so they can be encoded once.
 */
export interface CatalogAnswer<T> {
  payload: T;
  freshness: CatalogFreshness;
}

/** The payload, encoded once, with this request's freshness appended as `catalog`. */
export const catalogAnswerBytes = ({ payload, freshness }: CatalogAnswer<object>) =>
  JsonBytes.withField(openJsonObject(payload), 'catalog', freshness);
