import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { isDuplicateKey } from '../../libraries/database';
import { catalogContentOf, readCatalogContent } from '../../upstreams/catalog/catalog-export';
import type { CatalogExport } from '../../upstreams/catalog/catalog.client';
import type { CatalogSnapshotDocument, CatalogSnapshotModels } from './catalog-snapshot.model';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Versions kept: the current one and the one before, in case a new one turns out bad. */
const KEEP_VERSIONS = 2;

/** Lean reads give BSON Binary, not Buffer, for binary fields. */
function bytesOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === 'object' && data !== null && 'buffer' in data && data.buffer instanceof Uint8Array) {
    return Buffer.from(data.buffer);
  }
  throw new Error('stored catalog copy is not binary data');
}

export interface StoredCatalog {
  export: CatalogExport;
  confirmedAt: Date;
}

export class CatalogSnapshotsRepository {
  constructor(private readonly models: CatalogSnapshotModels) {}

  /** The newest stored copy that still reads as the catalog's records, if any. */
  async latest(): Promise<StoredCatalog | undefined> {
    const doc = await this.models.CatalogSnapshot.findOne().sort({ storedAt: -1 }).lean<CatalogSnapshotDocument>();
    if (!doc) return undefined;
    const content = readCatalogContent(JSON.parse((await gunzipAsync(bytesOf(doc.data))).toString('utf8')));
    if (!content) return undefined;
    return {
      export: { version: doc._id, publishedAt: doc.publishedAt, ...content },
      confirmedAt: doc.confirmedAt,
    };
  }

  /** Stores a new version; another instance storing the same version first is fine. */
  async save(source: CatalogExport, now: Date): Promise<void> {
    const data = await gzipAsync(Buffer.from(JSON.stringify(catalogContentOf(source))));
    try {
      await this.models.CatalogSnapshot.create({
        _id: source.version,
        publishedAt: source.publishedAt,
        storedAt: now,
        confirmedAt: now,
        data,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.confirm(source.version, now);
    }
    const old = await this.models.CatalogSnapshot.find({}, { _id: 1 })
      .sort({ storedAt: -1 })
      .skip(KEEP_VERSIONS)
      .lean<Array<{ _id: string }>>();
    if (old.length > 0) await this.models.CatalogSnapshot.deleteMany({ _id: { $in: old.map((d) => d._id) } });
  }

  async confirm(version: string, now: Date): Promise<void> {
    await this.models.CatalogSnapshot.updateOne(
      { _id: version, confirmedAt: { $lt: now } },
      { $set: { confirmedAt: now } },
    );
  }
}
