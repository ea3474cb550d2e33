/**
 * Identity assurance levels. Every route of the BFF declares the level it
 * needs where it is defined; a caller below it gets 403 ASSURANCE_REQUIRED
 * naming the level, and the mini-program leads them to exactly that step.
 *
 * - L1: an account (WeChat or phone by SMS).
 * - L2: 实名, name and ID number matched by the identity register and bound
 *   to this account (an ID number is bound to one account at a time).
 * - L3: 实人, a live face check against the register's photo (WeChat's face
 *   verification in the mini-program, a 网证/CTID authorisation in the
 *   browser), reached on this session; some actions need it recently.
 */
export type AssuranceLevel = 'none' | 'L1' | 'L2' | 'L3';

export const ASSURANCE_ORDER: Record<AssuranceLevel, number> = { none: 0, L1: 1, L2: 2, L3: 3 };

/** What a route (or an item) asks of its caller. */
export interface AssuranceRequirement {
  level: AssuranceLevel;
  /** For L3: the check must have been passed on this session within this many seconds. */
  withinSeconds?: number;
}

/** 车驾管 records, e-licences, the 电子驾驶证, filing a case: L3 on this session within 30 days. */
export const IN_PERSON_RECENT_SECONDS = 30 * 86_400;
/** Showing the 电子驾驶证 QR, revealing one's ID number, changing the binding, closing the account: 5 minutes. */
export const IN_PERSON_FRESH_SECONDS = 300;

/** The levels as routes declare them. */
export const ASSURANCE = {
  /** Catalog, guides, search, progress by number, the webhook, health. */
  public: { level: 'none' },
  /** Drafts, favourites, messages, sessions: an account. */
  account: { level: 'L1' },
  /** 实名: booking a visit for oneself, one's cases. */
  realName: { level: 'L2' },
  /** 实人 within 30 days on this session: personal police records. */
  inPerson: { level: 'L3', withinSeconds: IN_PERSON_RECENT_SECONDS },
  /** 实人 within 5 minutes: the 电子驾驶证 QR, reveal, unbind, close the account, export. */
  inPersonNow: { level: 'L3', withinSeconds: IN_PERSON_FRESH_SECONDS },
} as const satisfies Record<string, AssuranceRequirement>;

/** How an L3 check was made. */
export type InPersonMethod = 'wechat-face' | 'ctid';

/** Whether a caller at `held` (with its L3 time) meets `required` at `nowMs`. */
export function meetsAssurance(
  held: { level: AssuranceLevel; inPersonAtMs?: number | null },
  required: AssuranceRequirement,
  nowMs: number,
): boolean {
  if (ASSURANCE_ORDER[held.level] < ASSURANCE_ORDER[required.level]) return false;
  if (required.level !== 'L3' || required.withinSeconds === undefined) return true;
  const at = held.inPersonAtMs;
  return typeof at === 'number' && nowMs - at <= required.withinSeconds * 1000 && at <= nowMs + 60_000;
}

/** What the person is asked to do, in words, for a requirement they do not meet. */
export function assuranceMessage(required: AssuranceRequirement): string {
  if (required.level === 'L1') return '请先登录后再办理';
  if (required.level === 'L2') return '办理前请先完成实名认证';
  if (required.withinSeconds !== undefined && required.withinSeconds <= IN_PERSON_FRESH_SECONDS) {
    return '为保护您的个人信息，此操作需要本人刷脸确认（5 分钟内有效）';
  }
  return '为保护您的个人信息，查看或办理前请先完成刷脸认证（本人认证）';
}
