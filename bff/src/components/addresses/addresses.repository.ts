import type { AddressDocument, AddressModels } from './address.model';

/** Every MongoDB access of the address book; a user only ever reaches their own rows. */
export class AddressesRepository {
  constructor(private readonly models: AddressModels) {}

  listByUser(userId: string): Promise<AddressDocument[]> {
    return this.models.Address.find({ userId }).sort({ isDefault: -1, updatedAt: -1 }).lean<AddressDocument[]>().exec();
  }

  findOwn(userId: string, id: string): Promise<AddressDocument | null> {
    return this.models.Address.findOne({ _id: id, userId }).lean<AddressDocument>().exec();
  }

  countByUser(userId: string): Promise<number> {
    return this.models.Address.countDocuments({ userId }).exec();
  }

  async add(address: AddressDocument): Promise<void> {
    await this.models.Address.create(address);
  }

  /** The changed row, or null when it is not the user's. */
  update(
    userId: string,
    id: string,
    change: Pick<AddressDocument, 'sealed' | 'districtCode' | 'isDefault' | 'updatedAt'>,
  ): Promise<AddressDocument | null> {
    return this.models.Address.findOneAndUpdate({ _id: id, userId }, { $set: change }, { new: true })
      .lean<AddressDocument>()
      .exec();
  }

  /** Whether a row of the user's went. */
  async remove(userId: string, id: string): Promise<boolean> {
    const { deletedCount } = await this.models.Address.deleteOne({ _id: id, userId }).exec();
    return deletedCount === 1;
  }

  /** Only `keepId` stays the default. */
  async clearDefaultExcept(userId: string, keepId: string): Promise<void> {
    await this.models.Address.updateMany(
      { userId, _id: { $ne: keepId }, isDefault: true },
      { $set: { isDefault: false } },
    );
  }

  /** The most recently changed address becomes the default (after the default one was removed). */
  async promoteNewest(userId: string): Promise<void> {
    const newest = await this.models.Address.findOne({ userId }).sort({ updatedAt: -1 }).lean<AddressDocument>().exec();
    if (newest) await this.models.Address.updateOne({ _id: newest._id, userId }, { $set: { isDefault: true } });
  }
}
