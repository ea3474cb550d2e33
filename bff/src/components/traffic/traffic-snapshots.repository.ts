import type { TrafficSnapshotDocument, TrafficSnapshotModels } from './traffic-snapshot.model';

/** The sealed last answers of the traffic system, one per person and kind. */
export class TrafficSnapshotsRepository {
  constructor(private readonly models: TrafficSnapshotModels) {}

  async save(snapshot: TrafficSnapshotDocument): Promise<void> {
    await this.models.TrafficSnapshot.replaceOne({ _id: snapshot._id }, snapshot, { upsert: true });
  }

  find(id: string): Promise<TrafficSnapshotDocument | null> {
    return this.models.TrafficSnapshot.findById(id).lean<TrafficSnapshotDocument>().exec();
  }
}
