import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    loginMethod: { type: String, enum: ['wechat', 'sms'], required: true },
    client: {
      platform: { type: String, required: true },
      model: { type: String, default: null },
    },
    /** SHA-256 of the current refresh token's secret part; the token itself is never stored. */
    refreshHash: { type: String, required: true },
    /** The token just rotated away, honoured only until graceUntil (concurrent refreshes). */
    previousRefreshHash: { type: String, default: null },
    graceUntil: { type: Date, default: null },
    /** The current token sealed (AES-GCM) so a refresh repeated within the grace gets the same answer. */
    sealedRefresh: { type: String, default: null },
    /** WeChat's session_key: stays in the BFF. */
    wechatSessionKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokeReason: { type: String, default: null },
  },
  { versionKey: false, collection: 'sessions' },
);
sessionSchema.index({ userId: 1, createdAt: -1 });
// Clean-up only: expiry is checked on every read. Kept a week for the device list and audits.
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export type SessionDocument = InferSchemaType<typeof sessionSchema>;

export function sessionModels(connection: Connection) {
  return { Session: connection.model('Session', sessionSchema) };
}
export type SessionModels = ReturnType<typeof sessionModels>;
