import type { Appointment, Slot, StationQuery, Ticket } from '@suijing/shared';

/** How halls, queues, slots, bookings and tickets read to a citizen. */

/** Guangzhou's 11 districts, for choosing one when the position is not known. */
export const GUANGZHOU_DISTRICTS = [
  '越秀',
  '海珠',
  '荔湾',
  '天河',
  '白云',
  '黄埔',
  '番禺',
  '花都',
  '南沙',
  '从化',
  '增城',
] as const;

/** The BFF stores districts by their full name (天河区); the chips show the short one. */
export function districtName(short: string): string {
  return short.endsWith('区') ? short : `${short}区`;
}

/** 0.35 -> "350 米", 2.14 -> "2.1 公里", 23.6 -> "24 公里". */
export function distanceText(km: number | undefined): string | null {
  if (km === undefined || !Number.isFinite(km) || km < 0) return null;
  if (km < 1) return `${Math.max(10, Math.round((km * 1000) / 10) * 10)} 米`;
  if (km < 10) return `${km.toFixed(1)} 公里`;
  return `${Math.round(km)} 公里`;
}

/** "预计等候 12 分钟", "无需等候" at an empty queue, null when the queue is unknown. */
export function waitText(minutes: number | undefined): string | null {
  if (minutes === undefined || !Number.isFinite(minutes) || minutes < 0) return null;
  if (minutes === 0) return '无需等候';
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `预计等候 ${hours} 小时` : `预计等候 ${hours} 小时 ${rest} 分钟`;
  }
  return `预计等候 ${minutes} 分钟`;
}

/** "约 9 分钟" for the recommendation's travel/wait/total figures. */
export function minutesText(minutes: number): string {
  if (minutes >= 60) {
    const rest = minutes % 60;
    return rest === 0 ? `约 ${Math.floor(minutes / 60)} 小时` : `约 ${Math.floor(minutes / 60)} 小时 ${rest} 分钟`;
  }
  return `约 ${minutes} 分钟`;
}

export function openText(openNow: boolean): { text: string; tone: string } {
  return openNow ? { text: '营业中', tone: 'sj-badge--success' } : { text: '已休息', tone: 'sj-badge--muted' };
}

/** How a slot cell looks and whether it can be chosen. */
export interface SlotCell {
  state: 'open' | 'full' | 'unavailable';
  /** "余 3", "已约满", "不可约". */
  label: string;
  disabled: boolean;
}

/**
 * `available` is the BFF's verdict for this citizen (it knows whether they
 * would go through the 60+ green channel); the places only word it. A slot
 * open through green-channel places alone says so instead of "余 0".
 */
export function slotCell(slot: Slot): SlotCell {
  if (!slot.available) {
    return slot.remaining <= 0
      ? { state: 'full', label: '已约满', disabled: true }
      : { state: 'unavailable', label: '不可约', disabled: true };
  }
  if (slot.remaining > 0) return { state: 'open', label: `余 ${slot.remaining}`, disabled: false };
  return { state: 'open', label: `绿色通道余 ${slot.greenRemaining}`, disabled: false };
}

export const APPOINTMENT_STATUS_TONE: Record<Appointment['status'], string> = {
  booked: 'sj-badge--primary',
  'checked-in': 'sj-badge--success',
  cancelled: 'sj-badge--muted',
  missed: 'sj-badge--danger',
};

export const TICKET_STATUS_TONE: Record<Ticket['status'], string> = {
  waiting: 'sj-badge--primary',
  called: 'sj-badge--warning',
  missed: 'sj-badge--danger',
  done: 'sj-badge--success',
};

/** "前面还有 3 人", "下一位就是您", while waiting; null otherwise. */
export function aheadText(ticket: Pick<Ticket, 'status' | 'ahead'>): string | null {
  if (ticket.status !== 'waiting') return null;
  return ticket.ahead <= 0 ? '下一位就是您' : `前面还有 ${ticket.ahead} 人`;
}

/** "本月已取消 1 次（每月最多 3 次）", with the block when there is one. */
export function cancellationText(list: {
  cancellationsThisMonth: number;
  cancellationLimit: number;
  blockedUntil?: string;
}): { text: string; blocked: boolean } {
  const count = `本月已取消 ${list.cancellationsThisMonth} 次（每月最多 ${list.cancellationLimit} 次）`;
  if (list.blockedUntil) {
    return { text: `${count}，${dayText(list.blockedUntil)}前暂不能新预约`, blocked: true };
  }
  return { text: count, blocked: false };
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 2026-12-05 -> 12月5日. */
export function dayText(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${Number(match[2])}月${Number(match[3])}日` : day;
}

/** The weekday of a yyyy-MM-dd, whatever the device's time zone. */
export function weekdayText(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? '' : (WEEKDAYS[date.getUTCDay()] ?? '');
}

/** Today in Beijing as yyyy-MM-dd: slots are Beijing wall-clock, whatever the device's zone. */
export function beijingToday(now: number = Date.now()): string {
  const time = Number.isFinite(now) ? now : Date.now();
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A date chip: "今天" / "明天" or the weekday, over "12月5日". */
export function dateChip(day: string, today: string): { top: string; bottom: string } {
  const diff = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const top = diff === 0 ? '今天' : diff === 1 ? '明天' : weekdayText(day);
  return { top, bottom: dayText(day) };
}

/** "2026年12月5日 周六 09:00-09:30" for a booking. */
export function appointmentTimeText(a: Pick<Appointment, 'date' | 'from' | 'to'>): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(a.date);
  const day = match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : a.date;
  return `${day} ${weekdayText(a.date)} ${a.from}-${a.to}`;
}

export const STATION_KINDS = [
  { key: 'all', title: '全部' },
  { key: 'station', title: '24 小时自助服务站' },
  { key: 'terminal', title: '自助终端' },
] as const satisfies ReadonlyArray<{ key: StationQuery['kind']; title: string }>;

export const STATION_KIND_LABEL: Record<'station' | 'terminal', string> = {
  station: '24 小时自助服务站',
  terminal: '自助终端',
};
