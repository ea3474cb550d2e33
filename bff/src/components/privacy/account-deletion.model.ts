import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A pending 注销账号: one per account (_id = userId), so asking twice keeps
 * the first request. The account keeps working until `scheduledFor`; the run
 * that closes it claims the document (`leaseUntil`) and deletes it last, so
 * a run that dies half-way is finished by the next one.
 */
const accountDeletionSchema = new Schema(
  {
    _id: { type: String, required: true },
    requestedAt: { type: Date, required: true },
    scheduledFor: { type: Date, required: true },
    /** Set by the run closing the account; from then on it cannot be cancelled. */
    leaseUntil: { type: Date, default: null },
    /** The person's ID hash, kept by the run before the user document goes (their traffic snapshots go too). */
    idHash: { type: String, default: null },
  },
  { versionKey: false, collection: 'account_deletions' },
);
accountDeletionSchema.index({ scheduledFor: 1 });

export type AccountDeletionDocument = InferSchemaType<typeof accountDeletionSchema>;

export function accountDeletionModels(connection: Connection) {
  return { AccountDeletion: connection.model('AccountDeletion', accountDeletionSchema) };
}
export type AccountDeletionModels = ReturnType<typeof accountDeletionModels>;
