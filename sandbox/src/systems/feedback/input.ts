import { isValidIdNumber } from '@suijing/shared';
import { nonEmptyString } from '../../core/input';
import { normaliseIdNumber } from '../../seed/population';

/** A parsed value, or what was wrong with it (for the 4000 message). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** A trimmed non-blank string parameter, or undefined (query parameters may repeat: only a single value counts). */
export function text(value: unknown): string | undefined {
  const trimmed = nonEmptyString(value)?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Text of at most `max` characters (counted as the user sees them), required unless `min` is 0. */
export function parseText(value: unknown, name: string, min: number, max: number): Parsed<string> {
  if (value === undefined && min === 0) return ok('');
  if (typeof value !== 'string') return bad(`${name} 必须为字符串`);
  const trimmed = value.trim();
  const length = Array.from(trimmed).length;
  if (length < min) return bad(min === 1 ? `${name} 不能为空` : `${name} 至少${min}个字`);
  if (length > max) return bad(`${name} 至多${max}个字`);
  return ok(trimmed);
}

/** 身份证明号码, normalised, so records and lookups compare alike. */
export function parseIdNumber(value: unknown, name = 'sfzmhm'): Parsed<string> {
  return typeof value === 'string' && isValidIdNumber(value.trim())
    ? ok(normaliseIdNumber(value))
    : bad(`${name} 不是有效的公民身份号码`);
}

export type Score = '1' | '2' | '3' | '4' | '5';
const SCORES: readonly Score[] = ['1', '2', '3', '4', '5'];

function isScore(value: unknown): value is Score {
  return SCORES.some((score) => score === value);
}

/** A 1-5 score as the legacy systems send it: a string. */
export function parseScore(value: unknown, name: string): Parsed<Score> {
  return isScore(value) ? ok(value) : bad(`${name} 必须为 "1"-"5"`);
}

/** 外部编号 (the caller's id for one submission, its retry key). */
export function parseWbbh(value: unknown): Parsed<string> {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)
    ? ok(value)
    : bad('wbbh 必填，1-64位字母、数字、_ 或 -');
}
