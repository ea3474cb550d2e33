import { IN_PERSON_RECENT_SECONDS } from '@suijing/shared';
import { JsonBytes } from '../../libraries/json-bytes';
import type { UserDocument } from './user.model';
import { toUserView, type SessionView } from './users.view';

interface Encoded {
  answer: JsonBytes;
  /** When the session's level changes by itself (a recent in-person check stops being recent). */
  untilMs: number;
}

/**
 * `GET /me` answers as sent, kept per account document and session view:
 * a device asks for its account again and again while neither changes. Kept
 * with the document, so a re-read account (a new document) is encoded afresh.
 */
export class MeAnswers {
  private readonly byUser = new WeakMap<UserDocument, Map<string, Encoded>>();

  answer(user: UserDocument, session: SessionView, nowMs: number): JsonBytes {
    let forUser = this.byUser.get(user);
    if (!forUser) {
      forUser = new Map();
      this.byUser.set(user, forUser);
    }
    const key = `${session.loginMethod} ${session.inPersonAtMs ?? ''}`;
    const kept = forUser.get(key);
    if (kept && nowMs < kept.untilMs) return kept.answer;
    const answer = new JsonBytes(Buffer.from(JSON.stringify(toUserView(user, session, nowMs))));
    const recentUntil =
      session.inPersonAtMs === null ? Infinity : session.inPersonAtMs + IN_PERSON_RECENT_SECONDS * 1000;
    forUser.set(key, { answer, untilMs: nowMs <= recentUntil ? recentUntil + 1 : Infinity });
    return answer;
  }
}
