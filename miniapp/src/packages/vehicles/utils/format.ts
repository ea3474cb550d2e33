import type { Deadline, Severity, TrafficFreshness, VehicleSummary, ViolationListQuery } from '@suijing/shared';
import { ageText } from '@/utils/catalog-format';

/** How the traffic system's answers read and look to a citizen: plates, deadlines, points, filters. */

type PlateColour = VehicleSummary['plateColour'];

/**
 * The plate as drawn on the car: blue with white text (小型汽车), gradient
 * green with black text (新能源), yellow with black text (大型汽车), yellow-green
 * (大型新能源), white (警用 etc.) and black (使馆/港澳). The BFF gives the colour
 * of the real plate, so the card follows it rather than guessing from the kind.
 */
export function plateStyle(colour: PlateColour): { className: string; textTone: 'light' | 'dark' } {
  const textTone = colour === 'blue' || colour === 'black' ? 'light' : 'dark';
  return { className: `plate plate--${colour} plate--text-${textTone}`, textTone };
}

/** Badge colour of a status or of the whole vehicle/licence. */
export const SEVERITY_TONE: Record<Severity, string> = {
  ok: 'sj-badge--success',
  notice: 'sj-badge--primary',
  warning: 'sj-badge--warning',
  danger: 'sj-badge--danger',
};

export const DEADLINE_TONE: Record<Deadline['state'], string> = {
  ok: 'sj-badge--success',
  'long-term': 'sj-badge--success',
  soon: 'sj-badge--warning',
  today: 'sj-badge--danger',
  overdue: 'sj-badge--danger',
};

/**
 * "距检验有效期止 30 天", "今天到期", "已逾期 1 天", "长期有效": the countdown to a
 * deadline (`what` names it, e.g. 检验有效期止). 0 is today; negative is overdue.
 */
export function countdownText(deadline: Pick<Deadline, 'daysLeft' | 'state'>, what: string): string {
  const { daysLeft } = deadline;
  if (deadline.state === 'long-term') return '长期有效';
  if (daysLeft === 0) return '今天到期';
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  return `距${what} ${daysLeft} 天`;
}

/** The points reset is not a deadline one can miss: it just happens. */
export function pointsResetText(daysLeft: number): string {
  if (daysLeft <= 0) return '今天清分';
  return `距清分 ${daysLeft} 天`;
}

export type PointsTone = 'ok' | 'warning' | 'danger';

/**
 * Colour of the points gauge by points remaining of 12: green while most
 * are left, orange from 4 points used, red with 3 or fewer left (one more
 * serious violation and the licence is suspended for a study course).
 */
export function pointsTone(remaining: number): PointsTone {
  if (remaining >= 9) return 'ok';
  if (remaining >= 4) return 'warning';
  return 'danger';
}

/** "实时查询失败，以下为 5 分钟前的数据", or null for a live answer. */
export function trafficStaleText(freshness: TrafficFreshness | null | undefined): string | null {
  if (!freshness?.stale) return null;
  return `实时查询失败，以下为 ${ageText(freshness.ageSeconds, freshness.updatedAt)}的数据`;
}

export const VIOLATION_STATUS_TABS = [
  { key: 'unhandled', title: '未处理' },
  { key: 'handled', title: '已处理' },
  { key: 'all', title: '全部' },
] as const satisfies ReadonlyArray<{ key: ViolationListQuery['status']; title: string }>;

export const VIOLATION_KIND_CHIPS = [
  { key: 'all', title: '全部' },
  { key: 'camera', title: '非现场' },
  { key: 'onsite', title: '现场' },
] as const satisfies ReadonlyArray<{ key: ViolationListQuery['kind']; title: string }>;

/** 200 -> "200 元", 12.5 -> "12.50 元". */
export function yuanText(amount: number): string {
  return `${Number.isInteger(amount) ? amount : amount.toFixed(2)} 元`;
}

/** 2026-03-05T08:30:00+08:00 -> 2026-03-05 08:30, in China time whatever the device's zone. */
export function violationTimeText(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 2026-11-28 16:05:32 on the device's clock: the e-card's watermark, so a screenshot shows its age. */
export function clockText(now: Date): string {
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ` +
    `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`
  );
}
