import { createLogger } from '../../libraries/logger';
import type { SlotChange } from './slot-cache';
import type { SlotInvalidationDocument, SlotInvalidationModel } from './slot-invalidation.model';
import { SlotInvalidations } from './slot-invalidations';

const DAY: SlotChange = { hallId: 'DT01', business: 'HZ02', date: '2026-12-08' };

/** The slot_invalidations collection as the poll and the announcement use it, shared by "instances". */
function collection(failWrites = false) {
  const records: SlotInvalidationDocument[] = [];
  const model = {
    insertMany: async (docs: SlotInvalidationDocument[]) => {
      if (failWrites) throw new Error('MongoDB unreachable');
      records.push(...docs);
    },
    find: (filter: { at: { $gte: Date } }) => ({
      lean: () => ({ exec: async () => records.filter((r) => r.at >= filter.at.$gte) }),
    }),
  };
  return { records, model: model as unknown as SlotInvalidationModel };
}

/** One instance's invalidations over the shared collection, with what it dropped. */
function instance(model: SlotInvalidationModel, nowMs = 1_000_000) {
  const dropped: SlotChange[] = [];
  const changes = new SlotInvalidations({
    model,
    clock: { now: () => new Date(nowMs) },
    logger: createLogger({ level: 'silent' }),
    drop: (change) => dropped.push(change),
  });
  return { changes, dropped };
}

describe('halls: slot changes told to every instance', () => {
  it('when another instance books, then this one drops the day once however many polls read the record', async () => {
    const { model } = collection();
    const booking = instance(model);
    const other = instance(model);

    await booking.changes.announce([DAY]);
    const first = await other.changes.poll();
    const second = await other.changes.poll();

    expect([first, second]).toEqual([1, 0]);
    expect(other.dropped).toEqual([DAY]);
  });

  it('when this instance books, then it drops the day at once and not again when it reads its own record', async () => {
    const { model, records } = collection();
    const booking = instance(model);

    await booking.changes.announce([DAY]);
    const read = await booking.changes.poll();

    expect(booking.dropped).toEqual([DAY]);
    expect(read).toBe(0);
    expect(records).toHaveLength(1);
  });

  it('when a record is older than the last seconds, then a poll leaves it alone', async () => {
    const { model } = collection();
    await instance(model, 1_000_000).changes.announce([DAY]);
    const later = instance(model, 1_000_000 + 6_000);

    const read = await later.changes.poll();

    expect(read).toBe(0);
    expect(later.dropped).toEqual([]);
  });

  it('when the record cannot be written, then the booking instance still drops the day and nothing is thrown', async () => {
    const { model } = collection(true);
    const booking = instance(model);

    await expect(booking.changes.announce([DAY])).resolves.toBeUndefined();

    expect(booking.dropped).toEqual([DAY]);
  });
});
