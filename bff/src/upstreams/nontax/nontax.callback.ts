import { CallbackSchema, NONTAX_TIMESTAMP_WINDOW_MS, isNontaxSignature } from './nontax.dialect';
import { callbackSettlement } from './nontax.mapping';
import type { CallbackRejection, FineSettlement } from './nontax.types';

export type OpenedCallback = { ok: true; settlement: FineSettlement } | { ok: false; rejection: CallbackRejection };

/**
 * A payment callback as it arrived: a JSON object of strings, of our app, signed with our secret over
 * every field, stamped within 5 minutes of `now`. Never throws: a bad callback is a rejection.
 */
export function openNontaxCallback(
  app: { appId: string; appSecret: string },
  rawBody: string,
  now: Date,
): OpenedCallback {
  const params = parseFlat(rawBody);
  if (!params) return { ok: false, rejection: 'malformed' };
  // The signature covers the fields as sent, so it is checked before the shape and before any field is read.
  if (params['appId'] !== app.appId || !isNontaxSignature(app.appSecret, params)) {
    return { ok: false, rejection: 'bad-signature' };
  }
  const body = CallbackSchema.safeParse(params);
  if (!body.success) return { ok: false, rejection: 'malformed' };
  if (Math.abs(now.getTime() - Number(body.data.timestamp)) > NONTAX_TIMESTAMP_WINDOW_MS) {
    return { ok: false, rejection: 'stale' };
  }
  const settlement = callbackSettlement(body.data);
  return settlement ? { ok: true, settlement } : { ok: false, rejection: 'malformed' };
}

function parseFlat(rawBody: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const entries = Object.entries(parsed);
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined;
  return Object.fromEntries(entries) as Record<string, string>;
}
