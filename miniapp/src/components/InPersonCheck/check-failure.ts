import type { ApiErrorCode } from '@/services/api-error';
import { ApiError, messageOf } from '@/services/api-error';

/** Where a failed start or completion of a check leaves the person. */
export type CheckNext =
  /** The check is still open (not done yet, or the answer got lost): ask for the result again. */
  | 'complete'
  /** This check is over: start a new one. */
  | 'restart'
  /** WeChat's face check needs this WeChat linked to the SMS account first. */
  | 'link-wechat'
  /** Name or ID number to correct, then start again. */
  | 'fix-fields'
  /** Nothing to retry today (the day's tries are used up, the account holds another identity). */
  | 'stop';

export interface CheckFailure {
  message: string;
  next: CheckNext;
  fields: { name?: string; idNumber?: string };
}

const STOP: readonly ApiErrorCode[] = [
  'IN_PERSON_TOO_MANY_TRIES',
  'IN_PERSON_ID_TOO_MANY_TRIES',
  'IDENTITY_TOO_MANY_TRIES',
  'IDENTITY_ALREADY_VERIFIED',
  'WECHAT_ALREADY_LINKED',
];

/** Failures that say nothing about the check itself (offline, a server hiccup, too fast). */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return (
    error.code === 'NETWORK_ERROR' || error.code === 'UNKNOWN' || error.code === 'RATE_LIMITED' || error.status >= 500
  );
}

function fieldsOf(error: ApiError): CheckFailure['fields'] {
  const fields: CheckFailure['fields'] = {};
  for (const field of error.fields) {
    if (field.path === 'name' || field.path === 'idNumber') fields[field.path] = field.message;
  }
  return fields;
}

/**
 * What a failed start (`POST /identity/checks`) or completion means, with the
 * BFF's own words (they say what happened: 未检测到人脸, 非本人操作, 超时…).
 */
export function describeCheckFailure(error: unknown, stage: 'start' | 'complete'): CheckFailure {
  if (!(error instanceof ApiError)) {
    return { message: messageOf(error), next: stage === 'complete' ? 'complete' : 'restart', fields: {} };
  }
  const failure = (next: CheckNext, fields: CheckFailure['fields'] = {}): CheckFailure => ({
    message: error.message,
    next,
    fields,
  });
  if (error.code === 'FACE_CHECK_PENDING') return failure('complete');
  if (error.code === 'WECHAT_OPENID_REQUIRED') return failure('link-wechat');
  if (STOP.includes(error.code)) return failure('stop');
  if (error.code === 'IDENTITY_MISMATCH') return failure('fix-fields');
  if (error.code === 'VALIDATION_FAILED') {
    const fields = fieldsOf(error);
    if (Object.keys(fields).length > 0) return failure('fix-fields', fields);
  }
  if (isTransient(error)) return failure(stage === 'complete' ? 'complete' : 'restart');
  return failure('restart');
}
