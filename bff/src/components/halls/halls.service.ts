import {
  addDaysCompact,
  compactFromIsoDay,
  isoDayFromCompact,
  toCompactDate,
  toCompactDateTime,
  type Business,
  type HallDetail,
  type HallList,
  type HallListQuery,
  type HallRecommendation,
  type HallRecommendQuery,
  type HallSummary,
  type SlotList,
  type SlotQuery,
  type StationList,
  type StationQuery,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { JsonBytes } from '../../libraries/json-bytes';
import { Refreshing } from '../../libraries/refreshing';
import { TtlCache, type ObserveCache } from '../../libraries/ttl-cache';
import type { HallClient } from '../../upstreams/hall/hall.client';
import type { Hall, QueueSnapshot, SelfServicePlace } from '../../upstreams/hall/hall.types';
import { hallRefusal } from './hall-refusals';
import { distanceKm, travelMinutes, type Position } from './geo';
import { startedSlot, toHallSummary, toQueueState, waitMinutes, withDistance } from './hall-view';
import { closedState, opensOn, toOpeningHours } from './opening-hours';
import { SlotCache, slotsKey, type SlotAnswer, type SlotChange } from './slot-cache';

/** Halls and businesses change a few times a year; queues by the minute. */
const DIRECTORY_TTL_MS = 10 * 60_000;
const STATIONS_TTL_MS = 60 * 60_000;
const QUEUE_TTL_MS = 15_000;
/** Bookings open for today and the next seven days. */
export const BOOKING_DAYS_AHEAD = 7;
const ALTERNATIVES = 3;
const MINUTE_MS = 60_000;

interface Directory {
  halls: Hall[];
  byId: ReadonlyMap<string, Hall>;
  businesses: ReadonlyMap<string, Business>;
}

export interface HallsServiceDeps {
  hall: HallClient;
  clock: Clock;
  /** How long a day's slots are served from this instance's cache (SLOTS_CACHE_MS; 0: never). */
  slotsCacheMs: number;
  observeCache?: ObserveCache | undefined;
}

/**
 * 办事大厅: where to go, how long the queue is, when there is a place. The
 * directory is cached per instance; live queues for 15 seconds; a queue the
 * system cannot give degrades to "unknown", never to an error of the page.
 */
export class HallsService {
  private readonly directory: Refreshing<Directory>;
  private readonly places: Refreshing<SelfServicePlace[]>;
  private readonly queues: TtlCache<QueueSnapshot>;
  private readonly slotAnswers: SlotCache;

  constructor(private readonly deps: HallsServiceDeps) {
    this.directory = new Refreshing(
      async () => {
        const [halls, businesses] = await Promise.all([deps.hall.halls(), deps.hall.businesses()]);
        return {
          halls,
          byId: new Map(halls.map((h) => [h.id, h])),
          businesses: new Map(businesses.map((b) => [b.code, b])),
        };
      },
      DIRECTORY_TTL_MS,
      deps.clock,
    );
    this.places = new Refreshing(() => deps.hall.stations(), STATIONS_TTL_MS, deps.clock);
    this.queues = new TtlCache<QueueSnapshot>(QUEUE_TTL_MS, 200, deps.observeCache?.('hall-queues'));
    this.slotAnswers = new SlotCache(deps.slotsCacheMs, undefined, deps.observeCache?.('slots'));
  }

  async list(query: HallListQuery): Promise<HallList> {
    const dir = await this.directory.get();
    if (query.business) this.business(dir, query.business);
    const from = position(query);
    const district = query.district?.replace(/区$/, '');
    const halls = dir.halls.filter(
      (h) =>
        (!query.business || h.businesses.includes(query.business)) && (!district || h.district.startsWith(district)),
    );
    const queues = await Promise.all(halls.map((h) => this.queueOf(h.id)));
    const now = this.deps.clock.now();
    const items = halls.map((h, i) =>
      toHallSummary(h, dir.businesses, {
        closed: closedState(h.hours, now),
        ...(from ? { from } : {}),
        ...(queues[i] ? { queues: queues[i].queues } : {}),
        ...(query.business ? { business: query.business } : {}),
      }),
    );
    if (from) items.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
    return { items, businesses: [...dir.businesses.values()] };
  }

  async detail(id: string): Promise<HallDetail> {
    const dir = await this.directory.get();
    const hall = this.hallIn(dir, id);
    const snapshot = await this.queueOf(id);
    const summary = toHallSummary(hall, dir.businesses, {
      closed: closedState(hall.hours, this.deps.clock.now()),
      ...(snapshot ? { queues: snapshot.queues } : {}),
    });
    return {
      ...summary,
      hours: toOpeningHours(hall.hours),
      queues: (snapshot?.queues ?? []).flatMap((q) => {
        const business = dir.businesses.get(q.business);
        return business ? [toQueueState(q, business)] : [];
      }),
      ...(snapshot ? { queueUpdatedAt: snapshot.updatedAt } : {}),
    };
  }

  /**
   * A day's slots, encoded, from this instance's cache for up to SLOTS_CACHE_MS
   * (a booking anywhere drops them, see SlotInvalidations) and never past the
   * minute: by then a slot may have started.
   */
  async slots(id: string, query: SlotQuery): Promise<JsonBytes> {
    const nowMs = this.deps.clock.now().getTime();
    return this.slotAnswers.get(
      slotsKey(id, query.business, query.date ?? ''),
      nowMs,
      async (): Promise<SlotAnswer> => {
        const list = await this.slotList(id, query);
        return {
          bytes: new JsonBytes(Buffer.from(JSON.stringify(list))),
          untilMs: nowMs - (nowMs % MINUTE_MS) + MINUTE_MS,
        };
      },
    );
  }

  /** Forgets this instance's cached slots of the days that changed (the others are told by SlotInvalidations). */
  dropSlots(change: SlotChange): void {
    this.slotAnswers.drop(change);
  }

  private async slotList(id: string, query: SlotQuery): Promise<SlotList> {
    const dir = await this.directory.get();
    const hall = this.hallIn(dir, id);
    const business = this.business(dir, query.business);
    const bookable = this.bookableDays(hall);
    const date = query.date ?? bookable[0];
    if (!date) return { hallId: id, business, date: '', bookableDates: [], items: [] };
    const answer = await this.deps.hall.slots(id, query.business, date);
    if (!Array.isArray(answer)) throw hallRefusal(answer);
    // The system shows a started slot as full; by our clock it is over, which the citizen should read.
    const now = toCompactDateTime(this.deps.clock.now());
    const today = isoDayFromCompact(now.slice(0, 8));
    const time = `${now.slice(8, 10)}:${now.slice(10, 12)}`;
    const past = (from: string) => date < today || (date === today && from <= time);
    return {
      hallId: id,
      business,
      date,
      bookableDates: bookable,
      items: answer.map((slot) => (past(slot.from) ? startedSlot(slot) : slot)),
    };
  }

  async recommend(query: HallRecommendQuery): Promise<HallRecommendation> {
    const dir = await this.directory.get();
    this.business(dir, query.business);
    const from = { lat: query.lat, lng: query.lng };
    const now = this.deps.clock.now();
    const handling = dir.halls.filter((h) => h.businesses.includes(query.business));
    // A closed hall is never recommended: going there now means a locked door, whatever the distance.
    const candidates = handling.filter((h) => !closedState(h.hours, now));
    if (candidates.length === 0) throw allClosed(handling, now);
    const snapshots = await Promise.all(candidates.map((h) => this.queueOf(h.id)));
    const ranked = candidates
      .map((hall, i) => {
        const queue = snapshots[i]?.queues.find((q) => q.business === query.business);
        const summary = toHallSummary(hall, dir.businesses, {
          closed: undefined,
          from,
          ...(snapshots[i] ? { queues: snapshots[i].queues } : {}),
          business: query.business,
        });
        const travel = travelMinutes(distanceKm(from, { lat: hall.lat, lng: hall.lng }));
        const wait = queue ? waitMinutes(queue) : undefined;
        return { hall: summary, travel, wait, waiting: queue?.waiting };
      })
      // Halls with a known queue first; among them the shortest total.
      .sort(
        (a, b) =>
          Number(b.wait !== undefined) - Number(a.wait !== undefined) ||
          a.travel + (a.wait ?? 0) - (b.travel + (b.wait ?? 0)),
      );
    const best = ranked[0];
    if (!best) throw allClosed(handling, now);
    const total = (r: (typeof ranked)[number]) => r.travel + (r.wait ?? 0);
    return {
      hall: best.hall,
      travelMinutes: best.travel,
      waitMinutes: best.wait ?? 0,
      totalMinutes: total(best),
      reason: reasonFor(best, ranked.length),
      alternatives: ranked.slice(1, 1 + ALTERNATIVES).map((r) => ({
        hall: r.hall,
        travelMinutes: r.travel,
        waitMinutes: r.wait ?? 0,
        totalMinutes: total(r),
      })),
    };
  }

  async stations(query: StationQuery): Promise<StationList> {
    const places = await this.places.get();
    const from = position(query);
    const services = [...new Set(places.flatMap((p) => p.services))].sort((a, b) => a.localeCompare(b, 'zh'));
    const kind = query.kind === 'all' ? undefined : query.kind;
    const matching = places
      .filter((p) => (!kind || p.kind === kind) && (!query.service || p.services.includes(query.service)))
      .map((p) => withDistance(p, from));
    if (from) matching.sort((a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
    const start = (query.page - 1) * query.pageSize;
    return {
      items: matching.slice(start, start + query.pageSize),
      total: matching.length,
      page: query.page,
      hasMore: start + query.pageSize < matching.length,
      services,
    };
  }

  /** A hall by id, or 404 HALL_NOT_FOUND. */
  async hall(id: string): Promise<{ hall: Hall; businesses: ReadonlyMap<string, Business> }> {
    const dir = await this.directory.get();
    return { hall: this.hallIn(dir, id), businesses: dir.businesses };
  }

  async businessNamed(code: string): Promise<Business> {
    return this.business(await this.directory.get(), code);
  }

  /** Open days from today up to a week ahead (yyyy-MM-dd). */
  private bookableDays(hall: Hall): string[] {
    const today = toCompactDate(this.deps.clock.now());
    return Array.from({ length: BOOKING_DAYS_AHEAD + 1 }, (_, i) => addDaysCompact(today, i) ?? today)
      .filter((day) => opensOn(hall.hours, day))
      .map(isoDayFromCompact);
  }

  /** The hall's live queues, or undefined when the system cannot say (the page shows "unknown"). */
  private async queueOf(id: string): Promise<QueueSnapshot | undefined> {
    const now = this.deps.clock.now().getTime();
    const cached = this.queues.get(id, now);
    if (cached) return cached;
    try {
      const snapshot = await this.deps.hall.queue(id);
      this.queues.set(id, snapshot, now);
      return snapshot;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') return undefined;
      throw error;
    }
  }

  private hallIn(dir: Directory, id: string): Hall {
    const hall = dir.byId.get(id);
    if (!hall) throw new AppError({ code: 'HALL_NOT_FOUND' });
    return hall;
  }

  private business(dir: Directory, code: string): Business {
    const business = dir.businesses.get(code);
    if (!business) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'business', message: '没有这个业务类型，请重新选择' }],
      });
    }
    return business;
  }
}

