import { idNumberCheckChar } from '@suijing/shared/validators';
import { bookingFor, validateBookingFor, type BookingForInput } from '@/packages/halls/utils/validate';

const FIRST17 = '44010619500101123';
const VALID_ID = `${FIRST17}${idNumberCheckChar(FIRST17)}`;
const WRONG_CHECK = `${FIRST17}${idNumberCheckChar(FIRST17) === '0' ? '1' : '0'}`;

const FILLED: BookingForInput = {
  name: '李秀英',
  idNumber: VALID_ID,
  phone: '13900139000',
  relation: '母亲',
  consent: true,
};

describe('为他人预约 validation', () => {
  it('when everything is filled correctly, then there is no problem and the block is sent trimmed', () => {
    expect(validateBookingFor(FILLED)).toEqual({});
    expect(bookingFor({ ...FILLED, name: ' 李秀英 ', idNumber: VALID_ID.toLowerCase() })).toEqual({
      ...FILLED,
      idNumber: VALID_ID.toUpperCase(),
      consent: true,
    });
  });

  it('when the ID number fails its checksum, then the ID field is flagged', () => {
    expect(validateBookingFor({ ...FILLED, idNumber: WRONG_CHECK })).toEqual({
      idNumber: '请填写有效的 18 位居民身份证号码',
    });
  });

  it('when consent is not given, then the booking may not be sent', () => {
    expect(validateBookingFor({ ...FILLED, consent: false })).toEqual({ consent: '代他人预约须取得其本人同意' });
  });

  it('when everything is empty, then every field says what is missing', () => {
    const errors = validateBookingFor({ name: '', idNumber: '', phone: '', relation: '', consent: false });
    expect(Object.keys(errors).sort()).toEqual(['consent', 'idNumber', 'name', 'phone', 'relation']);
    expect(validateBookingFor({ ...FILLED, phone: '1234' }).phone).toBe('请输入 11 位手机号码');
  });
});
