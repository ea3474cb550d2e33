/** FerretDB v1 answers createIndexes with expireAfterSeconds (TTL) this way. */
const NOT_IMPLEMENTED = 238;

/**
 * The part of a collection ensureTtlIndex needs. Structural on purpose: both the
 * driver's Collection and mongoose's `Model.collection` fit, whichever copy of
 * the `mongodb` package they come from.
 */
export interface TtlIndexTarget {
  createIndex(spec: { [field: string]: 1 }, options: { expireAfterSeconds: number }): Promise<string>;
}

/** True for the error a server gives when it lacks a command or an option (FerretDB v1 on TTL). */
export function isNotImplemented(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, codeName } = error as { code?: unknown; codeName?: unknown };
  return code === NOT_IMPLEMENTED || codeName === 'NotImplemented';
}

/**
 * Creates a TTL index on `field` and returns true, or returns false where the
 * server does not implement TTL (FerretDB v1). Expiry must be enforced on read
 * anyway; the index is only the clean-up. Any other error is rethrown, e.g.
 * IndexOptionsConflict (85) when `field_1` already exists with other options.
 */
export async function ensureTtlIndex(collection: TtlIndexTarget, field: string, seconds: number): Promise<boolean> {
  try {
    await collection.createIndex({ [field]: 1 }, { expireAfterSeconds: seconds });
    return true;
  } catch (error) {
    if (isNotImplemented(error)) return false;
    throw error;
  }
}
