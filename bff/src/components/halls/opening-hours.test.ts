import { isoWeekdayOfCompact } from '@suijing/shared';
import { closedState, daysText, isOpenAt, opensOn, toOpeningHours } from './opening-hours';

const WEEKDAYS = [1, 2, 3, 4, 5];
const HOURS = [
  { weekdays: WEEKDAYS, from: '09:00', to: '17:00', extended: false },
  { weekdays: WEEKDAYS, from: '17:00', to: '20:00', extended: true },
  { weekdays: [6], from: '09:00', to: '12:00', extended: true },
];

/** Beijing wall-clock time as an instant. */
const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('opening hours', () => {
  it('when a day is given, then its weekday counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekdayOfCompact('20261130')).toBe(1);
    expect(isoWeekdayOfCompact('20261129')).toBe(7);
  });

  it.each([
    [[1, 2, 3, 4, 5], '周一至周五'],
    [[1, 2, 3, 4, 5, 6, 7], '每天'],
    [[6], '周六'],
    [[6, 7], '周六、周日'],
  ])('when the days are %j, then they read %s', (weekdays, text) => {
    expect(daysText(weekdays)).toBe(text);
  });

  it.each([
    ['2026-11-30T08:59:00', false],
    ['2026-11-30T09:00:00', true],
    ['2026-11-30T19:59:00', true],
    ['2026-11-30T20:00:00', false],
    ['2026-11-28T11:00:00', true],
    ['2026-11-29T11:00:00', false],
  ])('when it is %s in Beijing, then open is %s', (at, open) => {
    expect(isOpenAt(HOURS, beijing(at))).toBe(open);
  });

  it('when a day has no hours, then the hall does not open on it', () => {
    expect(opensOn(HOURS, '20261129')).toBe(false);
    expect(opensOn(HOURS, '20261128')).toBe(true);
  });

  it('when hours are shown, then the 5+X extended ones are marked', () => {
    expect(toOpeningHours(HOURS)).toEqual([
      { days: '周一至周五', from: '09:00', to: '17:00', extended: false },
      { days: '周一至周五', from: '17:00', to: '20:00', extended: true },
      { days: '周六', from: '09:00', to: '12:00', extended: true },
    ]);
  });

  it.each([
    ['2026-11-30T10:00:00', undefined],
    ['2026-11-30T07:30:00', { reason: 'not-yet', nextOpenAt: '2026-11-30T09:00+08:00' }],
    ['2026-11-30T20:30:00', { reason: 'after-hours', nextOpenAt: '2026-12-01T09:00+08:00' }],
    ['2026-11-28T12:30:00', { reason: 'after-hours', nextOpenAt: '2026-11-30T09:00+08:00' }],
    ['2026-11-29T10:00:00', { reason: 'day-off', nextOpenAt: '2026-11-30T09:00+08:00' }],
  ])('when it is %s in Beijing, then the closed state is %j', (at, closed) => {
    expect(closedState(HOURS, beijing(at))).toEqual(closed);
  });

  it('when a hall has no hours at all, then it is closed with no next opening', () => {
    expect(closedState([], beijing('2026-11-30T10:00:00'))).toEqual({ reason: 'day-off' });
  });
});
