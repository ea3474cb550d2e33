import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * One document per user and item. The _id "<userId>:<itemCode>" makes a
 * repeated or concurrent favouriting a no-op instead of a duplicate.
 */
const favoriteSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    code: { type: String, required: true },
    /** The item's name when it was favourited, shown if the item later leaves the catalog. */
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'favorites' },
);
favoriteSchema.index({ userId: 1, createdAt: -1 });

export type FavoriteDocument = InferSchemaType<typeof favoriteSchema>;

export function favoriteModels(connection: Connection) {
  return { Favorite: connection.model('Favorite', favoriteSchema) };
}
export type FavoriteModels = ReturnType<typeof favoriteModels>;
