import type { ClientInfo, LoginMethod, TokenResponse } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { IssuedSession, SessionsService } from '../sessions/sessions.service';
import type { LoginIdentity, UsersRepository } from '../users/users.repository';
import type { UserDocument } from '../users/user.model';
import type { UsersService } from '../users/users.service';
import { toUserView } from '../users/users.view';
import type { Clock } from '../../libraries/clock';
import type { AccessTokens } from './access-tokens';
import type { SmsLoginService } from './sms-login.service';

export interface AuthServiceDeps {
  users: UsersRepository;
  /** The account documents as this instance caches them: a refresh reads the user from there. */
  accounts: Pick<UsersService, 'account' | 'remember'>;
  sessions: SessionsService;
  tokens: AccessTokens;
  wechat: WechatClient;
  smsLogin: SmsLoginService;
  clock: Clock;
}

/** The login story: prove who you are (WeChat or SMS), become a user, get a session and tokens. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async loginWithWechat(code: string, client: ClientInfo | undefined): Promise<TokenResponse> {
    const wechat = await this.deps.wechat.code2Session(code);
    const identity: LoginIdentity = { kind: 'wechat', openid: wechat.openid, unionid: wechat.unionid };
    return this.startSession(identity, 'wechat', client, { wechatSessionKey: wechat.sessionKey });
  }

  sendSmsCode(phone: string, clientAddress: string) {
    return this.deps.smsLogin.send(phone, clientAddress);
  }

  async loginWithSms(phone: string, code: string, client: ClientInfo | undefined): Promise<TokenResponse> {
    const knownUserId = await this.deps.smsLogin.verify(phone, code);
    return this.startSession({ kind: 'phone', phone }, 'sms', client, { knownUserId });
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const issued = await this.deps.sessions.refresh(refreshToken);
    const user = await this.deps.accounts.account(issued.userId);
    if (!user) throw new AppError({ code: 'REFRESH_INVALID' });
    return this.tokensFor(issued, user);
  }

  logout(sessionId: string): Promise<void> {
    return this.deps.sessions.logout(sessionId);
  }

  private async startSession(
    identity: LoginIdentity,
    loginMethod: LoginMethod,
    client: ClientInfo | undefined,
    { wechatSessionKey, knownUserId = null }: { wechatSessionKey?: string; knownUserId?: string | null } = {},
  ): Promise<TokenResponse> {
    // The upsert answers with the document: no second read of the user just created.
    const user = await this.deps.users.findOrCreate(identity, this.deps.clock.now(), knownUserId);
    this.deps.accounts.remember(user);
    const issued = await this.deps.sessions.start({
      userId: user._id,
      loginMethod,
      client,
      ...(wechatSessionKey ? { wechatSessionKey } : {}),
    });
    return this.tokensFor(issued, user);
  }

  private tokensFor(issued: IssuedSession, user: UserDocument): TokenResponse {
    return {
      accessToken: this.deps.tokens.sign({ userId: issued.userId, sessionId: issued.sessionId }),
      refreshToken: issued.refreshToken,
      expiresIn: this.deps.tokens.ttlSeconds,
      user: toUserView(user, issued, this.deps.clock.now().getTime()),
    };
  }
}
