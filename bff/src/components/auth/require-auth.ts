import { meetsAssurance, type AssuranceRequirement } from '@suijing/shared';
import type { Middleware } from 'koa';
import { assuranceRequired, demandAssurance, type DataUse } from '../../libraries/assurance';
import type { Clock } from '../../libraries/clock';
import type { AppState, AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import type { SessionsService } from '../sessions/sessions.service';
import type { AccessTokens } from './access-tokens';

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
  return async (ctx, next) => {
    const header = ctx.get('authorization');
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header);
    if (!match) throw new AppError({ code: 'UNAUTHENTICATED' });
    const claims = tokens.verify(match[1] as string);
    const session = await sessions.authenticate(claims.sessionId);
    if (session.userId !== claims.userId) throw new AppError({ code: 'TOKEN_INVALID' });
    const auth: AuthState = { ...session, sessionId: claims.sessionId };
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
    await next();
  };
}
