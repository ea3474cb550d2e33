import type { z } from 'zod';
import type { Clock } from './clock';
import type { Sealer } from './crypto';

/** The card asks for a new code every minute; a code stays good a little longer for a scan under way. */
const REFRESH_SECONDS = 60;
const VALID_SECONDS = 90;

/** What a card shows: the payload to draw as a QR code, when it stops being good, and when to ask again. */
export interface IssuedQr {
  payload: string;
  expiresAt: string;
  refreshAfterSeconds: number;
}

/** A scanned payload: good (with what it carries), expired (too old to trust), or not ours (forged, altered, other). */
export type QrReading<T> = { state: 'valid'; claims: T } | { state: 'expired'; claims: T } | { state: 'forged' };

/** The lifetime every sealed payload carries, in unix seconds. */
interface Lifetime {
  iat: number;
  exp: number;
}

/**
 * A sealed, short-lived QR payload for a credential shown on the phone (电子驾驶证,
 * 电子居住证): the claims are sealed by the BFF (AES-GCM: a changed or made-up
 * payload does not open), so a verifier learns them only from us, and they
 * expire within a minute or two, so a screenshot or a photo of someone else's
 * phone stops working. The prefix names the kind and its version, so one
 * kind's payload is never read as another's.
 */
export class RotatingQr<S extends z.ZodType<object>> {
  constructor(private readonly options: { prefix: string; claims: S; sealer: Sealer; clock: Clock }) {}

  issue(claims: z.output<S>): IssuedQr {
    const iat = Math.floor(this.options.clock.now().getTime() / 1000);
    const lifetime: Lifetime = { iat, exp: iat + VALID_SECONDS };
    return {
      payload: this.options.prefix + this.options.sealer.seal(JSON.stringify({ ...claims, ...lifetime })),
      expiresAt: new Date(lifetime.exp * 1000).toISOString(),
      refreshAfterSeconds: REFRESH_SECONDS,
    };
  }

  read(payload: string): QrReading<z.output<S>> {
    const { prefix, sealer, clock } = this.options;
    if (!payload.startsWith(prefix)) return { state: 'forged' };
    const plain = sealer.open(payload.slice(prefix.length));
    if (plain === null) return { state: 'forged' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(plain);
    } catch {
      return { state: 'forged' };
    }
    const exp = (parsed as Partial<Lifetime> | null)?.exp;
    const claims = this.options.claims.safeParse(parsed);
    if (typeof exp !== 'number' || !claims.success) return { state: 'forged' };
    if (exp * 1000 <= clock.now().getTime()) return { state: 'expired', claims: claims.data };
    return { state: 'valid', claims: claims.data };
  }
}
