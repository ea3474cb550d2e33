import { DataUseFeatureSchema } from '@suijing/shared';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * 个人信息使用记录: one document per read of a person's 车驾管 records,
 * e-licences or identity by the BFF. Keyed by the person (the keyed hash of
 * the ID number, never the number), so the person sees reads by any account
 * that held their identity, an impostor's included. Nothing here is a full
 * identifier: the reading account is masked (138****1234 or 微信用户).
 */
const dataUseSchema = new Schema(
  {
    _id: { type: String, required: true },
    idHash: { type: String, required: true },
    userId: { type: String, required: true },
    sessionId: { type: String, required: true },
    client: {
      platform: { type: String, required: true },
      model: { type: String, default: null },
    },
    account: { type: String, required: true },
    feature: { type: String, enum: DataUseFeatureSchema.options, required: true },
    what: { type: String, required: true },
    at: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'data_use_records' },
);
dataUseSchema.index({ idHash: 1, at: -1 });
// Clean-up only: reads filter on expiresAt too (servers without TTL are swept by the BFF).
dataUseSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type DataUseDocument = InferSchemaType<typeof dataUseSchema>;

export function dataUseModels(connection: Connection) {
  return { DataUseRecord: connection.model('DataUseRecord', dataUseSchema) };
}
export type DataUseModels = ReturnType<typeof dataUseModels>;
