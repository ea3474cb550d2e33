import { Schema, type Connection } from 'mongoose';

/**
 * The last answer the traffic system gave for one person and one kind of
 * record, so that an instance (also a restarted one) can show it while the
 * system is down. Keyed by the HMAC of the verified ID number, sealed with
 * the data key, and forgotten after 30 days.
 */
const trafficSnapshotSchema = new Schema(
  {
    /** snapshotId(kind, idHash) */
    _id: { type: String, required: true },
    sealed: { type: String, required: true },
    fetchedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'traffic_snapshots' },
);
trafficSnapshotSchema.index({ fetchedAt: 1 }, { expireAfterSeconds: 30 * 86_400 });

export interface TrafficSnapshotDocument {
  _id: string;
  sealed: string;
  fetchedAt: Date;
}

export function trafficSnapshotModels(connection: Connection) {
  return { TrafficSnapshot: connection.model('TrafficSnapshot', trafficSnapshotSchema) };
}
export type TrafficSnapshotModels = ReturnType<typeof trafficSnapshotModels>;

/**
 * What a snapshot holds: 2 = the records in our words (from the traffic adapter); 1 held the system's rows.
 * Older copies are never read again and expire with the TTL (account closing still finds them).
 */
const SNAPSHOT_FORMAT = 2;

/** A snapshot's id: its format, the kind of record and the person (the keyed hash of their ID number, hex). */
export function snapshotId(kind: string, idHash: string): string {
  return `${kind}@${SNAPSHOT_FORMAT}:${idHash}`;
}

/** Every snapshot of one person, whatever its kind (closing their account). */
export function snapshotsOfPerson(idHash: string): { _id: { $regex: string } } {
  if (!/^[0-9a-f]+$/.test(idHash)) throw new Error('an ID hash is hex');
  return { _id: { $regex: `:${idHash}$` } };
}
