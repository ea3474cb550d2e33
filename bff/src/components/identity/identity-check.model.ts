import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * An in-person (L3) check in progress: the session that started it, the
 * channel's own request id, and the identity it was started for (sealed), until
 * it expires. Completed or failed, it is deleted: a check is used once.
 */
const identityCheckSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    sessionId: { type: String, required: true },
    channel: { type: String, enum: ['wechat-face', 'ctid'], required: true },
    /** Our serial number for the channel (out_seq_no / the 网证 business serial). */
    serialNo: { type: String, required: true },
    /** The channel's id for the check (WeChat's verify_id / the 网证 request id). */
    upstreamId: { type: String, required: true },
    nameSealed: { type: String, required: true },
    idNumberSealed: { type: String, required: true },
    idHash: { type: String, required: true },
    startedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'identity_checks' },
);
identityCheckSchema.index({ userId: 1 });
identityCheckSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type IdentityCheckDocument = InferSchemaType<typeof identityCheckSchema>;

export function identityCheckModels(connection: Connection) {
  return { IdentityCheck: connection.model('IdentityCheck', identityCheckSchema) };
}
export type IdentityCheckModels = ReturnType<typeof identityCheckModels>;
