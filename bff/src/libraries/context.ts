import type { LoginMethod } from '@suijing/shared';
import type { ParameterizedContext } from 'koa';
import type { Logger } from './logger';

/** What an authenticated request carries; set by the auth middleware. */
export interface AuthState {
  userId: string;
  loginMethod: LoginMethod;
  sessionId: string;
}

export interface AppState {
  requestId: string;
  log: Logger;
  auth?: AuthState;
}

export type AppContext = ParameterizedContext<AppState>;

/** The authenticated caller; only routes behind requireAuth call this. */
export function authOf(ctx: AppContext): AuthState {
  const auth = ctx.state.auth;
  if (!auth) throw new Error('authOf() used on a route without requireAuth');
  return auth;
}
