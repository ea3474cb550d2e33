import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const userSchema = new Schema(
  {
    _id: { type: String, required: true },
    phone: { type: String },
    openid: { type: String },
    unionid: { type: String },
    realNameStatus: { type: String, enum: ['unverified', 'verified'], default: 'unverified', required: true },
    /**
     * The verified identity: name and ID number sealed (AES-GCM), plus a keyed
     * hash of the number to find one's records without decrypting anything.
     */
    realName: {
      type: new Schema(
        {
          nameSealed: { type: String, required: true },
          idNumberSealed: { type: String, required: true },
          idHash: { type: String, required: true },
          method: { type: String, enum: ['register', 'face'], required: true },
          verifiedAt: { type: Date, required: true },
          /** The person's binding to this account exists (false only for accounts verified before bindings). */
          bound: { type: Boolean, default: false },
        },
        { _id: false },
      ),
      required: false,
    },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'users' },
);

/**
 * One document per way of logging in ("phone:138...", "wechat:<openid>").
 * The _id is the natural unique key, so concurrent first logins cannot create
 * two users, without relying on sparse or partial indexes.
 */
const loginKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'login_keys' },
);
loginKeySchema.index({ userId: 1 });

export type UserDocument = InferSchemaType<typeof userSchema>;
export type LoginKeyDocument = InferSchemaType<typeof loginKeySchema>;

export function userModels(connection: Connection) {
  return {
    User: connection.model('User', userSchema),
    LoginKey: connection.model('LoginKey', loginKeySchema),
  };
}
export type UserModels = ReturnType<typeof userModels>;
