import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One postal address of a user's book. Who and where exactly (recipient,
 * mobile, street and number) is sealed with a key derived from
 * DATA_ENCRYPTION_KEY; only the district code, which many people share,
 * stays readable.
 */
const addressSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    /** AES-GCM sealed JSON {recipient, mobile, detail}. */
    sealed: { type: String, required: true },
    districtCode: { type: String, required: true },
    isDefault: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'addresses' },
);
addressSchema.index({ userId: 1, updatedAt: -1 });

export type AddressDocument = InferSchemaType<typeof addressSchema>;

export function addressModels(connection: Connection) {
  return { Address: connection.model('Address', addressSchema) };
}
export type AddressModels = ReturnType<typeof addressModels>;
