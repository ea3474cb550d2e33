import { createHash, randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';
import type { InPersonOutcome } from '../../core/in-person-outcomes';

/** expires_in of getverifyid: WeChat documents 3600 s as the default lifetime of a verify_id. */
export const VERIFY_ID_TTL_MS = 3600 * 1000;

export const CERT_TYPE = 'IDENTITY_CARD';

export interface FaceSession {
  verifyId: string;
  outSeqNo: string;
  certName: string;
  certNo: string;
  /** The WeChat user the check was started for: only they can take it through the camera. */
  openid: string;
  expiresAt: number;
  /** Set by the camera step; undefined while the person has not done it. */
  outcome: InPersonOutcome | undefined;
}

/**
 * cert_hash as WeChat documents it: each of cert_type, cert_name and cert_no
 * in standard base64 (of UTF-8), joined as `cert_type=…&cert_name=…&cert_no=…`,
 * then SHA-256 in lower-case hex.
 */
export function certHash(certName: string, certNo: string): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64(CERT_TYPE)}&cert_name=${b64(certName)}&cert_no=${b64(certNo)}`)
    .digest('hex');
}

export type CameraResult =
  { kind: 'done'; session: FaceSession } | { kind: 'unknown' | 'expired' | 'already-done' | 'other-user' };

/**
 * Face check sessions. A verify_id belongs to the openid and the name and
 * number it was started for; it can be taken through the camera step once,
 * by that user, before it expires. Its final answer (an outcome, or
 * "expired") is read once, after which the verify_id is gone (84001), so a
 * result can never be replayed for another request.
 */
export class FaceSessions {
  private readonly sessions = new Map<string, FaceSession>();
  private readonly usedSeqNos = new Set<string>();

  constructor(private readonly clock: SandboxClock) {}

  isSeqNoUsed(outSeqNo: string): boolean {
    return this.usedSeqNos.has(outSeqNo);
  }

  open(outSeqNo: string, certName: string, certNo: string, openid: string): FaceSession {
    const session: FaceSession = {
      verifyId: randomBytes(33).toString('base64url'),
      outSeqNo,
      certName,
      certNo,
      openid,
      expiresAt: this.clock.nowMs() + VERIFY_ID_TTL_MS,
      outcome: undefined,
    };
    this.sessions.set(session.verifyId, session);
    this.usedSeqNos.add(outSeqNo);
    return session;
  }

  get(verifyId: string): FaceSession | undefined {
    return this.sessions.get(verifyId);
  }

  isExpired(session: FaceSession): boolean {
    return this.clock.nowMs() >= session.expiresAt;
  }

  /**
   * The camera step (wx.requestFacialVerify). WeChat fails a check run by
   * another user than the one getverifyid named; the stand-in refuses it
   * when the caller says who they are.
   */
  finish(verifyId: string, outcome: InPersonOutcome, openid: string | undefined): CameraResult {
    const session = this.sessions.get(verifyId);
    if (!session) return { kind: 'unknown' };
    if (openid !== undefined && openid !== session.openid) return { kind: 'other-user' };
    if (session.outcome !== undefined) return { kind: 'already-done' };
    if (this.isExpired(session)) return { kind: 'expired' };
    session.outcome = outcome;
    return { kind: 'done', session };
  }

  /** Forgets a session whose final answer was read. */
  consume(verifyId: string): void {
    this.sessions.delete(verifyId);
  }

  clear(): void {
    this.sessions.clear();
    this.usedSeqNos.clear();
  }
}
