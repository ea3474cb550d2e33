import { lastDayWithoutLateFee, lateFeeFen } from './late-fee';

const FINE = 20_000; // ¥200.00
const DECIDED = '20261201';

describe('加处罚款', () => {
  it('when the decision was made on a day, then the last day without late fee is 15 days later', () => {
    // Arrange / Act
    const due = lastDayWithoutLateFee(DECIDED);

    // Assert
    expect(due).toBe('20261216');
  });

  it.each([
    { today: '20261201', days: 0, fee: 0 },
    { today: '20261216', days: 15, fee: 0 },
    { today: '20261217', days: 16, fee: 600 },
    { today: '20261218', days: 17, fee: 1200 },
    { today: '20270110', days: 40, fee: 15_000 },
    { today: '20270119', days: 49, fee: 20_000 },
    { today: '20270601', days: 182, fee: 20_000 },
  ])('when it is day $days after the decision, then the late fee is $fee fen', ({ today, fee }) => {
    // Arrange / Act
    const charged = lateFeeFen(FINE, DECIDED, today);

    // Assert
    expect(charged).toBe(fee);
  });

  it('when the fine has an odd amount, then each day is 3 % rounded to the fen and the cap is the fine', () => {
    // Arrange
    const fine = 5_050; // ¥50.50: 3 % is 151.5 fen

    // Act
    const oneDay = lateFeeFen(fine, DECIDED, '20261217');
    const farBeyond = lateFeeFen(fine, DECIDED, '20271201');

    // Assert
    expect(oneDay).toBe(152);
    expect(farBeyond).toBe(fine);
  });

  it('when the month turns, then days are counted on the calendar (Beijing days)', () => {
    // Arrange / Act
    const fee = lateFeeFen(FINE, '20260131', '20260217');

    // Assert: due 2026-02-15, two days late
    expect(fee).toBe(1200);
  });
});
