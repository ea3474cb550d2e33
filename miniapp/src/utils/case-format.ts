import type { ApplicationStatus } from '@suijing/shared';

/** Words and colours for case statuses, shared by 我的办件, 办件详情 and 进度查询. */

export const STATUS_TONE: Record<ApplicationStatus, string> = {
  submitted: 'sj-badge--primary',
  accepted: 'sj-badge--primary',
  reviewing: 'sj-badge--primary',
  supplement: 'sj-badge--warning',
  approved: 'sj-badge--success',
  rejected: 'sj-badge--danger',
  delivered: 'sj-badge--success',
  withdrawn: 'sj-badge--muted',
};

/** 我的办件's tabs: each a group of statuses (the BFF filters by one status at a time). */
export const CASE_TABS = [
  { key: 'all', title: '全部', statuses: [] },
  { key: 'active', title: '办理中', statuses: ['submitted', 'accepted', 'reviewing'] },
  { key: 'supplement', title: '待补正', statuses: ['supplement'] },
  { key: 'done', title: '已办结', statuses: ['approved', 'rejected', 'delivered'] },
  { key: 'withdrawn', title: '已撤回', statuses: ['withdrawn'] },
] as const satisfies ReadonlyArray<{ key: string; title: string; statuses: readonly ApplicationStatus[] }>;
export type CaseTabKey = (typeof CASE_TABS)[number]['key'];

/** 2026-12-05 -> 2026年12月5日. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** Finished cases, the ones 好差评 may rate (the BFF answers RATING_NOT_ALLOWED for the others). */
export const RATABLE_STATUSES = ['approved', 'rejected', 'delivered'] as const satisfies readonly ApplicationStatus[];

export function isRatable(status: ApplicationStatus): boolean {
  return (RATABLE_STATUSES as readonly ApplicationStatus[]).includes(status);
}
