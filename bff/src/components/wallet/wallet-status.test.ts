import { byDate, daysUntil, judgeTrafficRecord } from './wallet-status';

const TEXTS = { expired: '已过期', expiring: (days: number) => `还剩 ${days} 天` };

describe('wallet statuses from dates and the words of the system of record', () => {
  it('when a certificate ends in 30 days, then it is expiring; in 31 valid; yesterday expired; 长期 valid', () => {
    // Arrange
    const today = '2026-12-06';

    // Act
    const statuses = ['2027-01-05', '2027-01-06', '2026-12-05', '2026-12-06', '长期'].map((day) => byDate(day, today));

    // Assert
    expect(statuses).toEqual(['expiring', 'valid', 'expired', 'expiring', 'valid']);
    expect(daysUntil('2027-01-05', today)).toBe(30);
    expect(daysUntil('长期', today)).toBeUndefined();
  });

  it('when the record says 吊销 or 注销, then it is revoked whatever the date', () => {
    // Act
    const judged = judgeTrafficRecord(
      [{ code: 'F', text: '吊销', severity: 'danger' }],
      '2030-01-01',
      '2026-12-06',
      TEXTS,
    );

    // Assert
    expect(judged).toEqual({ status: 'revoked', statusText: '吊销' });
  });

  it('when the record says 暂扣 or 超分, then it is suspended and says it cannot be shown', () => {
    // Act
    const judged = judgeTrafficRecord(
      [
        { code: 'D', text: '暂扣', severity: 'danger' },
        { code: 'H', text: '违法未处理', severity: 'warning' },
      ],
      '2030-01-01',
      '2026-12-06',
      TEXTS,
    );

    // Assert
    expect(judged).toEqual({ status: 'suspended', statusText: '暂扣，暂不能出示' });
  });

  it('when the date has passed or the record says 逾期未检验, then it is expired; a warning alone keeps it valid', () => {
    // Act
    const byDay = judgeTrafficRecord([{ code: 'A', text: '正常', severity: 'ok' }], '2026-12-05', '2026-12-06', TEXTS);
    const byWord = judgeTrafficRecord(
      [{ code: 'Q', text: '逾期未检验', severity: 'danger' }],
      '2027-06-01',
      '2026-12-06',
      TEXTS,
    );
    const warned = judgeTrafficRecord(
      [{ code: 'H', text: '违法未处理', severity: 'warning' }],
      '2030-01-01',
      '2026-12-06',
      TEXTS,
    );
    const soon = judgeTrafficRecord([{ code: 'A', text: '正常', severity: 'ok' }], '2026-12-16', '2026-12-06', TEXTS);

    // Assert
    expect([byDay.status, byWord.status, warned.status]).toEqual(['expired', 'expired', 'valid']);
    expect(soon).toEqual({ status: 'expiring', statusText: '还剩 10 天' });
  });
});
