import { isDuplicateKey, upsertRacing } from '../../libraries/database';
import type { BindingDocument, BindingEventDocument, BindingModels } from './binding.model';

/** Who holds each person, and the events that changed it (`<idHash>:<version>`, unique). */
export class IdentityBindingsRepository {
  constructor(private readonly models: BindingModels) {}

  binding(idHash: string): Promise<BindingDocument | null> {
    return this.models.IdentityBinding.findById(idHash).lean<BindingDocument>().exec();
  }

  heldBy(userId: string): Promise<BindingDocument[]> {
    return this.models.IdentityBinding.find({ userId }).lean<BindingDocument[]>().exec();
  }

  event(idHash: string, version: number): Promise<BindingEventDocument | null> {
    return this.models.IdentityBindingEvent.findById(`${idHash}:${version}`).lean<BindingEventDocument>().exec();
  }

  /** The person's events, newest first. */
  historyOf(idHash: string, limit: number): Promise<BindingEventDocument[]> {
    return this.models.IdentityBindingEvent.find({ idHash })
      .sort({ version: -1 })
      .limit(limit)
      .lean<BindingEventDocument[]>()
      .exec();
  }

  /** Claims the event's version; false when another change claimed it first. */
  async claim(event: BindingEventDocument & { _id: string }): Promise<boolean> {
    try {
      await this.models.IdentityBindingEvent.create(event);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Makes the binding say what an event decided (the winner and a repairing reader may race: retried). */
  setOwner(idHash: string, owner: Omit<BindingDocument, '_id'>): Promise<BindingDocument | null> {
    return upsertRacing(() =>
      this.models.IdentityBinding.findOneAndUpdate(
        { _id: idHash },
        { $set: owner },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<BindingDocument>()
        .exec(),
    );
  }
}
