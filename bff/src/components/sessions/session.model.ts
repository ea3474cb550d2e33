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
    /** WeChat's session_key: stays in the BFF. */
    wechatSessionKey: { type: String, default: null },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokeReason: { type: String, default: null },
    /** When this session last passed an in-person (L3) check, and how: L3 belongs to a session, not an account. */
    inPersonAt: { type: Date, default: null },
    inPersonMethod: { type: String, enum: ['wechat-face', 'ctid', null], default: null },
  },
  { versionKey: false, collection: 'sessions' },
);
sessionSchema.index({ userId: 1, createdAt: -1 });
// Clean-up only: expiry is checked on every read. Kept a week for the device list and audits.
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

/**
 * One document per refresh: "<session id>:<hash of the token given up>". Its
 * unique _id makes a rotation happen once even when requests race (an insert
 * is atomic on every server we support); it keeps the new token sealed
 * (AES-GCM) for a short grace, so a repeated refresh gets the same answer.
 */
const rotationSchema = new Schema(
  {
    _id: { type: String, required: true },
    sessionId: { type: String, required: true },
    sealedNext: { type: String, required: true },
    graceUntil: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'refresh_rotations' },
);
rotationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type SessionDocument = InferSchemaType<typeof sessionSchema>;
export type RotationDocument = InferSchemaType<typeof rotationSchema>;

export function sessionModels(connection: Connection) {
  return {
    Session: connection.model('Session', sessionSchema),
    RefreshRotation: connection.model('RefreshRotation', rotationSchema),
  };
}
export type SessionModels = ReturnType<typeof sessionModels>;
