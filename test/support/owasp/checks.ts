import type { Response } from 'supertest';

/** Checks on answers shared by the OWASP API Top 10 suites (test/integration/owasp). */

export type ErrorBody = {
  error: { code: string; message: string; requestId: string; fields?: Array<{ path: string }> };
};

export const errorOf = (res: Response) => (res.body as ErrorBody).error;

/** Every key of a JSON value, at any depth. */
export function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** The error shape, exactly: nothing else (no stack, no cause, no upstream text). */
export function expectErrorShape(res: Response, status: number, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/json');
  const body = res.body as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  const error = errorOf(res);
  expect(Object.keys(error).filter((k) => !['code', 'message', 'requestId', 'fields', 'required'].includes(k))).toEqual(
    [],
  );
  expect(typeof error.message).toBe('string');
  expect(error.requestId).toBe(res.headers['x-request-id']);
  if (code) expect(error.code).toBe(code);
  expect(res.text).not.toMatch(/\n\s+at |node_modules|Error:|stack/);
}

/** A 429 of a rate limit says when to come back: Retry-After in whole seconds, within the limit's window. */
export function expectRetryAfter(res: Response, windowSeconds: number): void {
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
}
