import type { Middleware } from 'koa';
import { AppError } from '../../libraries/errors';
import type { AppState } from '../../libraries/context';
import type { SessionsService } from '../sessions/sessions.service';
import type { AccessTokens } from './access-tokens';

/** Verifies the Bearer token and that its session is still live; ownership comes only from here. */
export function requireAuth(tokens: AccessTokens, sessions: SessionsService): Middleware<AppState> {
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new AppError({ code: 'UNAUTHENTICATED' });
    const claims = tokens.verify(match[1] as string);
    const session = await sessions.authenticate(claims.sessionId);
    if (session.userId !== claims.userId) throw new AppError({ code: 'TOKEN_INVALID' });
    ctx.state.auth = { userId: claims.userId, sessionId: claims.sessionId, loginMethod: session.loginMethod };
    await next();
  };
}
