import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * Which account an ID number is bound to: one document per person, `_id` the
 * keyed hash of the ID number, so the unique insert makes "one person, one
 * account" hold even when two accounts bind the same person at once.
 */
const bindingSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    /** Bumped by each move; the move to version n is claimed by inserting event `<idHash>:<n>`. */
    version: { type: Number, required: true },
    method: { type: String, enum: ['register', 'wechat-face', 'ctid'], required: true },
    boundAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'identity_bindings' },
);
bindingSchema.index({ userId: 1 });

/**
 * The binding's history, one event per version: `_id` `<idHash>:<version>`.
 * Only the request that inserts an event may make that change, so two
 * takeovers racing for the same version cannot both win.
 */
const bindingEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    idHash: { type: String, required: true },
    version: { type: Number, required: true },
    kind: { type: String, enum: ['bound', 'moved', 'unbound', 'closed'], required: true },
    method: { type: String, enum: ['register', 'wechat-face', 'ctid', 'user', 'account-closed'], required: true },
    fromUserId: { type: String, default: null },
    toUserId: { type: String, default: null },
    /** The accounts as the person may see them: masked phone or 微信用户. */
    fromAccount: { type: String, default: null },
    toAccount: { type: String, default: null },
    device: {
      platform: { type: String, required: true },
      model: { type: String, default: null },
    },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'identity_binding_events' },
);
bindingEventSchema.index({ idHash: 1, version: -1 });

export type BindingDocument = InferSchemaType<typeof bindingSchema>;
export type BindingEventDocument = InferSchemaType<typeof bindingEventSchema>;

export function bindingModels(connection: Connection) {
  return {
    IdentityBinding: connection.model('IdentityBinding', bindingSchema),
    IdentityBindingEvent: connection.model('IdentityBindingEvent', bindingEventSchema),
  };
}
export type BindingModels = ReturnType<typeof bindingModels>;
