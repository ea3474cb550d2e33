import type { Message, MessageList } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { MessageDocument } from './message.model';
import type { MessagesRepository } from './messages.repository';

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
  constructor(private readonly messages: MessagesRepository) {}

  async list(userId: string): Promise<MessageList> {
    const [rows, unread] = await Promise.all([
      this.messages.newestOf(userId, LIST_LIMIT),
      this.messages.countUnread(userId),
    ]);
    return { items: rows.map(toMessage), unread };
  }

  /** Idempotent; someone else's message id is 404 like an unknown one. */
  async markRead(userId: string, id: string): Promise<Message> {
    const doc = await this.messages.markRead(userId, id);
    if (!doc) throw new AppError({ code: 'NOT_FOUND' });
    return toMessage(doc);
  }

  /** Adds a message once per id (a repeated event is not a second message). */
  add(message: Omit<MessageDocument, 'read'>): Promise<boolean> {
    return this.messages.addOnce(message);
  }
}
