import { Schema, type Connection } from 'mongoose';

/**
 * "The places of this hall, business and day changed": written by the instance
 * that booked, cancelled or moved a booking, read by every instance once a
 * second to drop its cached slots. Kept a minute, far longer than any poll needs.
 */
const slotInvalidationSchema = new Schema(
  {
    _id: { type: String, required: true },
    hallId: { type: String, required: true },
    business: { type: String, required: true },
    /** yyyy-MM-dd */
    date: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'slot_invalidations' },
);
slotInvalidationSchema.index({ at: 1 }, { expireAfterSeconds: 60 });

export interface SlotInvalidationDocument {
  _id: string;
  hallId: string;
  business: string;
  date: string;
  at: Date;
}

export function slotInvalidationModels(connection: Connection) {
  return { SlotInvalidation: connection.model('SlotInvalidation', slotInvalidationSchema) };
}
export type SlotInvalidationModel = ReturnType<typeof slotInvalidationModels>['SlotInvalidation'];
