import type { DataUseDocument, DataUseModels } from './data-use.model';

export class DataUseRepository {
  constructor(private readonly models: DataUseModels) {}

  async add(record: DataUseDocument): Promise<void> {
    await this.models.DataUseRecord.create(record);
  }

  /** One page of a person's live records, newest first, and how many there are. */
  async page(
    idHash: string,
    now: Date,
    page: number,
    pageSize: number,
  ): Promise<{ rows: DataUseDocument[]; total: number }> {
    const query = { idHash, expiresAt: { $gt: now } };
    const [rows, total] = await Promise.all([
      this.models.DataUseRecord.find(query)
        .sort({ at: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<DataUseDocument[]>()
        .exec(),
      this.models.DataUseRecord.countDocuments(query).exec(),
    ]);
    return { rows, total };
  }
}
