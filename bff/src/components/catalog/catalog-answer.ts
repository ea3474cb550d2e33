import type { CatalogFreshness } from '@suijing/shared';
import { JsonWithField } from '../../libraries/json-bytes';
import { remembered } from '../../libraries/remembered';

/**
 * An answer of the catalog: what was asked for, and how current the copy is.
 * Payloads are immutable and reused across requests, so they can be encoded once.
 */
export interface CatalogAnswer<T> {
  payload: T;
  freshness: CatalogFreshness;
}

/** Each payload's answer, as long as the payload is kept (by the services' bounded caches or the catalog version). */
const encodings = new WeakMap<object, JsonWithField>();

/** The payload encoded once, its freshness to be appended as `catalog`. */
export const encoded = ({ payload, freshness }: CatalogAnswer<object>): CatalogAnswer<JsonWithField> => ({
  payload: remembered(encodings, payload, () => new JsonWithField(payload, 'catalog')),
  freshness,
});
