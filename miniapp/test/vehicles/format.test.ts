import {
  clockText,
  countdownText,
  plateStyle,
  pointsResetText,
  pointsTone,
  trafficStaleText,
} from '@/packages/vehicles/utils/format';
import { validateContact, validateDowngrade } from '@/packages/vehicles/utils/validate';

describe('plate style', () => {
  it.each([
    ['blue', 'light'], // 小型汽车 (hpzl 02): blue, white text
    ['green', 'dark'], // 小型新能源 (52): gradient green, black text
    ['yellow', 'dark'], // 大型汽车 (01): yellow, black text
    ['yellow-green', 'dark'], // 大型新能源 (51)
    ['white', 'dark'],
    ['black', 'light'],
  ] as const)('when the plate is %s, then its text is %s', (colour, tone) => {
    // Act
    const style = plateStyle(colour);

    // Assert
    expect(style.textTone).toBe(tone);
    expect(style.className).toBe(`plate plate--${colour} plate--text-${tone}`);
  });
});

describe('deadline countdown wording', () => {
  it.each([
    [30, '距检验有效期止 30 天'],
    [1, '距检验有效期止 1 天'],
    [0, '今天到期'],
    [-1, '已逾期 1 天'],
    [-45, '已逾期 45 天'],
  ])('when %i days are left, then it reads "%s"', (daysLeft, text) => {
    expect(countdownText({ daysLeft, state: daysLeft < 0 ? 'overdue' : 'ok' }, '检验有效期止')).toBe(text);
  });

  it('when a validity is long-term, then it reads 长期有效, not a countdown', () => {
    expect(countdownText({ daysLeft: 0, state: 'long-term' }, '有效期止')).toBe('长期有效');
  });

  it('when the points reset is today or ahead, then it never reads as overdue', () => {
    expect(pointsResetText(0)).toBe('今天清分');
    expect(pointsResetText(1)).toBe('距清分 1 天');
  });
});

describe('points gauge', () => {
  it.each([
    [12, 'ok'],
    [9, 'ok'],
    [8, 'warning'],
    [4, 'warning'],
    [3, 'danger'],
    [0, 'danger'],
  ] as const)('when %i of 12 points remain, then the gauge is %s', (remaining, tone) => {
    expect(pointsTone(remaining)).toBe(tone);
  });
});

describe('stale notice and clock', () => {
  it('when the answer is the last copy, then the notice says how old it is; a live answer has none', () => {
    const updatedAt = '2026-11-28T08:00:00.000Z';
    expect(trafficStaleText({ updatedAt, ageSeconds: 300, stale: true })).toBe('实时查询失败，以下为 5 分钟前的数据');
    expect(trafficStaleText({ updatedAt, ageSeconds: 300, stale: false })).toBeNull();
  });

  it('when the clock is read, then it shows seconds', () => {
    expect(clockText(new Date(2026, 10, 28, 9, 5, 7))).toBe('2026-11-28 09:05:07');
  });
});

describe('自愿降级 form validation', () => {
  const ALLOWED = ['B2-C1', 'B2-C2'];
  const VALID = {
    targetClass: 'B2-C1',
    phone: '13800138000',
    address: '广州市天河区体育西路 1 号',
    delivery: 'post',
  } as const;

  it('when everything is filled in, then there is nothing to fix', () => {
    expect(validateDowngrade(VALID, ALLOWED)).toEqual({});
  });

  it('when the form is empty, then each field says what it needs, in the BFF words', () => {
    // Act
    const errors = validateDowngrade({ targetClass: '', phone: '', address: '', delivery: '' }, ALLOWED);

    // Assert
    expect(errors).toEqual({
      targetClass: '请选择降级后的准驾车型',
      phone: '请输入 11 位手机号码',
      address: '请填写详细通讯地址',
      delivery: '请选择领取方式',
    });
  });

  it('when a class is not one of the offered options, then it is refused', () => {
    expect(validateDowngrade({ ...VALID, targetClass: 'A1-C1' }, ALLOWED).targetClass).toBe('请选择降级后的准驾车型');
  });

  it.each([
    ['12800138000', '请输入 11 位手机号码'],
    ['1380013800', '请输入 11 位手机号码'],
    [' 13800138000 ', undefined],
  ])('when the phone is "%s", then the phone error is %s', (phone, message) => {
    expect(validateContact({ phone, address: VALID.address }).phone).toBe(message);
  });

  it('when the address is under 5 characters after trimming, or over 100, then it is refused', () => {
    expect(validateContact({ phone: VALID.phone, address: '  天河区  ' }).address).toBe('请填写详细通讯地址');
    expect(validateContact({ phone: VALID.phone, address: '广'.repeat(101) }).address).toBe('通讯地址不超过 100 个字');
    expect(validateContact({ phone: VALID.phone, address: '广州市天河区' }).address).toBeUndefined();
  });
});
