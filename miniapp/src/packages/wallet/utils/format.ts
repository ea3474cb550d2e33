import type { ShareDurationMinutes } from '@suijing/shared';
import type { Tone } from '../components/StatusTag';

/** How each status of a certificate reads as a tag (the text itself comes from the BFF). */
export const ITEM_TONE: Readonly<Record<string, Tone>> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'danger',
  suspended: 'warning',
  revoked: 'muted',
  replaced: 'muted',
};

/** A certificate's status in a word or two for its tag; the BFF's `statusText` says the rest. */
export const ITEM_STATUS_LABEL: Readonly<Record<string, string>> = {
  valid: '有效',
  expiring: '即将到期',
  expired: '已过期',
  suspended: '已中止',
  revoked: '已注销',
  replaced: '已换领',
};

/** The BFF's words for a status when they say more than the tag (what to do), else null. */
export function statusNote(status: string, statusText: string): string | null {
  return statusText === ITEM_STATUS_LABEL[status] ? null : statusText;
}

/** A 出示 link's state. */
export const SHARE_TONE: Readonly<Record<string, Tone>> = { active: 'success', expired: 'muted', revoked: 'muted' };
export const SHARE_STATE_TEXT: Readonly<Record<string, string>> = {
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
};

export const toneOf = (tones: Readonly<Record<string, Tone>>, state: string): Tone => tones[state] ?? 'muted';

/** The groups of the 证照夹, in the order shown: what a kind of certificate is filed under. */
export const WALLET_GROUPS: readonly { title: string; kinds: readonly string[] }[] = [
  { title: '身份凭证', kinds: ['identity'] },
  { title: '居住证', kinds: ['residence-permit'] },
  { title: '车驾管证件', kinds: ['driving-licence', 'vehicle-licence'] },
  { title: '电子证照', kinds: ['e-licence'] },
];

/** Each group with the items of its kinds (empty groups left out); kinds no group names go last. */
export function groupItems<T extends { kind: string }>(items: readonly T[]): { title: string; items: T[] }[] {
  const named = new Set(WALLET_GROUPS.flatMap((group) => group.kinds));
  const groups = WALLET_GROUPS.map((group) => ({
    title: group.title,
    items: items.filter((item) => group.kinds.includes(item.kind)),
  }));
  groups.push({ title: '其他证照', items: items.filter((item) => !named.has(item.kind)) });
  return groups.filter((group) => group.items.length > 0);
}

/** How long a 出示 link lasts, in words, for each choice the BFF accepts. */
const DURATION_LABEL: Readonly<Record<ShareDurationMinutes, string>> = {
  5: '5 分钟',
  30: '30 分钟',
  120: '2 小时',
  1440: '1 天',
};
// The label record names every choice (the compiler checks it against the shared type); listed shortest first.
export const SHARE_DURATIONS: readonly { minutes: ShareDurationMinutes; label: string }[] = (
  Object.keys(DURATION_LABEL).map(Number) as ShareDurationMinutes[]
)
  .sort((a, b) => a - b)
  .map((minutes) => ({ minutes, label: DURATION_LABEL[minutes] }));

/** What a 出示 is for: the common ones in one tap, anything else typed (2–30 characters). */
export const PURPOSE_PRESETS = ['租房', '入职'] as const;
export const PURPOSE_OTHER = 'other';
export const PURPOSE_MIN = 2;
export const PURPOSE_MAX = 30;

/** Time left until `until`, for a countdown: "4:59", "1:59:59", or "已过期". */
export function timeLeftText(until: string, now: Date): string {
  const seconds = Math.floor((Date.parse(until) - now.getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return '已过期';
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
