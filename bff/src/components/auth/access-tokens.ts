import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AppError } from '../../libraries/errors';
import type { Clock } from '../../libraries/clock';
import { deriveKey } from '../../libraries/crypto';
import { TtlCache, type CacheObserver } from '../../libraries/ttl-cache';

const ISSUER = 'suijing-bff';
const AUDIENCE = 'suijing-miniapp';
const TYPE = 'at+jwt';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/** Short-lived HS256 access tokens carrying the session id; algorithm, issuer, audience and type pinned. */
export class AccessTokens {
  // A KeyObject: given raw bytes, jsonwebtoken first tries (and fails) to parse a public key on every call.
  private readonly key: KeyObject;

  private readonly verified: TtlCache<{ claims: AccessClaims; expiresAtMs: number }>;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly clock: Clock,
    cacheObserver?: CacheObserver,
  ) {
    this.verified = new TtlCache(ttlSeconds * 1000, 100_000, cacheObserver);
    this.key = createSecretKey(deriveKey(secret, 'access-token'));
  }

  sign(claims: AccessClaims): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ sid: claims.sessionId, iat, exp: iat + this.ttlSeconds }, this.key, {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: claims.userId,
      header: { alg: 'HS256', typ: TYPE },
    });
  }

  /**
   * A token's signature and claims never change, so a token verified once is
   * remembered until it expires: each client repeats its token for minutes.
   * Revocation is not a property of the token; the session check handles it.
   */
  verify(token: string): AccessClaims {
    const nowMs = this.clock.now().getTime();
    const known = this.verified.get(token, nowMs);
    if (known) {
      if (known.expiresAtMs <= nowMs) throw new AppError({ code: 'TOKEN_EXPIRED' });
      return known.claims;
    }
    const { claims, expiresAtMs } = this.verifySignature(token);
    this.verified.set(token, { claims, expiresAtMs }, nowMs);
    return claims;
  }

  private verifySignature(token: string): { claims: AccessClaims; expiresAtMs: number } {
    let decoded: jwt.Jwt;
    try {
      decoded = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        complete: true,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new AppError({ code: 'TOKEN_EXPIRED', cause: error });
      throw new AppError({ code: 'TOKEN_INVALID', cause: error });
    }
    const payload = decoded.payload;
    if (
      decoded.header.typ !== TYPE ||
      typeof payload !== 'object' ||
      typeof payload.sub !== 'string' ||
      typeof payload['sid'] !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      throw new AppError({ code: 'TOKEN_INVALID' });
    }
    return { claims: { userId: payload.sub, sessionId: payload['sid'] as string }, expiresAtMs: payload.exp * 1000 };
  }
}
