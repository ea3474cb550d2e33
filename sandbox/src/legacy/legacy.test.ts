import { addDaysCompact, fromCompactDate, fromCompactDateTime, toCompactDate, toCompactDateTime } from './dates';
import { LEGACY_ERRORS, legacyFail, legacyOk } from './envelope';
import { joinStatusLetters, legacyFlag, renameFields, splitStatusLetters } from './fields';

describe('legacy envelope', () => {
  it('when a result is wrapped, then it is {code: "0000", msg: "成功", data}', () => {
    // Arrange / Act
    const envelope = legacyOk({ hphm: '粤A12345' });

    // Assert
    expect(envelope).toEqual({ code: '0000', msg: '成功', data: { hphm: '粤A12345' } });
  });

  it('when an error is wrapped, then it carries its code and message only; "0000" is refused as an error', () => {
    // Arrange / Act
    const failure = legacyFail(LEGACY_ERRORS.SYSTEM_BUSY);

    // Assert
    expect(failure).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
    expect(() => legacyFail({ code: '0000', msg: '成功' })).toThrow();
  });
});

describe('legacy dates (Beijing time)', () => {
  it('when an instant late in the UTC day is formatted, then the Beijing calendar day is used', () => {
    // Arrange
    const instant = new Date('2026-11-28T17:04:05Z');

    // Act / Assert
    expect(toCompactDate(instant)).toBe('20261129');
    expect(toCompactDateTime(instant)).toBe('20261129010405');
  });

  it('when compact dates are parsed, then they round-trip and impossible ones are refused', () => {
    // Arrange / Act / Assert
    expect(fromCompactDate('20261129')?.toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(fromCompactDateTime('20261129010405')?.toISOString()).toBe('2026-11-28T17:04:05.000Z');
    expect(fromCompactDate('20260230')).toBeUndefined();
    expect(fromCompactDateTime('20261129250000')).toBeUndefined();
    expect(addDaysCompact('20261231', 1)).toBe('20270101');
  });
});

describe('legacy field naming', () => {
  it('when a readable record is renamed, then mapped keys take their pinyin abbreviations and the rest stay', () => {
    // Arrange
    const vehicle = { plate: '粤A12345', plateType: '02', owner: '陈伟', note: 'x' };

    // Act
    const legacy = renameFields(vehicle, { plate: 'hphm', plateType: 'hpzl', owner: 'syr' });

    // Assert
    expect(legacy).toEqual({ hphm: '粤A12345', hpzl: '02', syr: '陈伟', note: 'x' });
    const typed: { hphm: string; hpzl: string; syr: string; note: string } = legacy;
    expect(typed.hphm).toBe('粤A12345');
  });

  it('when flags and status letters are encoded, then they use "1"/"0" and sorted letter strings', () => {
    // Arrange / Act / Assert
    expect(legacyFlag(true)).toBe('1');
    expect(legacyFlag(false)).toBe('0');
    expect(joinStatusLetters(['H', 'A', 'H'])).toBe('AH');
    expect(splitStatusLetters('AH')).toEqual(['A', 'H']);
  });
});
