import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * What a citizen has typed into an item's form so far, one per user and
 * item (_id "<userId>:<itemCode>"), and one per family member they file it
 * for (_id "<userId>:<itemCode>:<memberId>"), so any device of theirs resumes it.
 */
const draftSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    itemCode: { type: String, required: true },
    itemName: { type: String, required: true },
    /** The family member it is for (代办); absent: for oneself. */
    memberId: { type: String },
    formVersion: { type: String, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'drafts', minimize: false },
);
draftSchema.index({ userId: 1, updatedAt: -1 });

export type DraftDocument = InferSchemaType<typeof draftSchema> & { data: Record<string, string | string[]> };

export function draftModels(connection: Connection) {
  return { Draft: connection.model('Draft', draftSchema) };
}
export type DraftModels = ReturnType<typeof draftModels>;
