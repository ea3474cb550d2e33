import type { Business, HallClosed, HallSummary, QueueState, Slot, Station } from '@suijing/shared';
import type { Hall, Queue, SelfServicePlace } from '../../upstreams/hall/hall.types';
import { distanceKm, type Position } from './geo';

/** Halls, queues and slots as the mini-program shows them. */

/** People waiting × minutes each ÷ open windows; nobody served when no window is open. */
export function waitMinutes(queue: Queue): number {
  if (queue.waiting <= 0) return 0;
  return Math.ceil((queue.waiting * queue.averageMinutes) / Math.max(1, queue.windows));
}

export function toQueueState(queue: Queue, business: Business): QueueState {
  return {
    business,
    waiting: queue.waiting,
    windows: queue.windows,
    averageMinutes: queue.averageMinutes,
    estimatedWaitMinutes: waitMinutes(queue),
  };
}

/**
 * A hall in a list. A closed hall has no wait to tell (its empty queue is
 * not "无需等候"): it says why it is closed and when it opens instead.
 */
export function toHallSummary(
  hall: Hall,
  businesses: ReadonlyMap<string, Business>,
  extra: { closed: HallClosed | undefined; from?: Position; queues?: readonly Queue[]; business?: string },
): HallSummary {
  const queues = extra.closed ? undefined : extra.queues;
  const relevant = queues?.filter((q) => extra.business === undefined || q.business === extra.business);
  const wait = relevant && relevant.length > 0 ? Math.max(...relevant.map(waitMinutes)) : undefined;
  return {
    id: hall.id,
    name: hall.name,
    district: hall.district,
    address: hall.address,
    lat: hall.lat,
    lng: hall.lng,
    phone: hall.phone,
    openNow: !extra.closed,
    ...(extra.closed ? { closed: extra.closed } : {}),
    ...(extra.from ? { distanceKm: distanceKm(extra.from, { lat: hall.lat, lng: hall.lng }) } : {}),
    ...(wait === undefined ? {} : { estimatedWaitMinutes: wait }),
    businesses: hall.businesses.flatMap((code) => {
      const business = businesses.get(code);
      return business ? [business] : [];
    }),
  };
}

/** A slot that has started: over, not taken (the system shows it full), so no places are offered. */
export function startedSlot(slot: Slot): Slot {
  return { ...slot, remaining: 0, greenRemaining: 0, available: false, past: true };
}

export function withDistance(place: SelfServicePlace, from?: Position): Station {
  return from ? { ...place, distanceKm: distanceKm(from, { lat: place.lat, lng: place.lng }) } : place;
}
