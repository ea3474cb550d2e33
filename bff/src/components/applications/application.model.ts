import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import type { ApplicationDetail } from '@suijing/shared';

/**
 * Our record of a user's case (_id = the case number): whose it is, and
 * the latest view of it, kept current by the approval system's webhook, so
 * 我的办件 lists without calling the approval system.
 */
const applicationSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    idHash: { type: String, required: true },
    /** For the lookup by case number and the last six ID digits (ProgressTags); absent on older cases. */
    lookupTag: { type: String },
    itemCode: { type: String, required: true },
    status: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    /** How many timeline steps the stored view has: a view with fewer never replaces it (late webhooks). */
    steps: { type: Number, required: true },
    view: { type: Schema.Types.Mixed, required: true },
    /** Set when its account was closed (注销账号): the case is kept, detached from any account. */
    accountClosedAt: { type: Date },
  },
  { versionKey: false, collection: 'applications' },
);
applicationSchema.index({ userId: 1, submittedAt: -1 });
applicationSchema.index({ userId: 1, status: 1, submittedAt: -1 });

export type ApplicationDocument = InferSchemaType<typeof applicationSchema> & { view: ApplicationDetail };

export function applicationModels(connection: Connection) {
  return { Application: connection.model('Application', applicationSchema) };
}
export type ApplicationModels = ReturnType<typeof applicationModels>;
