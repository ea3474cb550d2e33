import fc from 'fast-check';
import { addDaysCompact, fromCompactDate, toCompactDate } from './compact-dates';
import { isValidCompactDate, isValidIdNumber, isValidPhone, isValidPlate } from './validators';

/**
 * Property-based tests (fast-check) for the shared validators and the compact
 * dates of the legacy systems. The oracles below are written from the
 * standards, not from the implementation, so the two can disagree.
 */

const RUNS = { numRuns: 500 };
const DAY_MS = 24 * 60 * 60 * 1000;
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Independent oracles
// ---------------------------------------------------------------------------

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO 7064 MOD 11-2 from its definition: weight_i = 2^(17-i) mod 11, check = (12 - sum mod 11) mod 11, 10 -> X. */
function mod112CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** GB 11643-1999 as the validator documents it: no leading 0, a real birth date from 1900 to today, MOD 11-2, X or x. */
function idOracle(value: string): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const today = new Date(Date.now() + BEIJING_OFFSET_MS);
  const born = Date.UTC(year, month - 1, day);
  if (born > Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) return false;
  return mod112CheckChar(value.slice(0, 17)) === value.charAt(17).toUpperCase();
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

const DIGITS = '0123456789';
const digitChar = fc.constantFrom(...DIGITS);
const digitString = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: digitChar, minLength: length, maxLength: length });

/** Any string at all: random code points (lone surrogates included) or graphemes (emoji, combining marks). */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);

/** A real calendar day as yyyyMMdd between the given years. */
const realDay = (minYear: number, maxYear: number): fc.Arbitrary<string> =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      dayIndex: fc.nat(),
    })
    .map(({ year, month, dayIndex }) => {
      const day = (dayIndex % daysInMonth(year, month)) + 1;
      return `${pad(year, 4)}${pad(month)}${pad(day)}`;
    });

/** An 8-digit string that is not a real date: day 00 or past the month's end, or month 00 or 13-99. */
const impossibleDay = fc.oneof(
  fc
    .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), excess: fc.nat() })
    .map(({ year, month, excess }) => {
      const first = daysInMonth(year, month) + 1;
      return `${pad(year, 4)}${pad(month)}${pad(first + (excess % (100 - first)))}`;
    }),
  fc
    .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => `${pad(year, 4)}${pad(month)}00`),
  fc
    .record({
      year: fc.integer({ min: 1900, max: 2099 }),
      month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => `${pad(year, 4)}${pad(month)}${pad(day)}`),
);

const birthDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).replace(/-/g, ''));

const region = fc.integer({ min: 100000, max: 999999 }).map(String);
const sequence = fc.integer({ min: 0, max: 999 }).map((n) => pad(n, 3));

const withCheckChar = (first17: string): string => first17 + mod112CheckChar(first17);

/** A valid resident ID: region, a real birth date from 1900 to today, sequence, MOD 11-2 check char. */
const validIdNumber = fc
  .tuple(region, birthDay, sequence)
  .map(([area, birth, seq]) => withCheckChar(`${area}${birth}${seq}`));

const ID_CHECK_ALPHABET = '0123456789X';

/** A valid ID with exactly one character replaced by another of its position's alphabet. */
const idWithOneCharChanged = fc
  .record({ id: validIdNumber, position: fc.integer({ min: 0, max: 17 }), shift: fc.integer({ min: 1, max: 10 }) })
  .map(({ id, position, shift }) => {
    const alphabet = position === 17 ? ID_CHECK_ALPHABET : DIGITS;
    const step = 1 + ((shift - 1) % (alphabet.length - 1));
    const replacement = alphabet.charAt((alphabet.indexOf(id.charAt(position)) + step) % alphabet.length);
    return { id, changed: id.slice(0, position) + replacement + id.slice(position + 1) };
  });

const SECOND_PHONE_DIGITS = '3456789';
const validPhone = fc
  .tuple(fc.constantFrom(...SECOND_PHONE_DIGITS), digitString(9))
  .map(([second, rest]) => `1${second}${rest}`);

