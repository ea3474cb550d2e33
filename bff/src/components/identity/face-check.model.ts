import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A face check in progress: who started it and for which identity (sealed), until it expires. */
const faceCheckSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    outSeqNo: { type: String, required: true },
    nameSealed: { type: String, required: true },
    idNumberSealed: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'face_checks' },
);
faceCheckSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type FaceCheckDocument = InferSchemaType<typeof faceCheckSchema>;

export function faceCheckModels(connection: Connection) {
  return { FaceCheck: connection.model('FaceCheck', faceCheckSchema) };
}
export type FaceCheckModels = ReturnType<typeof faceCheckModels>;
