import type { FamilyMember } from '@suijing/shared';

/** A link's status in two or three characters, for its badge (the BFF's statusText says the rest). */
export const STATUS_SHORT: Record<FamilyMember['status'], string> = {
  active: '已生效',
  pending: '待确认',
  declined: '已拒绝',
  expired: '已过期',
  removed: '已移除',
  withdrawn: '已撤回',
};

/** The badge tone of a link's status: active green, pending amber, the ended ones muted. */
export function statusTone(status: FamilyMember['status']): 'success' | 'warning' | 'muted' {
  if (status === 'active') return 'success';
  return status === 'pending' ? 'warning' : 'muted';
}

/** 儿子 · 8 岁 · 未成年: what a member is to me, in one line. */
export function memberLine(member: Pick<FamilyMember, 'relationText' | 'age' | 'kind'>): string {
  return [member.relationText, `${member.age} 岁`, member.kind === 'minor' ? '未成年' : '成年'].join(' · ');
}

/** A member may be acted for on an item whose guide allows it: 'minors' only for a child, 'family' for any. */
export function mayActFor(
  onBehalf: 'none' | 'minors' | 'family',
  member: Pick<FamilyMember, 'kind' | 'status'>,
): boolean {
  if (member.status !== 'active') return false;
  if (onBehalf === 'family') return true;
  return onBehalf === 'minors' && member.kind === 'minor';
}

/** Why a member cannot be chosen for an item (shown under their name in the picker). */
export function whyNot(onBehalf: 'none' | 'minors' | 'family', member: Pick<FamilyMember, 'kind' | 'status'>): string {
  if (member.status === 'pending') return '等待对方确认授权后才能代办';
  if (member.status !== 'active') return '授权已结束';
  if (onBehalf === 'minors' && member.kind === 'adult') return '该事项仅可由监护人为未成年人代办';
  return onBehalf === 'none' ? '该事项须本人办理' : '';
}

/** 2026-12-06T18:39:00Z -> 2026年12月7日: the day of a moment on the phone's clock (not the UTC date). */
export function dayText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}
