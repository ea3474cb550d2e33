/**
 * Helpers for the hall system's tests (not part of the build: see tsconfig exclude).
 */
import { makeIdNumber } from '../seed/id-number';
import { TEST_GOV_APP_KEY, type Agent } from './fixtures';

/** 天河区政务服务中心公安窗口: weekdays 09:00-17:00 plus 5+X evenings to 20:00; HZ02 has 4 windows (8 places, 2 green). */
export const TIANHE = 'GA44010601';
/** 黄埔区公安分局大沙户政服务站: weekdays 09:00-17:00 only. */
export const DASHA = 'GA44011202';
/** 广州市公安局出入境管理支队办证大厅: open every day 09:00-17:00. */
export const EXIT_ENTRY = 'GA44010401';
/** 居民身份证. */
export const ID_CARD = 'HZ02';

/** Monday 2026-03-09 (Beijing), 08:00: before the halls open; slots of the day are all ahead. */
export const MONDAY = '20260309';
export const MONDAY_0800 = '2026-03-09T08:00:00+08:00';
export const MONDAY_1000 = '2026-03-09T10:00:00+08:00';

export function hallGet(agent: Agent, path: string, query: Record<string, string> = {}) {
  return agent.get(`/hall/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).query(query);
}

export function hallPost(agent: Agent, path: string, body: object) {
  return agent.post(`/hall/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

/** Puts the sandbox clock at an ISO instant. */
export async function setClock(agent: Agent, iso: string): Promise<void> {
  await agent.post('/sandbox/clock').send({ set: iso }).expect(200);
}

export async function advanceMinutes(agent: Agent, minutes: number): Promise<void> {
  await agent
    .post('/sandbox/clock')
    .send({ advanceMs: minutes * 60_000 })
    .expect(200);
}

/** A valid ID number of a 广州 (天河) person; distinct sequences give distinct people. */
export function personNumber(sequence: number, birthDate = '19880512'): string {
  return makeIdNumber('440106', birthDate, sequence, sequence % 2 === 1);
}

/** Someone over 60, for the green channel. */
export function elderNumber(sequence: number): string {
  return personNumber(sequence, '19550310');
}

export interface BookingBody {
  wbbh: string;
  dtbh: string;
  ywdm: string;
  rq: string;
  sdbh: string;
  sqr: { xm: string; sfzmhm: string; sjhm: string };
  dlr?: { xm: string; sfzmhm: string };
  lstd: '0' | '1';
}

/** A valid booking request of person `sequence` at 天河 for 居民身份证, Monday slot 03 (10:00-10:30). */
export function bookingBody(sequence: number, overrides: Partial<Record<keyof BookingBody, unknown>> = {}): object {
  const body: BookingBody = {
    wbbh: `WB${sequence}`,
    dtbh: TIANHE,
    ywdm: ID_CARD,
    rq: MONDAY,
    sdbh: '03',
    sqr: { xm: '陈伟', sfzmhm: personNumber(sequence), sjhm: '13800138000' },
    lstd: '0',
  };
  // Tests send wrong values on purpose too: the overrides are not held to the valid shape.
  return { ...body, ...overrides };
}

/** Sets a slot's capacity and booked totals through the control API. */
export async function setSlot(agent: Agent, slot: Record<string, string | number>): Promise<void> {
  await agent.put('/sandbox/hall/slots').send(slot).expect(200);
}
