import type { HallList, SlotList } from '@suijing/shared';
import type request from 'supertest';
import { beijingDate } from './beijing-time';

/**
 * A hall of the list (by position), its first business, and one of its bookable days (by position:
 * 0 is the first). Only today's slots are asked for; the day's own slots are the caller's to ask,
 * on whichever instance the test means.
 */
export async function hallBusinessDay(
  stack: { api: () => ReturnType<typeof request>; clock: { now(): Date } },
  at: { hall: number; day: number },
): Promise<{ hallId: string; business: string; day: string }> {
  const hall = ((await stack.api().get('/api/v1/halls').expect(200)).body as HallList).items[at.hall];
  const hallId = hall?.id ?? '';
  const business = hall?.businesses[0]?.code ?? '';
  const today = (
    await stack
      .api()
      .get(`/api/v1/halls/${hallId}/slots`)
      .query({ business, date: beijingDate(stack.clock.now()) })
      .expect(200)
  ).body as SlotList;
  return { hallId, business, day: today.bookableDates[at.day] ?? '' };
}
