import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** The one live login code per phone, stored only as a keyed hash. */
const smsCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    codeHash: { type: String, required: true },
    /** Names this code's budgets (tries, single use): a new code starts fresh ones. */
    nonce: { type: String, required: true },
    sentAt: { type: Date, required: true },
    /** The account this phone had when the code was sent: a returning citizen's login need not look it up. */
    userId: { type: String, default: null },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'sms_codes' },
);
smsCodeSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });

export type SmsCodeDocument = InferSchemaType<typeof smsCodeSchema>;

export function smsCodeModels(connection: Connection) {
  return { SmsCode: connection.model('SmsCode', smsCodeSchema) };
}
export type SmsCodeModels = ReturnType<typeof smsCodeModels>;
