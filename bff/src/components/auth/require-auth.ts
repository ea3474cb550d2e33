import { meetsAssurance, type AssuranceRequirement } from '@suijing/shared';
import type { Middleware } from 'koa';
import { assuranceRequired, demandAssurance, type DataUse } from '../../libraries/assurance';
import type { Clock } from '../../libraries/clock';
import type { AppContext, AppState, AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import type { SessionHolder, SessionsService } from '../sessions/sessions.service';
import type { AccessClaims, AccessTokens } from './access-tokens';

const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/** Who the verified person behind an account is (L2), as the usage record names them. */
export interface PersonLookup {
  personOf(userId: string): Promise<{ idHash: string; account: string } | null>;
}

/** Where reads of personal data are recorded (个人信息使用记录). */
export interface DataUseRecorder {
  record(
    reader: {
      idHash: string;
      userId: string;
      sessionId: string;
      client: AuthState['client'];
      account: string;
    },
    use: DataUse,
  ): Promise<void>;
}

export interface RequireAuthDeps {
  tokens: AccessTokens;
  sessions: SessionsService;
  people: PersonLookup;
  dataUse: DataUseRecorder;
  clock: Clock;
}

/**
 * Verifies the Bearer token and that its session is still live; ownership
 * comes only from here. It also gives the route what it needs to demand an
 * assurance level (`assure`) and to record a read of personal data.
 */
export function requireAuth(deps: RequireAuthDeps): Middleware<AppState> {
  const { tokens, sessions, people, clock } = deps;
  const enter = (ctx: AppContext, session: SessionHolder, claims: AccessClaims): void => {
    if (session.userId !== claims.userId) throw new AppError({ code: 'TOKEN_INVALID' });
    // A copy: catchUp brings this request's view of the session up to date without touching the cache.
    const auth: AuthState = {
      userId: session.userId,
      loginMethod: session.loginMethod,
      sessionId: claims.sessionId,
      client: session.client,
      inPersonAtMs: session.inPersonAtMs,
      inPersonMethod: session.inPersonMethod,
    };
    ctx.state.auth = auth;

    let person: { idHash: string; account: string } | null | undefined;
    const personNow = async () => (person ??= await people.personOf(auth.userId));

    ctx.state.assure = async (required: AssuranceRequirement) => {
      if (required.level === 'none' || required.level === 'L1') return;
      const person = await personNow();
      if (!person) throw assuranceRequired(required);
      ctx.state.person = person;
      if (required.level !== 'L3') return;
      const nowMs = clock.now().getTime();
      const held = (session: AuthState) => ({ level: 'L3' as const, inPersonAtMs: session.inPersonAtMs });
      await sessions.catchUp(auth, (session) => meetsAssurance(held(session), required, nowMs));
      demandAssurance(held(auth), required, nowMs);
    };

    ctx.state.recordDataUse = async (use: DataUse) => {
      const reader = await personNow();
      if (!reader) throw new Error('a read of personal data by a caller without a verified identity');
      await deps.dataUse.record(
        {
          idHash: reader.idHash,
          userId: auth.userId,
          sessionId: auth.sessionId,
          client: auth.client,
          account: reader.account,
        },
        use,
      );
    };
  };
  // Not async: a session this instance checked a moment ago (most requests) goes on without awaiting anything.
  return (ctx, next) => {
    const match = BEARER.exec(ctx.get('authorization'));
    if (!match) throw new AppError({ code: 'UNAUTHENTICATED' });
    const claims = tokens.verify(match[1] as string);
    const known = sessions.known(claims.sessionId);
    if (known) {
      enter(ctx, known, claims);
      return next();
    }
    // Not in this instance's cache (just asked): read it.
    return sessions.authenticate(claims.sessionId, { fresh: true }).then((session) => {
      enter(ctx, session, claims);
      return next();
    });
  };
}
