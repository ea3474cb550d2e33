import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey } from '../../libraries/crypto';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { SmsClient } from '../../upstreams/sms/sms.client';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { SessionsService } from '../sessions/sessions.service';
import type { UsersRepository } from '../users/users.repository';
import type { UsersService } from '../users/users.service';
import { AccessTokens } from './access-tokens';
import { authRoutes } from './auth.routes';
import { AuthService } from './auth.service';
import { requireAuth, type DataUseRecorder, type PersonLookup, type RequireAuthDeps } from './require-auth';
import type { SmsCodeModels } from './sms-code.model';
import { SmsCodesRepository } from './sms-codes.repository';
import { SmsLoginService } from './sms-login.service';

/**
 * requireAuth, handed out before it can be built: it asks the sessions,
 * identity and privacy components, whose own routes need it. The auth module
 * opens it once they exist, before the app answers anything.
 */
export interface AuthGate {
  requireAuth: Middleware<AppState>;
  open(deps: RequireAuthDeps): void;
}

export function authGate(): AuthGate {
  let check: Middleware<AppState> | undefined;
  return {
    requireAuth: (ctx, next) => {
      if (!check) throw new Error('requireAuth ran before the auth module opened it');
      return check(ctx, next);
    },
    open: (deps) => {
      check = requireAuth(deps);
    },
  };
}

export interface AuthModuleDeps {
  routes: ApiRoutes;
  models: SmsCodeModels;
  clock: Clock;
  limiter: RateLimiter;
  auth: { jwtSecret: string; accessTokenTtlSeconds: number };
  gate: AuthGate;
  users: UsersRepository;
  usersService: UsersService;
  sessions: SessionsService;
  people: PersonLookup;
  dataUse: DataUseRecorder;
  wechat: WechatClient;
  sms: SmsClient;
  observeCache?: ObserveCache;
}

/** Logging in (WeChat or SMS), refreshing and logging out; and the check every other route's login goes through. */
export function createAuthModule(deps: AuthModuleDeps): void {
  const { clock, sessions } = deps;
  const tokens = new AccessTokens(
    deps.auth.jwtSecret,
    deps.auth.accessTokenTtlSeconds,
    clock,
    deps.observeCache?.('access-tokens'),
  );
  deps.gate.open({ tokens, sessions, people: deps.people, dataUse: deps.dataUse, clock });
  const smsLogin = new SmsLoginService({
    codes: new SmsCodesRepository(deps.models),
    accounts: deps.users,
    sms: deps.sms,
    limiter: deps.limiter,
    clock,
    codeKey: deriveKey(deps.auth.jwtSecret, 'sms-code'),
  });
  const auth = new AuthService({
    users: deps.users,
    accounts: deps.usersService,
    sessions,
    tokens,
    wechat: deps.wechat,
    smsLogin,
    clock,
  });
  authRoutes(deps.routes, { auth, requireAuth: deps.gate.requireAuth });
}
