import type { ClientInfo, LoginMethod, TokenResponse } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { IssuedSession, SessionsService } from '../sessions/sessions.service';
import type { LoginIdentity, UsersRepository } from '../users/users.repository';
import { toUserView } from '../users/users.view';
import type { Clock } from '../../libraries/clock';
import type { AccessTokens } from './access-tokens';
import type { SmsLoginService } from './sms-login.service';

export interface AuthServiceDeps {
  users: UsersRepository;
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
    return this.startSession(identity, 'wechat', client, wechat.sessionKey);
  }

  sendSmsCode(phone: string, clientAddress: string) {
    return this.deps.smsLogin.send(phone, clientAddress);
  }

  async loginWithSms(phone: string, code: string, client: ClientInfo | undefined): Promise<TokenResponse> {
    await this.deps.smsLogin.verify(phone, code);
    return this.startSession({ kind: 'phone', phone }, 'sms', client);
  }

  async refresh(refreshToken: string): Promise<TokenResponse> {
    const issued = await this.deps.sessions.refresh(refreshToken);
    return this.tokensFor(issued);
  }

  logout(sessionId: string): Promise<void> {
    return this.deps.sessions.logout(sessionId);
  }

  private async startSession(
    identity: LoginIdentity,
    loginMethod: LoginMethod,
    client: ClientInfo | undefined,
    wechatSessionKey?: string,
  ): Promise<TokenResponse> {
    const user = await this.deps.users.findOrCreate(identity, this.deps.clock.now());
    const issued = await this.deps.sessions.start({
      userId: user._id,
      loginMethod,
      client,
      ...(wechatSessionKey ? { wechatSessionKey } : {}),
    });
    return this.tokensFor(issued);
  }

  private async tokensFor(issued: IssuedSession): Promise<TokenResponse> {
    const user = await this.deps.users.findById(issued.userId);
    if (!user) throw new AppError({ code: 'REFRESH_INVALID' });
    return {
      accessToken: this.deps.tokens.sign({ userId: issued.userId, sessionId: issued.sessionId }),
      refreshToken: issued.refreshToken,
      expiresIn: this.deps.tokens.ttlSeconds,
      user: toUserView(user, issued, this.deps.clock.now().getTime()),
    };
  }
}
