import type { AssuranceRequirement, InPersonMethod, LoginMethod } from '@suijing/shared';
import type { DataUse } from './assurance';
import type { ParameterizedContext } from 'koa';
import type { Logger } from './logger';

/** What an authenticated request carries; set by the auth middleware. */
export interface AuthState {
  userId: string;
  loginMethod: LoginMethod;
  sessionId: string;
  /** The device kind the session logged in from, for the usage record and notices. */
  client: { platform: string; model: string | null };
  /** When this session last passed an in-person (L3) check, or null. */
  inPersonAtMs: number | null;
  inPersonMethod: InPersonMethod | null;
}

export interface AppState {
  requestId: string;
  log: Logger;
  auth?: AuthState;
  /** The person bound to the caller's account, once a route's L2/L3 gate found them. */
  person?: { idHash: string; account: string };
  /** Set with `auth`: throws ASSURANCE_REQUIRED unless the caller meets the requirement now. */
  assure?: (required: AssuranceRequirement) => Promise<void>;
  /** Set with `auth`: records a read of the caller's personal data in their 个人信息使用记录. */
  recordDataUse?: (use: DataUse) => Promise<void>;
}

export type AppContext = ParameterizedContext<AppState>;

/** The authenticated caller; only routes behind requireAuth call this. */
export function authOf(ctx: AppContext): AuthState {
  const auth = ctx.state.auth;
  if (!auth) throw new Error('authOf() used on a route without requireAuth');
  return auth;
}

/** The verified person of the caller; only routes that declare L2 or L3 call this. */
export function personOf(ctx: AppContext): { idHash: string; account: string } {
  const person = ctx.state.person;
  if (!person) throw new Error('personOf() used on a route below L2');
  return person;
}
