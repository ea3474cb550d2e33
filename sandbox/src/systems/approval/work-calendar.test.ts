import { fromCompactDate } from '../../legacy/dates';
import { readHolidayTable, WorkCalendar, workCalendar } from './work-calendar';

describe('work calendar', () => {
  const calendar = workCalendar();

  it('when a day is a statutory holiday, a weekend, or an adjusted working Saturday, then it counts accordingly', () => {
    // Arrange
    const days = ['20261001', '20261007', '20261008', '20261010', '20261011', '20260920', '20260919', '20260216'];

    // Act
    const working = days.map((day) => calendar.isWorkingDay(day));

    // Assert
    expect(working).toEqual([false, false, true, true, false, true, false, false]);
  });

  it('when 7 working days are counted from the day before National Day 2026, then the holiday is skipped and the 调休 Saturday counts', () => {
    // Arrange
    const submittedOn = '20260930';

    // Act
    const due = calendar.addWorkingDays(submittedOn, 7);

    // Assert: Oct 8, 9, 10 (Saturday, a working day), 12, 13, 14, 15.
    expect(due).toBe('20261015');
  });

  it('when 0 working days are counted from a holiday, then it is the next working day', () => {
    // Arrange / Act
    const sameDay = calendar.addWorkingDays('20260930', 0);
    const afterHoliday = calendar.addWorkingDays('20261003', 0);

    // Assert
    expect(sameDay).toBe('20260930');
    expect(afterHoliday).toBe('20261008');
  });

  it('when working days between two days are counted, then the first day is not counted, the last is, and holidays are skipped', () => {
    // Arrange / Act
    const acrossNationalDay = calendar.workingDaysBetween('20260930', '20261010');
    const sameDay = calendar.workingDaysBetween('20261012', '20261012');
    const backwards = calendar.workingDaysBetween('20261013', '20261012');

    // Assert: Oct 8, 9 and the 调休 Saturday Oct 10.
    expect(acrossNationalDay).toBe(3);
    expect(sameDay).toBe(0);
    expect(backwards).toBe(0);
  });

  it('when a year is not in the table, then only weekends are off', () => {
    // Arrange
    const bare = new WorkCalendar({});

    // Act / Assert
    expect(bare.isWorkingDay('20261001')).toBe(true);
    expect(bare.addWorkingDays('20261002', 1)).toBe('20261005');
  });

  it('when the holiday file is read, then 2025 to 2027 are there, adjusted working days are weekend days and never holidays', () => {
    // Arrange
    const table = readHolidayTable();
    const weekday = (day: string): number =>
      new Date((fromCompactDate(day)?.getTime() ?? 0) + 8 * 3_600_000).getUTCDay();

    // Act
    const years = Object.keys(table).sort();
    const workdays = Object.values(table).flatMap((year) => year.workdays);
    const holidays = new Set(Object.values(table).flatMap((year) => year.holidays));

    // Assert
    expect(years).toEqual(['2025', '2026', '2027']);
    expect(workdays.filter((day) => weekday(day) !== 0 && weekday(day) !== 6)).toEqual([]);
    expect(workdays.filter((day) => holidays.has(day))).toEqual([]);
    expect(holidays.has('20251001')).toBe(true);
    expect(holidays.has('20260215')).toBe(true);
  });
});
