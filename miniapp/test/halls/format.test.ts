import {
  aheadText,
  appointmentTimeText,
  beijingToday,
  dateChip,
  distanceText,
  districtName,
  machinesText,
  minutesText,
  noShowText,
  openText,
  rescheduleText,
  slotCell,
  waitText,
} from '@/packages/halls/utils/format';
import { hallSummary, slot } from '../fixtures/halls';

describe('distance and wait wording', () => {
  it.each([
    [0.35, '350 米'],
    [0.004, '10 米'],
    [2.14, '2.1 公里'],
    [23.6, '24 公里'],
    [undefined, null],
  ])('when the distance is %p km, then it reads %p', (km, expected) => {
    expect(distanceText(km)).toBe(expected);
  });

  it.each([
    [12, '预计等候 12 分钟'],
    [0, '无需等候'],
    [60, '预计等候 1 小时'],
    [75, '预计等候 1 小时 15 分钟'],
    [undefined, null],
  ])('when the wait is %p minutes, then it reads %p', (minutes, expected) => {
    expect(waitText(minutes)).toBe(expected);
  });

  it('when minutes and districts are worded, then they read naturally', () => {
    expect(minutesText(9)).toBe('约 9 分钟');
    expect(minutesText(90)).toBe('约 1 小时 30 分钟');
    expect(districtName('天河')).toBe('天河区');
    expect(districtName('天河区')).toBe('天河区');
  });
});

describe('slot cells', () => {
  it('when places are left, then the cell is open with "余 N"', () => {
    expect(slotCell(slot({ remaining: 3 }))).toEqual({ state: 'open', label: '余 3', disabled: false });
  });

  it('when no place is left, then the cell is 已约满 and disabled', () => {
    expect(slotCell(slot({ remaining: 0, greenRemaining: 0, available: false }))).toEqual({
      state: 'full',
      label: '已约满',
      disabled: true,
    });
  });

  it('when only green-channel places are left for a 60+ citizen, then it says so and stays open', () => {
    expect(slotCell(slot({ remaining: 0, greenRemaining: 1, available: true }))).toEqual({
      state: 'open',
      label: '绿色通道余 1',
      disabled: false,
    });
  });

  it('when the slot is closed although places remain, then it is 不可约', () => {
    expect(slotCell(slot({ remaining: 5, available: false }))).toMatchObject({ state: 'unavailable', disabled: true });
  });

  it('when the slot has started, then it is 已过, not 已约满', () => {
    expect(slotCell(slot({ remaining: 0, greenRemaining: 0, available: false, past: true }))).toEqual({
      state: 'past',
      label: '已过',
      disabled: true,
    });
  });
});

describe('dates, queues and cancellations', () => {
  it('when it is 23:30 UTC, then it is already the next day in Beijing', () => {
    expect(beijingToday(Date.parse('2026-11-28T23:30:00Z'))).toBe('2026-11-29');
    expect(beijingToday(Number.NaN)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('when date chips are worded, then today and tomorrow are named and others get their weekday', () => {
    expect(dateChip('2026-11-28', '2026-11-28')).toEqual({ top: '今天', bottom: '11月28日' });
    expect(dateChip('2026-11-29', '2026-11-28')).toEqual({ top: '明天', bottom: '11月29日' });
    expect(dateChip('2026-11-30', '2026-11-28')).toEqual({ top: '周一', bottom: '11月30日' });
    expect(appointmentTimeText({ date: '2026-11-30', from: '09:00', to: '09:30' })).toBe(
      '2026年11月30日 周一 09:00-09:30',
    );
  });

  it('when a ticket waits, then the people ahead are counted; once called there is nothing to count', () => {
    expect(aheadText({ status: 'waiting', ahead: 3 })).toBe('前面还有 3 人');
    expect(aheadText({ status: 'waiting', ahead: 0 })).toBe('下一位就是您');
    expect(aheadText({ status: 'called', ahead: 0 })).toBeNull();
  });

  it('when bookings were missed, then the notice counts the no-shows and names the day bookings open again', () => {
    expect(noShowText({ noShows: 1, noShowLimit: 3, noShowWindowDays: 90 })).toEqual({
      text: '近 90 天爽约 1 次（满 3 次将暂停预约一段时间）',
      blocked: false,
    });
    expect(noShowText({ noShows: 3, noShowLimit: 3, noShowWindowDays: 90, blockedUntil: '2026-12-05' })).toEqual({
      text: '近 90 天爽约 3 次，12月5日起才能再次预约',
      blocked: true,
    });
  });

  it('when a booking is moved, then the button names the day as well as the time', () => {
    expect(rescheduleText({ date: '2026-12-08', slot: { from: '10:00' } })).toBe('改到 12月8日 10:00');
  });

  it('when machines stand at a place, then their numbers are shown', () => {
    expect(machinesText(['ZDJ4401060001'])).toBe('终端编号 ZDJ4401060001');
    expect(machinesText(['ZDJ4401060001', 'ZDJ4401060002'])).toBe('2 台：ZDJ4401060001、ZDJ4401060002');
    expect(machinesText(['ZDJ4401060052', 'ZDJ4401060049', 'ZDJ4401060050', 'ZDJ4401060051', 'ZDJ4401060060'])).toBe(
      '5 台：ZDJ4401060049 至 ZDJ4401060052、ZDJ4401060060',
    );
  });
});

describe('open or closed', () => {
  const today = '2026-11-30';

  it('when a hall is open, then it is 营业中', () => {
    expect(openText(hallSummary(), today)).toEqual({ text: '营业中', tone: 'sj-badge--success', open: true });
  });

  it.each([
    [{ reason: 'after-hours' as const, nextOpenAt: '2026-12-01T09:00+08:00' }, '已下班 · 明天 09:00 开放'],
    [{ reason: 'not-yet' as const, nextOpenAt: '2026-11-30T09:00+08:00' }, '未开门 · 今天 09:00 开放'],
    [{ reason: 'day-off' as const, nextOpenAt: '2026-12-04T09:00+08:00' }, '今日不开放 · 周五 09:00 开放'],
    [{ reason: 'day-off' as const }, '今日不开放'],
  ])('when a hall is closed (%j), then it reads %s and never 已休息 or a wait', (closed, text) => {
    const shown = openText(hallSummary({ openNow: false, closed, estimatedWaitMinutes: undefined }), today);
    expect(shown).toEqual({ text, tone: 'sj-badge--muted', open: false });
  });
});
