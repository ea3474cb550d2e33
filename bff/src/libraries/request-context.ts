import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { AppState } from './context';
import { accessLog, type Logger } from './logger';
import { holdsNothingPersonal } from './redact';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * A fresh id that cannot be read as a phone or ID number: about one UUID in a thousand
 * has 11 digits in a row starting 13-19 ("…-e14295718566"), which log audits and readers
 * would rightly take for a phone, and request ids are never masked.
 */
export function newRequestId(random: () => string = randomUUID): string {
  for (;;) {
    const id = random();
    if (holdsNothingPersonal(id)) return id;
  }
}

/** A request once answered, with how long it took: metrics count it (one timing shared with the access log). */
export type AnsweredHook = (ctx: { method: string; status: number }, seconds: number) => void;

/** Gives each request an id (the caller's when well-formed), the logger, and one access log line. */
export function requestContext(logger: Logger, options: { answered?: AnsweredHook } = {}): Middleware<AppState> {
  const { answered } = options;
  const access = accessLog(logger);
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    // A caller's id is kept whole or not at all: one holding a phone or ID number gets a fresh id,
    // so logs (which never mask request ids) hold no personal number and match what the caller is told.
    const requestId = REQUEST_ID.test(incoming) && holdsNothingPersonal(incoming) ? incoming : newRequestId();
    ctx.state.requestId = requestId;
    // The base logger, not a per-request child: a child per request costs more than the request.
    // Whoever logs passes the requestId.
    ctx.state.log = logger;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const elapsedNs = Number(process.hrtime.bigint() - started);
      answered?.(ctx, elapsedNs / 1e9);
      access({
        requestId,
        method: ctx.method,
        url: ctx.originalUrl,
        status: ctx.status,
        ms: Math.round(elapsedNs / 1e5) / 10,
        userId: ctx.state.auth?.userId,
      });
    }
  };
}
