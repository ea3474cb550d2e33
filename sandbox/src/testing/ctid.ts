/**
 * Helpers for the 网证 platform's tests (not part of the build: see tsconfig exclude):
 * signed envelopes built by hand from the documented rule, as a relying party would.
 */
import { createHmac } from 'node:crypto';
import { toCompactDateTime } from '@suijing/shared';
import { TEST_CTID, type Agent } from './fixtures';

export function signOf(bizPackage: string, secret: string = TEST_CTID.appSecret): string {
  return createHmac('sha256', secret).update(bizPackage, 'utf8').digest('hex');
}

/** yyyyMMddHHmmssSSS Beijing time. */
export function stampOf(instant: Date): string {
  return `${toCompactDateTime(instant)}${String(instant.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function envelopeOf(pkg: object, secret: string = TEST_CTID.appSecret) {
  const bizPackage = JSON.stringify(pkg);
  return { bizPackage, sign: signOf(bizPackage, secret) };
}

export interface Answer {
  pkg: Record<string, unknown>;
  sign: string;
  /** Whether sign is the HMAC of the package with the test secret. */
  signed: boolean;
}

export function answerOf(res: { status: number; body: unknown }): Answer {
  const { bizPackage, sign } = res.body as { bizPackage: string; sign: string };
  return { pkg: JSON.parse(bizPackage) as Record<string, unknown>, sign, signed: sign === signOf(bizPackage) };
}

export interface ApplyFields {
  bizSerialNum?: string;
  name: string;
  idNumber: string;
  authMode?: string;
  returnUrl?: string;
  now?: Date;
}

export function applyPackage(fields: ApplyFields): Record<string, unknown> {
  return {
    appId: TEST_CTID.appId,
    timeStamp: stampOf(fields.now ?? new Date()),
    bizSerialNum: fields.bizSerialNum ?? 'BIZ0000001',
    authMode: fields.authMode ?? '0x42',
    sfxx: { xm: fields.name, gmsfhm: fields.idNumber },
    ...(fields.returnUrl === undefined ? {} : { returnUrl: fields.returnUrl }),
  };
}

export async function apply(agent: Agent, fields: ApplyFields): Promise<Answer> {
  const res = await agent
    .post('/ctid/v1/auth/apply')
    .send(envelopeOf(applyPackage(fields)))
    .expect(200);
  return answerOf(res);
}

export async function result(
  agent: Agent,
  ids: { businessSerialNumber: string; bizSerialNum: string },
  now: Date = new Date(),
): Promise<Answer> {
  const pkg = { appId: TEST_CTID.appId, timeStamp: stampOf(now), ...ids };
  const res = await agent.post('/ctid/v1/auth/result').send(envelopeOf(pkg)).expect(200);
  return answerOf(res);
}

/** The jump token at the end of an authUrl. */
export function tokenOf(authUrl: unknown): string {
  return String(authUrl).split('/').pop() ?? '';
}
