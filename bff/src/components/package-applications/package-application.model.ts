import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * A "一件事" application: one package case over the member items' cases.
 * The combined request is kept so a retry can file the members that failed,
 * each with the same serial number (wbbh) as before, so none is filed twice.
 */
const memberSchema = new Schema(
  {
    itemCode: { type: String, required: true },
    itemName: { type: String, required: true },
    department: { type: String, required: true },
    wbbh: { type: String, required: true },
    status: { type: String, enum: ['submitted', 'failed'], required: true },
    caseNo: { type: String },
    error: { type: String },
  },
  { _id: false },
);

const packageApplicationSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    packageCode: { type: String, required: true },
    name: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    request: { type: Schema.Types.Mixed, required: true },
    members: { type: [memberSchema], required: true },
    /** Set when its account was closed (注销账号): the case is kept, detached from any account. */
    accountClosedAt: { type: Date },
  },
  { versionKey: false, collection: 'package_applications', minimize: false },
);
packageApplicationSchema.index({ userId: 1, submittedAt: -1 });

export type PackageApplicationDocument = InferSchemaType<typeof packageApplicationSchema>;

export function packageApplicationModels(connection: Connection) {
  return { PackageApplication: connection.model('PackageApplication', packageApplicationSchema) };
}
export type PackageApplicationModels = ReturnType<typeof packageApplicationModels>;
