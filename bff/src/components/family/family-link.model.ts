import { FamilyLinkStatusSchema, FamilyProofSchema, FamilyRelationSchema } from '@suijing/shared';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * 家人代办: one person (the actor, an account) may act for another (the
 * member, a person of the register). The member's name and ID number are
 * sealed with a key derived from DATA_ENCRYPTION_KEY; lookups go by the keyed
 * ID hash. Masked names are kept readable: lists and the personal copy show
 * them without opening anything.
 *
 * One open link per actor and member rests on the unique _id (FerretDB has no
 * sparse or partial unique index): the n-th link between the two has an id
 * derived from (actor, member, n), so two racing additions make the same id
 * and only one is inserted.
 */
const familyLinkSchema = new Schema(
  {
    _id: { type: String, required: true },
    actorUserId: { type: String, required: true },
    actorIdHash: { type: String, required: true },
    actorNameMasked: { type: String, required: true },
    memberIdHash: { type: String, required: true },
    memberNameMasked: { type: String, required: true },
    memberIdNumberMasked: { type: String, required: true },
    /** AES-GCM sealed JSON {name, idNumber}. */
    memberSealed: { type: String, required: true },
    /** yyyy-MM-dd, from the ID number: the age (and minor/adult) is read from it each day. */
    memberBirthDate: { type: String, required: true },
    relation: { type: String, enum: FamilyRelationSchema.options, required: true },
    kind: { type: String, enum: ['minor', 'adult'], required: true },
    status: { type: String, enum: FamilyLinkStatusSchema.options, required: true },
    proof: { type: String, enum: FamilyProofSchema.options, default: null },
    invitation: {
      type: new Schema(
        {
          method: { type: String, enum: ['sms', 'account'], required: true },
          /** Keyed hash of the SMS code; absent for an account invitation. */
          codeHash: { type: String, default: null },
          phoneMasked: { type: String, default: null },
          expiresAt: { type: Date, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
    createdAt: { type: Date, required: true },
    activatedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'family_links' },
);
familyLinkSchema.index({ actorUserId: 1, createdAt: -1 });
familyLinkSchema.index({ memberIdHash: 1, status: 1 });
familyLinkSchema.index({ actorUserId: 1, memberIdHash: 1 });

export type FamilyLinkDocument = InferSchemaType<typeof familyLinkSchema>;

export function familyLinkModels(connection: Connection) {
  return { FamilyLink: connection.model('FamilyLink', familyLinkSchema) };
}
export type FamilyLinkModels = ReturnType<typeof familyLinkModels>;
