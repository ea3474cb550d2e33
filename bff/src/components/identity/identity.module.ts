import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { Logger } from '../../libraries/logger';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { SmsClient } from '../../upstreams/sms/sms.client';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { MessagesService } from '../messages/messages.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { UsersRepository } from '../users/users.repository';
import type { UsersService } from '../users/users.service';
import type { BindingModels } from './binding.model';
import type { IdentityCheckModels } from './identity-check.model';
import { IdentityBindings } from './identity-bindings';
import { IdentityBindingsRepository } from './identity-bindings.repository';
import { IdentityChecksRepository } from './identity-checks.repository';
import { IdentityNotices } from './identity-notices';
import { identityRoutes } from './identity.routes';
import { IdentityService } from './identity.service';
import { InPersonService, type CtidPort } from './in-person.service';

export interface IdentityModuleDeps {
  routes: ApiRoutes;
  models: BindingModels & IdentityCheckModels;
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  /** DATA_ENCRYPTION_KEY, from which the identity seal and the ID-number hash key are derived. */
  dataKey: string;
  users: UsersRepository;
  usersService: UsersService;
  sessions: SessionsService;
  messages: MessagesService;
  /** The population register (实名 checks). */
  records: IdentityClient;
  wechat: WechatClient;
  sms: SmsClient;
  ctid: CtidPort;
  requireAuth: Middleware<AppState>;
}

/** 实名 and 实人: who the person behind an account is, one person per account. */
export function createIdentityModule(deps: IdentityModuleDeps) {
  const { users, usersService, sessions, limiter, clock } = deps;
  const sealer = new Sealer(deriveKey(deps.dataKey, 'identity-seal'));
  const bindings = new IdentityBindings({ bindings: new IdentityBindingsRepository(deps.models), clock });
  const identity = new IdentityService({
    users,
    usersService,
    identity: deps.records,
    wechat: deps.wechat,
    bindings,
    sessions,
    limiter,
    sealer,
    idHashKey: deriveKey(deps.dataKey, 'id-hash'),
    clock,
  });
  const inPerson = new InPersonService({
    identity,
    users,
    usersService,
    sessions,
    bindings,
    notices: new IdentityNotices({ users, sms: deps.sms, messages: deps.messages, logger: deps.logger }),
    checks: new IdentityChecksRepository(deps.models),
    face: deps.wechat,
    ctid: deps.ctid,
    limiter,
    sealer,
    clock,
  });
  identityRoutes(deps.routes, { identity, inPerson, requireAuth: deps.requireAuth });
  return { identity, bindings };
}
