import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** An in-app message (消息中心). The _id is the event it came from, so a redelivered event adds nothing. */
const messageSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, enum: ['case-progress', 'account-security'], required: true },
    caseNo: { type: String },
    title: { type: String, required: true },
    body: { type: String, required: true },
    read: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'messages' },
);
messageSchema.index({ userId: 1, createdAt: -1 });

export type MessageDocument = InferSchemaType<typeof messageSchema>;

export function messageModels(connection: Connection) {
  return { Message: connection.model('Message', messageSchema) };
}
export type MessageModels = ReturnType<typeof messageModels>;
