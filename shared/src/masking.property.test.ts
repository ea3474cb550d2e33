import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone, maskPlate } from './masking';

/**
 * Property-based tests (fast-check) for the masking helpers: whatever they are
 * given, no personal number comes out in full.
 */

const RUNS = { numRuns: 500 };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const codePoints = (value: string): string[] => Array.from(value);

/** ISO 7064 MOD 11-2, from its definition (independent of the implementation). */
function mod112CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

const digitString = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

const validIdNumber = fc
  .tuple(
    fc.integer({ min: 100000, max: 999999 }),
    fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([area, birth, seq]) => {
    const first17 = `${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${pad(seq, 3)}`;
    return first17 + mod112CheckChar(first17);
  });

const validPhone = fc.tuple(fc.constantFrom(...'3456789'), digitString(9)).map(([second, rest]) => `1${second}${rest}`);

/** Any string at all: random code points (lone surrogates included), graphemes (emoji, combining marks), ASCII. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
);

interface Masker {
  name: string;
  mask: (value: string) => string;
  /** The characters of the input the helper masks (it ignores the rest, e.g. the separators of a plate). */
  significant: (value: string) => string[];
  /** Output characters that are decoration, not input: the mask and the plate's middle dot. */
  decoration: string;
}

const maskers: Masker[] = [
  { name: 'maskIdNumber', mask: maskIdNumber, significant: codePoints, decoration: '*' },
  { name: 'maskPhone', mask: maskPhone, significant: codePoints, decoration: '*' },
  {
    name: 'maskPlate',
    mask: maskPlate,
    significant: (value) => codePoints(value.replace(/[·\s]/g, '')),
    decoration: '*·',
  },
  { name: 'maskName', mask: maskName, significant: (value) => codePoints(value.trim()), decoration: '*' },
];

/** Output characters that come from the input. */
const shown = (masker: Masker, output: string): string[] =>
  codePoints(output).filter((c) => !masker.decoration.includes(c));

describe('property: masking an ID number', () => {
  it('when any valid ID is masked, then only the first and last four show and the length is kept', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        // Act
        const masked = maskIdNumber(id);

        // Assert
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`);
        expect(masked).not.toContain(id);
      }),
      RUNS,
    );
  });

  it('when any valid ID is masked, then no run of five or more of its characters survives', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const masked = maskIdNumber(id);
        for (let start = 0; start + 5 <= id.length; start += 1) {
          expect(masked).not.toContain(id.slice(start, start + 5));
        }
        expect(masked).not.toMatch(/[0-9Xx]{5,}/);
      }),
      RUNS,
    );
  });
});

describe('property: masking a phone number', () => {
  it('when any valid phone is masked, then the first three and last four digits stay', () => {
    fc.assert(
      fc.property(validPhone, (phone) => {
        expect(maskPhone(phone)).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
      RUNS,
    );
  });
});

describe('counterexamples the properties found', () => {
  it('when a plate has exactly four characters, then none of them shows (was returned unchanged)', () => {
    expect(maskPlate('粤A·12')).toBe('****');
    expect(maskPlate('+!!!')).toBe('****');
  });

  it('when a name has a single character, then it is hidden too (was shown in full)', () => {
    expect(maskName('张')).toBe('*');
    expect(maskName(' 张 ')).toBe('*');
  });
});

describe.each(maskers)('property: $name on any input', (masker) => {
  it('when any string is masked, then it never throws and returns a string', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(typeof masker.mask(value)).toBe('string');
      }),
      RUNS,
    );
  });

  it('when a non-empty string is masked, then fewer of its characters show than it has (it never leaks in full)', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        // Arrange
        const significant = masker.significant(value);
        fc.pre(significant.length > 0);

        // Act
        const visible = shown(masker, masker.mask(value));

        // Assert
        expect(visible.length).toBeLessThan(significant.length);
      }),
      RUNS,
    );
  });

  it('when a string with no mask characters is masked, then the output differs from the input', () => {
    const unmasked = anyString.filter((value) => value.trim().length > 0 && !value.includes('*'));
    fc.assert(
      fc.property(unmasked, (value) => {
        expect(masker.mask(value)).not.toBe(value);
      }),
      RUNS,
    );
  });

  it('when an ID number or phone is hidden anywhere in a string, then the output contains neither it nor any 5-digit run', () => {
    const secret = fc.oneof(validIdNumber, validPhone);
    const noise = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(noise, secret, noise, (before, number, after) => {
        // Act
        const masked = masker.mask(before + number + after);

        // Assert
        expect(masked).not.toContain(number);
        expect(masked).not.toMatch(/[0-9]{5,}/);
      }),
      RUNS,
    );
  });
});
