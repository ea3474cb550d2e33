import jwt from 'jsonwebtoken';
import { AppError } from '../../libraries/errors';
import type { Clock } from '../../libraries/clock';
import { deriveKey } from '../../libraries/crypto';

const ISSUER = 'suijing-bff';
const AUDIENCE = 'suijing-miniapp';
const TYPE = 'at+jwt';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/** Short-lived HS256 access tokens carrying the session id; algorithm, issuer, audience and type pinned. */
export class AccessTokens {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {
    this.key = deriveKey(secret, 'access-token');
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

  verify(token: string): AccessClaims {
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
      typeof payload['sid'] !== 'string'
    ) {
      throw new AppError({ code: 'TOKEN_INVALID' });
    }
    return { userId: payload.sub, sessionId: payload['sid'] as string };
  }
}
