import type { Appointment, AppointmentList, HallSummary, Slot, StationQuery, Ticket } from '@suijing/shared';

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

const CLOSED_TEXT: Record<NonNullable<HallSummary['closed']>['reason'], string> = {
  'not-yet': '未开门',
  'after-hours': '已下班',
  'day-off': '今日不开放',
};

/**
 * 营业中, or why the hall is closed and when it opens ("已下班 · 明天 09:00
 * 开放"): a closed hall has no wait, and an empty queue there is not 无需等候.
 */
export function openText(
  hall: Pick<HallSummary, 'openNow' | 'closed'>,
  today: string = beijingToday(),
): { text: string; tone: string; open: boolean } {
  if (hall.openNow) return { text: '营业中', tone: 'sj-badge--success', open: true };
  const why = hall.closed ? CLOSED_TEXT[hall.closed.reason] : '暂停办理';
  const next = nextOpenText(hall.closed?.nextOpenAt, today);
  return { text: next ? `${why} · ${next}` : why, tone: 'sj-badge--muted', open: false };
}

/** "今天 09:00 开放", "明天 09:00 开放", "周一 09:00 开放" (the next opening is within a week). */
export function nextOpenText(nextOpenAt: string | undefined, today: string = beijingToday()): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(nextOpenAt ?? '');
  if (!match?.[1] || !match[2]) return null;
  const day = match[1];
  const diff = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const when = diff === 0 ? '今天' : diff === 1 ? '明天' : diff === 2 ? '后天' : weekdayText(day);
  return `${when} ${match[2]} 开放`;
}

/** How a slot cell looks and whether it can be chosen. */
export interface SlotCell {
  state: 'open' | 'full' | 'past' | 'unavailable';
  /** "余 3", "已约满", "已过", "不可约". */
  label: string;
  disabled: boolean;
}

/**
 * `available` is the BFF's verdict for this citizen (it knows whether they
 * would go through the 60+ green channel); the places only word it. A slot
 * open through green-channel places alone says so instead of "余 0".
 */
export function slotCell(slot: Slot): SlotCell {
  // A slot that has started is over, not taken: 已约满 would send people to other days for nothing.
  if (slot.past) return { state: 'past', label: '已过', disabled: true };
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

/**
 * "近 90 天爽约 1 次（满 3 次将暂停预约）", or the block and its end. Only
 * no-shows count: cancelling in time never does.
 */
export function noShowText(
  list: Pick<AppointmentList, 'noShows' | 'noShowLimit' | 'noShowWindowDays' | 'blockedUntil'>,
): { text: string; blocked: boolean } {
  const count = `近 ${list.noShowWindowDays} 天爽约 ${list.noShows} 次`;
  if (list.blockedUntil) {
    return { text: `${count}，${dayText(list.blockedUntil)}起才能再次预约`, blocked: true };
  }
  return { text: `${count}（满 ${list.noShowLimit} 次将暂停预约一段时间）`, blocked: false };
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "改到 12月8日 10:00": the day too, as a move may be to another day. */
export function rescheduleText(choice: { date: string; slot: Pick<Slot, 'from'> }): string {
  return `改到 ${dayText(choice.date)} ${choice.slot.from}`;
}

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

/**
 * "终端编号 ZDJ4401060001", or for several machines at one place their
 * count and numbers, a run of consecutive ones as its first and last:
 * "9 台：ZDJ4401060049 至 ZDJ4401060057".
 */
export function machinesText(machines: readonly string[]): string {
  if (machines.length === 1) return `终端编号 ${machines[0] ?? ''}`;
  const runs: string[][] = [];
  for (const id of [...machines].sort()) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && follows(last, id)) run.push(id);
    else runs.push([id]);
  }
  const parts = runs.map((run) =>
    run.length > 2 ? `${run[0] ?? ''} 至 ${run[run.length - 1] ?? ''}` : run.join('、'),
  );
  return `${machines.length} 台：${parts.join('、')}`;
}

/** ZDJ4401060050 follows ZDJ4401060049: the same prefix, the number one more. */
function follows(previous: string, id: string): boolean {
  const a = /^(.*?)(\d+)$/.exec(previous);
  const b = /^(.*?)(\d+)$/.exec(id);
  if (!a?.[2] || !b?.[2] || a[1] !== b[1] || a[2].length !== b[2].length) return false;
  return Number(b[2]) === Number(a[2]) + 1;
}

export const STATION_KIND_LABEL: Record<'station' | 'terminal', string> = {
  station: '24 小时自助服务站',
  terminal: '自助终端',
};
