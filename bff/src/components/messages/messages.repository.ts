import { isDuplicateKey } from '../../libraries/database';
import type { MessageDocument, MessageModels } from './message.model';

/** Each user's messages in MongoDB; a message's id is its event's, so a repeated event adds nothing. */
export class MessagesRepository {
  constructor(private readonly models: MessageModels) {}

  newestOf(userId: string, limit: number): Promise<MessageDocument[]> {
    return this.models.Message.find({ userId }).sort({ createdAt: -1 }).limit(limit).lean<MessageDocument[]>().exec();
  }

  countUnread(userId: string): Promise<number> {
    return this.models.Message.countDocuments({ userId, read: false }).exec();
  }

  /** Marks the user's own message read and answers it; null for an unknown id or someone else's. */
  async markRead(userId: string, id: string): Promise<MessageDocument | null> {
    await this.models.Message.updateOne({ _id: id, userId }, { $set: { read: true } });
    return this.models.Message.findOne({ _id: id, userId }).lean<MessageDocument>().exec();
  }

  /** Adds an unread message; false when one with its id is already there. */
  async addOnce(message: Omit<MessageDocument, 'read'>): Promise<boolean> {
    try {
      await this.models.Message.create({ ...message, read: false });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
