import type { Message, MessageList } from '@suijing/shared';
import { isDuplicateKey } from '../../libraries/database';
import { AppError } from '../../libraries/errors';
import type { MessageDocument, MessageModels } from './message.model';

/** How many messages the centre shows: the newest. */
const LIST_LIMIT = 50;

const toMessage = (doc: MessageDocument): Message => ({
  id: doc._id,
  kind: doc.kind,
  ...(doc.caseNo ? { caseNo: doc.caseNo } : {}),
  title: doc.title,
  body: doc.body,
  read: doc.read,
  createdAt: doc.createdAt.toISOString(),
});

/** 消息中心: each user's own messages, newest first, with the unread count for the badge. */
export class MessagesService {
  constructor(private readonly models: MessageModels) {}

  async list(userId: string): Promise<MessageList> {
    const [rows, unread] = await Promise.all([
      this.models.Message.find({ userId }).sort({ createdAt: -1 }).limit(LIST_LIMIT).lean<MessageDocument[]>(),
      this.models.Message.countDocuments({ userId, read: false }),
    ]);
    return { items: rows.map(toMessage), unread };
  }

  /** Idempotent; someone else's message id is 404 like an unknown one. */
  async markRead(userId: string, id: string): Promise<Message> {
    await this.models.Message.updateOne({ _id: id, userId }, { $set: { read: true } });
    const doc = await this.models.Message.findOne({ _id: id, userId }).lean<MessageDocument>();
    if (!doc) throw new AppError({ code: 'NOT_FOUND' });
    return toMessage(doc);
  }

  /** Adds a message once per id (a repeated event is not a second message). */
  async add(message: Omit<MessageDocument, 'read'>): Promise<boolean> {
    try {
      await this.models.Message.create({ ...message, read: false });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