function position(query: { lat?: number | undefined; lng?: number | undefined }): Position | undefined {
  return query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
}

function reasonFor(
  best: { hall: HallSummary; travel: number; wait?: number | undefined; waiting?: number | undefined },
  count: number,
): string {
  const distance = `距离 ${best.hall.distanceKm ?? 0} 公里，约 ${best.travel} 分钟路程`;
  if (best.wait === undefined) return `${distance}；暂时无法获取排队信息，按距离推荐`;
  const queue = best.waiting ? `当前排队 ${best.waiting} 人，预计等候 ${best.wait} 分钟` : '当前无需排队';
  return `${distance}；${queue}；合计约 ${best.travel + best.wait} 分钟，是 ${count} 个可办理大厅中用时最短的`;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * HALLS_CLOSED, saying when the first of the halls opens again ("明天（12月9日
 * 周二）09:00"), as the citizen will plan the trip.
 */
function allClosed(halls: readonly Hall[], now: Date): AppError {
  const next = halls
    .map((h) => closedState(h.hours, now)?.nextOpenAt)
    .filter((at): at is string => at !== undefined)
    .sort()[0];
  if (!next) return new AppError({ code: 'HALLS_CLOSED' });
  const today = toCompactDate(now);
  const day = compactFromIsoDay(next.slice(0, 10));
  const date = new Date(`${next.slice(0, 10)}T00:00:00Z`);
  const named = `${date.getUTCMonth() + 1}月${date.getUTCDate()}日 ${WEEKDAY_NAMES[date.getUTCDay()] ?? ''}`;
  const time = next.slice(11, 16);
  const when =
    day === today ? `今天 ${time}` : day === addDaysCompact(today, 1) ? `明天（${named}）${time}` : `${named} ${time}`;
  return new AppError({
    code: 'HALLS_CLOSED',
    message: `可办理该业务的大厅现在都已下班，最早 ${when} 开放。可先预约，到时直接办理`,
  });
}
