import { JsonBytes } from '../../libraries/json-bytes';
import { SlotCache, slotsKey, type SlotAnswer } from './slot-cache';

const DAY = { hallId: 'DT01', business: 'HZ02', date: '2026-12-08' };
const KEY = slotsKey(DAY.hallId, DAY.business, DAY.date);
const FIRST_DAY_KEY = slotsKey(DAY.hallId, DAY.business, '');

/** A stand-in for the hall system: counts the questions and answers with their number. */
function hallSystem(untilMs = Number.MAX_SAFE_INTEGER) {
  let asked = 0;
  const answers: Array<() => void> = [];
  return {
    asked: () => asked,
    now: async (): Promise<SlotAnswer> => {
      asked += 1;
      return { bytes: new JsonBytes(Buffer.from(`{"n":${asked}}`)), untilMs };
    },
    /** A question answered only when `release` is called. */
    later: (): Promise<SlotAnswer> => {
      asked += 1;
      const n = asked;
      return new Promise((resolve) =>
        answers.push(() => resolve({ bytes: new JsonBytes(Buffer.from(`{"n":${n}}`)), untilMs })),
      );
    },
    release: () => answers.shift()?.(),
  };
}
const text = (bytes: JsonBytes) => bytes.bytes.toString();

describe('halls: the slot cache', () => {
  it('when a day is asked for again within the cache time, then the hall system is asked once', async () => {
    const system = hallSystem();
    const cache = new SlotCache(3000);

    const first = await cache.get(KEY, 1_000, system.now);
    const again = await cache.get(KEY, 3_999, system.now);
    const after = await cache.get(KEY, 4_000, system.now);

    expect([text(first), text(again), text(after)]).toEqual(['{"n":1}', '{"n":1}', '{"n":2}']);
  });

  it('when many ask for a day at once, then they share one question', async () => {
    const system = hallSystem();
    const cache = new SlotCache(3000);

    const answers = Promise.all(Array.from({ length: 5 }, () => cache.get(KEY, 1_000, system.later)));
    system.release();

    expect((await answers).map(text)).toEqual(Array(5).fill('{"n":1}'));
    expect(system.asked()).toBe(1);
  });

  it('when the day changes while the system is asked, then that answer is given but not kept', async () => {
    const system = hallSystem();
    const cache = new SlotCache(3000);
    const onItsWay = cache.get(KEY, 1_000, system.later);

    cache.drop(DAY);
    const joinedAfter = cache.get(KEY, 1_001, system.later);
    system.release();
    system.release();
    const next = await cache.get(KEY, 1_002, system.now);

    expect(text(await onItsWay)).toBe('{"n":1}');
    expect(text(await joinedAfter)).toBe('{"n":2}');
    expect(text(next)).toBe('{"n":2}');
  });

  it('when a day changes, then the answer for the first bookable day is dropped too', async () => {
    const system = hallSystem();
    const cache = new SlotCache(3000);
    await cache.get(FIRST_DAY_KEY, 1_000, system.now);

    cache.drop(DAY);
    const after = await cache.get(FIRST_DAY_KEY, 1_001, system.now);

    expect(text(after)).toBe('{"n":2}');
  });

  it('when the answer stops being true before the cache time ends (a slot starts), then the system is asked again', async () => {
    const system = hallSystem(2_000);
    const cache = new SlotCache(3000);

    await cache.get(KEY, 1_000, system.now);
    const atTheMinute = await cache.get(KEY, 2_000, system.now);

    expect(text(atTheMinute)).toBe('{"n":2}');
  });

  it('when the cache time is 0, then every request asks the system', async () => {
    const system = hallSystem();
    const cache = new SlotCache(0);

    await cache.get(KEY, 1_000, system.now);
    await cache.get(KEY, 1_000, system.now);

    expect(system.asked()).toBe(2);
  });
});
