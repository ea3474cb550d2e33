/**
 * Narrowing helpers for request input, which arrives as `unknown`. They
 * never throw: each system answers bad input in its own dialect.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parsed JSON body if it is an object, else an empty object. */
export function bodyRecord(body: unknown): JsonRecord {
  return isRecord(body) ? body : {};
}

/** A non-empty string, or undefined. Query parameters may repeat: only a single value counts. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
