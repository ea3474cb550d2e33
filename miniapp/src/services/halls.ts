import type { HallDetail, HallList, HallRecommendation, SlotList, StationList, StationQuery } from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 办事大厅 and 自助服务点: the public side (halls, their live queues, free
 * slots, the recommendation, self-service stations). No login is needed, so
 * calls go without a token (auth: false), as the catalog's do: an expired
 * token must never send someone looking for a hall to the login page.
 * Booking and queue tickets are personal: services/appointments.ts.
 */

/** A position as the pages pass it (WeChat's gcj02 on weapp, the browser's wgs84 on H5). */
export interface Position {
  lat: number;
  lng: number;
}

export interface HallListParams {
  position?: Position | null;
  /** 区 name, when the position is not known. */
  district?: string;
  business?: string;
}

export interface StationListParams {
  position?: Position | null;
  service?: string;
  kind?: StationQuery['kind'];
  page?: number;
  pageSize?: number;
}

/** Stations per page: a screenful and a half of cards. */
export const STATION_PAGE_SIZE = 20;

type Pair = [string, string];

/**
 * Four decimals are about 11 m: plenty to sort halls by distance, and the
 * same street gives the same URL (the BFF's cache) without sending the exact spot.
 */
export function coordinate(value: number): string {
  return value.toFixed(4);
}

function positionPairs(position: Position | null | undefined): Pair[] {
  return position
    ? [
        ['lat', coordinate(position.lat)],
        ['lng', coordinate(position.lng)],
      ]
    : [];
}

/** Builds the query string ourselves: Taro.request serialises GET data differently per platform. */
function withPairs(path: string, pairs: Pair[]): string {
  const present = pairs.filter(([, value]) => value !== '');
  if (present.length === 0) return path;
  return `${path}?${present.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

const hallPath = (id: string): string => `/api/v1/halls/${encodeURIComponent(id)}`;

/** The position wins over the district: the BFF sorts by distance only with lat/lng. */
export function hallListPath(params: HallListParams): string {
  const pairs: Pair[] = positionPairs(params.position);
  if (pairs.length === 0 && params.district) pairs.push(['district', params.district]);
  if (params.business) pairs.push(['business', params.business]);
  return withPairs('/api/v1/halls', pairs);
}

export function listHalls(params: HallListParams): Promise<HallList> {
  return apiRequest<HallList>({ path: hallListPath(params), auth: false });
}

export function recommendPath(business: string, position: Position): string {
  return withPairs('/api/v1/halls/recommend', [['business', business], ...positionPairs(position)]);
}

/** The hall with the shortest travel + wait for a business, and the runners-up. */
export function fetchRecommendation(business: string, position: Position): Promise<HallRecommendation> {
  return apiRequest<HallRecommendation>({ path: recommendPath(business, position), auth: false });
}

/** Hours, businesses and the live queues; 404 HALL_NOT_FOUND for an unknown id. */
export function fetchHall(id: string): Promise<HallDetail> {
  return apiRequest<HallDetail>({ path: hallPath(id), auth: false });
}

export function slotsPath(hallId: string, business: string, date?: string): string {
  return withPairs(`${hallPath(hallId)}/slots`, [
    ['business', business],
    ['date', date ?? ''],
  ]);
}

/**
 * The slots of one day, with the days that can be booked at all. Without a
 * day, the BFF answers the first bookable one (by its clock, not the phone's).
 */
export function listSlots(hallId: string, business: string, date?: string): Promise<SlotList> {
  return apiRequest<SlotList>({ path: slotsPath(hallId, business, date), auth: false });
}

export function stationsPath(params: StationListParams): string {
  const pairs: Pair[] = positionPairs(params.position);
  if (params.service) pairs.push(['service', params.service]);
  if (params.kind && params.kind !== 'all') pairs.push(['kind', params.kind]);
  pairs.push(['page', String(params.page ?? 1)]);
  pairs.push(['pageSize', String(params.pageSize ?? STATION_PAGE_SIZE)]);
  return withPairs('/api/v1/stations', pairs);
}

export function listStations(params: StationListParams): Promise<StationList> {
  return apiRequest<StationList>({ path: stationsPath(params), auth: false });
}
