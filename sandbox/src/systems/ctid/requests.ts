import { randomBytes, randomInt } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';
import type { InPersonOutcome } from '../../core/in-person-outcomes';

/** An authorisation request can be taken through the App (or the page) for five minutes. */
export const REQUEST_TTL_MS = 5 * 60_000;

const SERIAL_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The platform's businessSerialNumber is 18 characters. */
const SERIAL_LENGTH = 18;

export interface CtidRequest {
  /** businessSerialNumber: the platform's id of the request, known to the relying party only. */
  id: string;
  /** The jump token in the authorisation URL the person opens (or scans). */
  token: string;
  appId: string;
  /** The relying party's own serial: the request is bound to it. */
  bizSerialNum: string;
  authMode: string;
  name: string;
  idNumber: string;
  returnUrl: string | undefined;
  createdAt: number;
  expiresAt: number;
  outcome: InPersonOutcome | undefined;
  completedAt: number | undefined;
}

export type Completion = { kind: 'done'; request: CtidRequest } | { kind: 'unknown' | 'expired' | 'already-done' };

/**
 * Open authorisation requests. Each is bound to the name and number it was
 * made for and to the relying party's serial; it can be completed once
 * before it expires, and its final answer is read once, after which it is
 * gone, so no result can be replayed for another request.
 */
export class CtidRequests {
  private readonly byId = new Map<string, CtidRequest>();
  private readonly idByToken = new Map<string, string>();
  private readonly usedSerials = new Set<string>();

  constructor(private readonly clock: SandboxClock) {}

  isSerialUsed(appId: string, bizSerialNum: string): boolean {
    return this.usedSerials.has(`${appId}\n${bizSerialNum}`);
  }

  create(fields: Pick<CtidRequest, 'appId' | 'bizSerialNum' | 'authMode' | 'name' | 'idNumber' | 'returnUrl'>) {
    const now = this.clock.nowMs();
    const request: CtidRequest = {
      ...fields,
      id: Array.from({ length: SERIAL_LENGTH }, () => SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)]).join(''),
      token: randomBytes(24).toString('base64url'),
      createdAt: now,
      expiresAt: now + REQUEST_TTL_MS,
      outcome: undefined,
      completedAt: undefined,
    };
    this.byId.set(request.id, request);
    this.idByToken.set(request.token, request.id);
    this.usedSerials.add(`${fields.appId}\n${fields.bizSerialNum}`);
    return request;
  }

  get(id: string): CtidRequest | undefined {
    return this.byId.get(id);
  }

  /** By businessSerialNumber or by the jump token of its URL. */
  find(ref: string): CtidRequest | undefined {
    return this.byId.get(ref) ?? this.byId.get(this.idByToken.get(ref) ?? '');
  }

  isExpired(request: CtidRequest): boolean {
    return this.clock.nowMs() >= request.expiresAt;
  }

  /** The person's answer in the App (or the sandbox's page). */
  complete(ref: string, outcome: InPersonOutcome): Completion {
    const request = this.find(ref);
    if (!request) return { kind: 'unknown' };
    if (request.outcome !== undefined) return { kind: 'already-done' };
    if (this.isExpired(request)) return { kind: 'expired' };
    request.outcome = outcome;
    request.completedAt = this.clock.nowMs();
    return { kind: 'done', request };
  }

  /** Forgets a request whose final answer was read. */
  consume(request: CtidRequest): void {
    this.byId.delete(request.id);
    this.idByToken.delete(request.token);
  }

  clear(): void {
    this.byId.clear();
    this.idByToken.clear();
    this.usedSerials.clear();
  }
}