// Copied here on purpose: a province dropped from the implementation shows up as a failure.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O, they read as 1 and 0
const PLATE_ALNUM = PLATE_LETTERS + DIGITS;
const province = fc.constantFrom(...PROVINCES);
const plateLetter = fc.constantFrom(...PLATE_LETTERS);
const plateAlnum = fc.constantFrom(...PLATE_ALNUM);
const plateChars = (length: number, unit: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.string({ unit, minLength: length, maxLength: length });

/** Province + letter + 4 letters/digits + a letter/digit or 挂学警港澳 (7 chars). */
const regularPlate = fc
  .tuple(province, plateLetter, plateChars(4, plateAlnum), fc.oneof(plateAlnum, fc.constantFrom(...'挂学警港澳')))
  .map((parts) => parts.join(''));

/** New-energy plates (8 chars): D/F + letter/digit + 4 digits, or 5 digits + D/F. */
const newEnergyPlate = fc.oneof(
  fc.tuple(province, plateLetter, fc.constantFrom('D', 'F'), plateAlnum, digitString(4)).map((parts) => parts.join('')),
  fc.tuple(province, plateLetter, digitString(5), fc.constantFrom('D', 'F')).map((parts) => parts.join('')),
);

const validPlate = fc.oneof(regularPlate, newEnergyPlate);

// ---------------------------------------------------------------------------
// Resident ID numbers
// ---------------------------------------------------------------------------

describe('property: resident ID numbers (GB 11643-1999)', () => {
  it('when an ID has a real birth date from 1900 to today and a MOD 11-2 check char, then it is valid', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        expect(isValidIdNumber(id)).toBe(true);
      }),
      RUNS,
    );
  });

  it('when any single character of a valid ID is changed, then it is invalid', () => {
    fc.assert(
      fc.property(idWithOneCharChanged, ({ changed }) => {
        expect(isValidIdNumber(changed)).toBe(false);
      }),
      RUNS,
    );
  });

  it('when a valid ID ends in X and is written with a lower-case x, then it is still valid (as documented)', () => {
    fc.assert(
      fc.property(
        validIdNumber.filter((id) => id.endsWith('X')),
        (id) => {
          expect(isValidIdNumber(id.toLowerCase())).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('when the birth date does not exist (Feb 30, day 00, month 13...), then the ID is invalid even with a matching check char', () => {
    fc.assert(
      fc.property(region, impossibleDay, sequence, (area, birth, seq) => {
        expect(isValidIdNumber(withCheckChar(`${area}${birth}${seq}`))).toBe(false);
      }),
      RUNS,
    );
  });

  it('when the birth year is before 1900 or the region starts with 0, then the ID is invalid', () => {
    const early = fc
      .tuple(region, realDay(1000, 1899), sequence)
      .map(([area, birth, seq]) => withCheckChar(`${area}${birth}${seq}`));
    const zeroRegion = fc
      .tuple(digitString(5), birthDay, sequence)
      .map(([area, birth, seq]) => withCheckChar(`0${area}${birth}${seq}`));
    fc.assert(
      fc.property(fc.oneof(early, zeroRegion), (id) => {
        expect(isValidIdNumber(id)).toBe(false);
      }),
      RUNS,
    );
  });

  it('when the birth date is after today, then the ID is invalid even with a matching check char', () => {
    const thisYear = new Date().getUTCFullYear();
    fc.assert(
      fc.property(region, realDay(thisYear + 1, 2999), sequence, (area, birth, seq) => {
        expect(isValidIdNumber(withCheckChar(`${area}${birth}${seq}`))).toBe(false);
      }),
      RUNS,
    );
  });

  it('when a string has any length other than 18, then it is not a valid ID', () => {
    const idLike = fc.string({ unit: fc.constantFrom(...'0123456789Xx'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(idLike, anyString), (value) => {
        fc.pre(value.length !== 18);
        expect(isValidIdNumber(value)).toBe(false);
      }),
      RUNS,
    );
  });

  it('when any ID-like string is checked, then the validator agrees with the GB 11643 oracle', () => {
    const candidates = fc.oneof(
      validIdNumber,
      idWithOneCharChanged.map(({ changed }) => changed),
      fc.string({ unit: fc.constantFrom(...'0123456789Xx'), minLength: 18, maxLength: 18 }),
      fc
        .tuple(region, fc.oneof(birthDay, impossibleDay), sequence, fc.constantFrom(...'0123456789Xx'))
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(candidates, (value) => {
        expect(isValidIdNumber(value)).toBe(idOracle(value));
      }),
      RUNS,
    );
  });

  it('when an arbitrary unicode string is checked, then the validator never throws', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(typeof isValidIdNumber(value)).toBe('boolean');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------

const FULL_WIDTH_DIGIT_ZERO = 0xff10;
/** Eleven digits starting with 1 and any second digit: the prefix rule decides. */
const phoneShaped = fc.tuple(digitChar, digitString(9)).map(([second, rest]) => `1${second}${rest}`);

describe('property: mobile phone numbers', () => {
  it('when a number is 11 ASCII digits starting 13-19, then it is valid', () => {
    fc.assert(
      fc.property(validPhone, (phone) => {
        expect(isValidPhone(phone)).toBe(true);
      }),
      RUNS,
    );
  });

  it('when a digit string has another length or prefix, then it is invalid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: digitChar, maxLength: 20 }), digitString(11), phoneShaped), (value) => {
        const expected = value.length === 11 && value.startsWith('1') && SECOND_PHONE_DIGITS.includes(value.charAt(1));
        expect(isValidPhone(value)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('when a valid number gets a non-digit, a full-width digit or whitespace anywhere, then it is invalid', () => {
    const nonDigit = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !/^[0-9]$/.test(c));
    const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2028', '\ufeff');
    fc.assert(
      fc.property(
        validPhone,
        fc.integer({ min: 0, max: 11 }),
        fc.oneof(nonDigit, whitespace),
        fc.boolean(),
        (phone, position, inserted, replace) => {
          // Arrange: insert the character, or turn the digit at that position full-width.
          const digit = phone.charAt(Math.min(position, 10));
          const fullWidth = String.fromCharCode(FULL_WIDTH_DIGIT_ZERO + Number(digit));
          const index = Math.min(position, 10);
          const bad = replace
            ? phone.slice(0, index) + fullWidth + phone.slice(index + 1)
            : phone.slice(0, position) + inserted + phone.slice(position);

          // Act / Assert
          expect(isValidPhone(bad)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('when a valid number is written with a +86 or 0086 prefix, then it is invalid (bare numbers only)', () => {
    fc.assert(
      fc.property(validPhone, fc.constantFrom('+86', '0086', '86', '+86 '), (phone, prefix) => {
        expect(isValidPhone(prefix + phone)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('when an arbitrary unicode string is checked, then the phone validator never throws', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(typeof isValidPhone(value)).toBe('boolean');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Plates
// ---------------------------------------------------------------------------

describe('property: vehicle plates', () => {
  it('when a plate is province + letter + 5 letters/digits (or 6 for new-energy D/F), then it is valid', () => {
    fc.assert(
      fc.property(validPlate, (plate) => {
        expect(isValidPlate(plate)).toBe(true);
      }),
      RUNS,
    );
  });

  it('when middle dots and whitespace are inserted anywhere in a valid plate, then it stays valid', () => {
    const separators = fc.string({ unit: fc.constantFrom('·', ' ', '\t', '\u3000', '\u00a0'), maxLength: 3 });
    fc.assert(
      fc.property(validPlate, fc.array(separators, { minLength: 9, maxLength: 9 }), (plate, seps) => {
        // Arrange
        const chars = Array.from(plate);
        const spaced = seps[0] + chars.map((c, i) => c + (seps[i + 1] ?? '')).join('');

        // Act / Assert
        expect(isValidPlate(spaced)).toBe(true);
      }),
      RUNS,
    );
  });

  it('when a valid plate is written in lower case, then it is invalid (the validator does not fold case)', () => {
    fc.assert(
      fc.property(validPlate, (plate) => {
        expect(isValidPlate(plate.toLowerCase())).toBe(false);
      }),
      RUNS,
    );
  });

  it('when any letter or digit of a valid plate becomes I or O, then it is invalid', () => {
    fc.assert(
      fc.property(validPlate, fc.nat(), fc.constantFrom('I', 'O'), (plate, index, letter) => {
        const position = 1 + (index % (plate.length - 1));
        expect(isValidPlate(plate.slice(0, position) + letter + plate.slice(position + 1))).toBe(false);
      }),
      RUNS,
    );
  });

  it('when the first character is not a province abbreviation, then the plate is invalid', () => {
    const notProvince = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => !PROVINCES.includes(c));
    fc.assert(
      fc.property(validPlate, notProvince, (plate, first) => {
        expect(isValidPlate(first + plate.slice(1))).toBe(false);
      }),
      RUNS,
    );
  });

  it('when a regular plate loses a character, or any plate gets two more, then it is invalid', () => {
    fc.assert(
      fc.property(regularPlate, validPlate, fc.nat(), plateChars(2, plateAlnum), (regular, plate, index, extra) => {
        const position = index % regular.length;
        expect(isValidPlate(regular.slice(0, position) + regular.slice(position + 1))).toBe(false);
        expect(isValidPlate(plate + extra)).toBe(false);
      }),
      RUNS,
    );
  });

  it('when an arbitrary unicode string is checked, then the plate validator never throws', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(typeof isValidPlate(value)).toBe('boolean');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------
// Compact dates (yyyyMMdd in Beijing time)
// ---------------------------------------------------------------------------

/** Instants whose Beijing day has a four-digit year. */
const instant = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('9999-12-30T00:00:00Z'),
  noInvalidDate: true,
});

const beijingDayOracle = (date: Date): string =>
  new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');

describe('property: compact dates', () => {
  it('when any instant is written as a compact date, then it is its Beijing day and reads back as that day’s midnight', () => {
    fc.assert(
      fc.property(instant, (date) => {
        // Act
        const day = toCompactDate(date);
        const midnight = fromCompactDate(day);

        // Assert
        expect(day).toBe(beijingDayOracle(date));
        expect(isValidCompactDate(day)).toBe(true);
        expect(midnight).toBeDefined();
        const start = midnight?.getTime() ?? Number.NaN;
        expect(start).toBeLessThanOrEqual(date.getTime());
        expect(date.getTime() - start).toBeLessThan(DAY_MS);
        expect(toCompactDate(new Date(start))).toBe(day);
      }),
      RUNS,
    );
  });

  it('when a real day is parsed, then it is Beijing midnight and formats back to the same string', () => {
    fc.assert(
      fc.property(realDay(1900, 9999), (day) => {
        const midnight = fromCompactDate(day);
        expect(midnight).toBeDefined();
        const time = midnight?.getTime() ?? Number.NaN;
        expect(Math.abs((time + BEIJING_OFFSET_MS) % DAY_MS)).toBe(0);
        expect(toCompactDate(new Date(time))).toBe(day);
      }),
      RUNS,
    );
  });

  it('when a string is not a real yyyyMMdd day, then fromCompactDate rejects it', () => {
    const wrongShape = anyString.filter((value) => !/^\d{8}$/.test(value));
    fc.assert(
      fc.property(fc.oneof(impossibleDay, wrongShape), (value) => {
        expect(isValidCompactDate(value)).toBe(false);
        expect(fromCompactDate(value)).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('when any 8-digit string with a year from 1000 is checked, then isValidCompactDate agrees with the calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (year, month, day) => {
          const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
          expect(isValidCompactDate(`${year}${pad(month)}${pad(day)}`)).toBe(real);
        },
      ),
      RUNS,
    );
  });

  it('when days are added to a compact date, then the result is the calendar day that many days later', () => {
    fc.assert(
      fc.property(realDay(1900, 2200), fc.integer({ min: -36500, max: 36500 }), (day, days) => {
        // Arrange: the expected day, by plain UTC calendar arithmetic.
        const y = Number(day.slice(0, 4));
        const m = Number(day.slice(4, 6));
        const d = Number(day.slice(6, 8));
        const expected = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10).replace(/-/g, '');

        // Act / Assert
        expect(addDaysCompact(day, days)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('when days are added in two steps, then it is the same as adding their sum, and adding 0 changes nothing', () => {
    fc.assert(
      fc.property(
        realDay(1900, 2200),
        fc.integer({ min: -20000, max: 20000 }),
        fc.integer({ min: -20000, max: 20000 }),
        (day, a, b) => {
          const first = addDaysCompact(day, a);
          expect(first).toBeDefined();
          expect(addDaysCompact(first ?? '', b)).toBe(addDaysCompact(day, a + b));
          expect(addDaysCompact(day, 0)).toBe(day);
        },
      ),
      RUNS,
    );
  });

  it('when the start is not a real day, then addDaysCompact returns undefined', () => {
    fc.assert(
      fc.property(fc.oneof(impossibleDay, anyString), fc.integer(), (value, days) => {
        fc.pre(!isValidCompactDate(value));
        expect(addDaysCompact(value, days)).toBeUndefined();
      }),
      RUNS,
    );
  });
});
