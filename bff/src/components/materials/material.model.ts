import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A file a user uploaded as a material; the bytes live in the approval system, under `fileId`. */
const materialSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    fileId: { type: String, required: true },
    filename: { type: String, required: true },
    size: { type: Number, required: true },
    mime: { type: String, required: true },
    sha256: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'materials' },
);
materialSchema.index({ userId: 1, uploadedAt: -1 });

export type MaterialDocument = InferSchemaType<typeof materialSchema>;

export function materialModels(connection: Connection) {
  return { Material: connection.model('Material', materialSchema) };
}
export type MaterialModels = ReturnType<typeof materialModels>;
