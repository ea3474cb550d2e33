import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * The last good copies of the catalog, one per version, so that a restarted
 * instance can answer while the catalog system is down. The export is kept
 * as the system sent it (gzipped JSON) and validated again when read.
 */
const catalogSnapshotSchema = new Schema(
  {
    _id: { type: String, required: true },
    publishedAt: { type: String, required: true },
    storedAt: { type: Date, required: true },
    /** When an instance last heard from the catalog system that this version is current. */
    confirmedAt: { type: Date, required: true },
    data: { type: Buffer, required: true },
  },
  { versionKey: false, collection: 'catalog_snapshots' },
);
catalogSnapshotSchema.index({ storedAt: -1 });

export type CatalogSnapshotDocument = InferSchemaType<typeof catalogSnapshotSchema>;

export function catalogSnapshotModels(connection: Connection) {
  return { CatalogSnapshot: connection.model('CatalogSnapshot', catalogSnapshotSchema) };
}
export type CatalogSnapshotModels = ReturnType<typeof catalogSnapshotModels>;
