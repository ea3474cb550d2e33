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
    /** Whom the case is for (当事人): the family member's ID hash when filed for them, else the applicant's; absent on older cases. */
    subjectIdHash: { type: String },
    /** The family member (memberId of the filer's 我的家人) the case was filed for; absent: for oneself. */
    actedFor: { type: String },
    /** How the views name those involved when someone filed for a family member, masked: 张*, 儿子, 李*. */
    acting: {
      type: new Schema(
        {
          subjectNameMasked: { type: String, required: true },
          relationText: { type: String, required: true },
          actorNameMasked: { type: String, required: true },
        },
        { _id: false },
      ),
    },
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
// A family member's cases (GET /family/members/{id}/cases): filed for them, and (older cases) by them.
applicationSchema.index({ subjectIdHash: 1, submittedAt: -1 });
applicationSchema.index({ idHash: 1, submittedAt: -1 });

/** How the views name those involved in a case filed for a family member (all masked). */
export interface CaseActing {
  subjectNameMasked: string;
  relationText: string;
  actorNameMasked: string;
}

export type ApplicationDocument = Omit<InferSchemaType<typeof applicationSchema>, 'acting'> & {
  view: ApplicationDetail;
  acting?: CaseActing | null;
};

export function applicationModels(connection: Connection) {
  return { Application: connection.model('Application', applicationSchema) };
}
export type ApplicationModels = ReturnType<typeof applicationModels>;
