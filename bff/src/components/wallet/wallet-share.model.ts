import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** Shares are dropped this long after they expire: the holder's 出示记录 lists them until then. */
export const SHARE_RETENTION_DAYS = 180;

/**
 * One 出示 link of a holder: what it shows (labels readable, values sealed
 * with a key derived from DATA_ENCRYPTION_KEY), until when, and who checked
 * it. The token the verifier holds is stored only as its SHA-256, so the
 * database alone cannot open a link.
 */
const walletShareSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    /** The holder (keyed hash of the ID number): the usage record the checks go to. */
    idHash: { type: String, required: true },
    tokenHash: { type: String, required: true },
    itemId: { type: String, required: true },
    kind: { type: String, required: true },
    credentialName: { type: String, required: true },
    purpose: { type: String, required: true },
    /** The chosen fields' keys and labels, for the holder's list. */
    fields: [{ _id: false, key: { type: String, required: true }, label: { type: String, required: true } }],
    /** AES-GCM sealed JSON of the fields with their values, as they were when the link was made. */
    valuesSealed: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    /** Each valid check: when, and the verifier's name as typed (sealed). No address is kept. */
    uses: [{ _id: false, at: { type: Date, required: true }, verifierSealed: { type: String, required: true } }],
  },
  { versionKey: false, collection: 'wallet_shares' },
);
walletShareSchema.index({ tokenHash: 1 }, { unique: true });
walletShareSchema.index({ userId: 1, createdAt: -1 });
// Clean-up only: lists read expiresAt themselves (servers without TTL are swept by the BFF).
walletShareSchema.index({ expiresAt: 1 }, { expireAfterSeconds: SHARE_RETENTION_DAYS * 86_400 });

/** As stored and read (lean): the arrays as plain arrays. */
export type WalletShareDocument = Omit<InferSchemaType<typeof walletShareSchema>, 'fields' | 'uses'> & {
  fields: { key: string; label: string }[];
  uses: { at: Date; verifierSealed: string }[];
};

export function walletShareModels(connection: Connection) {
  return { WalletShare: connection.model('WalletShare', walletShareSchema) };
}
export type WalletShareModels = ReturnType<typeof walletShareModels>;
