import { IN_PERSON_RECENT_SECONDS, type LoginMethod, type User } from '@suijing/shared';
import { maskPhone } from '@suijing/shared/masking';
import type { UserDocument } from './user.model';

/** What this session holds: the login method and its last in-person check are the session's, not the account's. */
export interface SessionView {
  loginMethod: LoginMethod;
  inPersonAtMs: number | null;
}

/** What a user may see of their own account: the phone only masked; the level this session holds now. */
export function toUserView(user: UserDocument, session: SessionView, nowMs: number): User {
  const verified = user.realNameStatus === 'verified' && Boolean(user.realName);
  const inPersonAt = session.inPersonAtMs;
  const inPersonRecent = inPersonAt !== null && nowMs - inPersonAt <= IN_PERSON_RECENT_SECONDS * 1000;
  return {
    id: user._id,
    phoneMasked: user.phone ? maskPhone(user.phone) : null,
    loginMethod: session.loginMethod,
    realNameStatus: verified ? 'verified' : 'unverified',
    assurance: {
      level: verified ? (inPersonRecent ? 'L3' : 'L2') : 'L1',
      inPersonAt: inPersonAt !== null ? new Date(inPersonAt).toISOString() : null,
    },
    createdAt: user.createdAt.toISOString(),
  };
}
