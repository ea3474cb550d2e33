import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
// The BFF derives its signing key from JWT_SECRET; the forger uses the same derivation, so a
// forged token differs from a real one only in what a test changes (suites check that an
// unchanged forgery is accepted, which proves the key right).
import { deriveKey } from '../../bff/src/libraries/crypto';

/** What the BFF puts in an access token. */
export interface AccessClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The claims of a real access token (no verification: the test issued it). */
export function claimsOf(token: string): AccessClaims {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as AccessClaims;
}

/** Signs claims as the BFF would, with its real key, but with whatever header and algorithm a test wants. */
export function forgeWithServerKey(
  jwtSecret: string,
  claims: Partial<AccessClaims> & Record<string, unknown>,
  options: { algorithm?: 'HS256' | 'HS384' | 'HS512'; typ?: string; headerAlg?: string } = {},
): string {
  const algorithm = options.algorithm ?? 'HS256';
  const token = jwt.sign(claims, deriveKey(jwtSecret, 'access-token'), {
    algorithm,
    header: { alg: algorithm, typ: options.typ ?? 'at+jwt' },
  });
  if (!options.headerAlg) return token;
  // Same signature, another algorithm named in the header (the "algorithm confusion" trick).
  const [, payload, signature] = token.split('.');
  return `${b64({ alg: options.headerAlg, typ: options.typ ?? 'at+jwt' })}.${payload}.${signature}`;
}

/** The claims, unsigned, under "alg": "none". */
export function unsignedToken(claims: object): string {
  return `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64(claims)}.`;
}

/** The claims signed RS256 with a key pair of the attacker's own. */
export function rs256Token(claims: object): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return jwt.sign(claims, privateKey, { algorithm: 'RS256', header: { alg: 'RS256', typ: 'at+jwt' } });
}
