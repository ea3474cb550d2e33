/**
 * Helpers for the feedback system's tests (not part of the build: see tsconfig exclude).
 */
import type { Rating, RequestRecord } from '../systems/feedback/records';
import { act, APPLICANT, submitted } from './approval';
import { TEST_GOV_APP_KEY, type Agent } from './fixtures';

export function feedbackGet(agent: Agent, path: string, query: Record<string, string> = {}) {
  return agent.get(`/feedback/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).query(query);
}

export function feedbackPost(agent: Agent, path: string, body: object) {
  return agent.post(`/feedback/v1/${path}`).set('X-App-Key', TEST_GOV_APP_KEY).send(body);
}

/**
 * Files a case through the approval system's public API and takes it
 * through its console: accept, review, then approve (05) or reject (06);
 * with no decision the case stays open (03). Returns the 办件编号.
 */
export async function approvalCase(agent: Agent, decision: 'approve' | 'reject' | 'open' = 'approve'): Promise<string> {
  const record = await submitted(agent);
  const actions =
    decision === 'approve'
      ? [{ action: 'accept' }, { action: 'review' }, { action: 'approve' }]
      : decision === 'reject'
        ? [{ action: 'accept' }, { action: 'reject', yj: '申请材料不符合要求' }]
        : [{ action: 'accept' }, { action: 'review' }];
  for (const body of actions) await act(agent, record.bjbh, body).expect(200);
  return record.bjbh;
}

let serial = 0;
function nextWbbh(prefix: string): string {
  serial += 1;
  return `${prefix}${Date.now()}${String(serial).padStart(6, '0')}`;
}

/** A rating of the applicant's case; pass wbbh to repeat one. */
export function ratingBody(bjbh: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    wbbh: nextWbbh('PJWB'),
    bjbh,
    sfzmhm: APPLICANT.idNumber,
    pjdj: '5',
    fx: { bsxl: '5', znjqd: '4', bjd: '5', ptczx: '4' },
    pjnr: '办理很快，窗口服务热情',
    ...overrides,
  };
}

/** Rates and returns the rating, failing on anything but 0000. */
export async function rated(agent: Agent, body: Record<string, unknown>): Promise<Rating> {
  const res = await feedbackPost(agent, 'pj', body).expect(200);
  if (res.body.code !== '0000') throw new Error(`rating failed: ${JSON.stringify(res.body)}`);
  return res.body.data as Rating;
}

/** A complaint by the applicant; pass wbbh to repeat one. */
export function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    wbbh: nextWbbh('SQWB'),
    lx: 'ts',
    lb: 'exit-entry',
    bt: '出入境大厅排队时间过长',
    nr: '周六上午在天河出入境大厅办理港澳通行证，取号后排队近三个小时，希望增加窗口。',
    tp: ['WJ0123456789ABCDEF'],
    sfzmhm: APPLICANT.idNumber,
    xm: APPLICANT.name,
    sjhm: APPLICANT.phone,
    ...overrides,
  };
}

/** Submits a complaint and returns the 工单. */
export async function requested(agent: Agent, overrides: Record<string, unknown> = {}): Promise<RequestRecord> {
  const res = await feedbackPost(agent, 'sq', requestBody(overrides)).expect(200);
  if (res.body.code !== '0000') throw new Error(`request failed: ${JSON.stringify(res.body)}`);
  return res.body.data as RequestRecord;
}

/** The 12345 staff console's action; returns the supertest response. */
export function staffAction(agent: Agent, sqbh: string, body: object) {
  return agent.post(`/sandbox/feedback/requests/${sqbh}/actions`).send(body);
}

/** A department's 整改 step on a bad review; returns the supertest response. */
export function followUpStep(agent: Agent, pjbh: string, body: object) {
  return agent.post(`/sandbox/feedback/ratings/${pjbh}/follow-up`).send(body);
}
