import {
  idNumberCheckChar,
  isValidCompactDate,
  isValidIdNumber,
  isValidPhone,
  isValidPlate,
  isValidSmsCode,
} from './validators';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('when the check character matches MOD 11-2, then the number is valid', () => {
    // Arrange: the standard's own worked example.
    const id = '11010519491231002X';

    // Act / Assert
    expect(idNumberCheckChar(id.slice(0, 17))).toBe('X');
    expect(isValidIdNumber(id)).toBe(true);
    expect(isValidIdNumber(id.toLowerCase())).toBe(true);
  });

  it('when one digit is changed, then the checksum rejects it', () => {
    expect(isValidIdNumber('11010519491231003X')).toBe(false);
  });

  it('when the birth date does not exist, then the number is invalid even with a matching check char', () => {
    const first17 = '44010519900230123';
    expect(isValidIdNumber(first17 + idNumberCheckChar(first17))).toBe(false);
  });

  it('when the length or characters are wrong, then the number is invalid', () => {
    for (const bad of ['', '4401051990010112', '4401051990010112345', '44010519900101123Y', '04010519900101123X']) {
      expect(isValidIdNumber(bad)).toBe(false);
    }
  });
});

describe('dates, phones, plates and codes', () => {
  it('when a yyyyMMdd date exists, then it is valid; leap days only in leap years', () => {
    expect(isValidCompactDate('20240229')).toBe(true);
    expect(isValidCompactDate('20230229')).toBe(false);
    expect(isValidCompactDate('20241301')).toBe(false);
  });

  it('when a phone is 11 digits starting 13-19, then it is valid', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('19912345678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
    expect(isValidPhone('1381234567')).toBe(false);
    expect(isValidPhone('+8613812345678')).toBe(false);
  });

  it('when a plate follows the province + letter + 5 (or new-energy 6) pattern, then it is valid', () => {
    expect(isValidPlate('粤A12345')).toBe(true);
    expect(isValidPlate('粤A·12345')).toBe(true);
    expect(isValidPlate('粤AD12345')).toBe(true);
    expect(isValidPlate('粤A12345D')).toBe(true);
    expect(isValidPlate('粤AI2345')).toBe(false);
    expect(isValidPlate('XA12345')).toBe(false);
    expect(isValidPlate('粤A1234')).toBe(false);
  });

  it('when an SMS code is exactly six digits, then it is valid', () => {
    expect(isValidSmsCode('012345')).toBe(true);
    expect(isValidSmsCode('12345')).toBe(false);
    expect(isValidSmsCode('12345a')).toBe(false);
  });
});
