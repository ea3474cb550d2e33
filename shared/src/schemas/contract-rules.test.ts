import { z } from 'zod';
import { DeliveryChoiceSchema } from './applications';
import { SmsLoginRequestSchema, SmsSendRequestSchema } from './auth';
import { FormDataSchema } from './drafts';
import { BAD_REVIEW_MAX_LEVEL, RatingRequestSchema } from './feedback';
import { HallListQuerySchema, HallRecommendQuerySchema } from './halls';
import { IdentityVerifyRequestSchema } from './identity';

/** The rule a schema states in the contract (its meta), for what a refinement checks. */
function stated(schema: z.ZodType): Record<string, unknown> {
  return z.globalRegistry.get(schema) ?? {};
}

function property(schema: z.ZodObject, key: string): z.ZodType {
  const field = schema.shape[key];
  if (!field) throw new Error(`no field ${key}`);
  return field as z.ZodType;
}

/** Whether the stated pattern and the refinement agree on a value (with no spaces to trim). */
function agree(schema: z.ZodType, value: string): boolean {
  const pattern = new RegExp(String(stated(schema)['pattern']));
  return pattern.test(value) === schema.safeParse(value).success;
}

describe('contract rules stated beside their refinements', () => {
  it('when phones, codes and names are checked, then the stated pattern accepts exactly what the refinement does', () => {
    // Arrange
    const phone = property(SmsSendRequestSchema, 'phone');
    const code = property(SmsLoginRequestSchema, 'code');
    const name = property(IdentityVerifyRequestSchema, 'name');

    // Act / Assert
    for (const value of ['13800138000', '12800138000', '1380013800', '138001380001', '+8613800138000', 'abc']) {
      expect([value, agree(phone, value)]).toEqual([value, true]);
    }
    for (const value of ['123456', '12345', '1234567', '12345a']) {
      expect([value, agree(code, value)]).toEqual([value, true]);
    }
    for (const value of ['张三', '欧阳·娜娜', '张', 'Li Wei', 'Li-Wei O', '1张三', '张3']) {
      expect([value, agree(name, value)]).toEqual([value, true]);
    }
  });

  it('when an ID number fails its stated shape, then the refinement refuses it too (the shape is necessary)', () => {
    const idNumber = property(IdentityVerifyRequestSchema, 'idNumber');
    const pattern = new RegExp(String(stated(idNumber)['pattern']));

    const offShape = ['01010519491231002X', '11010519491231002', '1101051949123100211', 'abc'];

    expect(offShape.filter((value) => pattern.test(value))).toEqual([]);
    expect(offShape.filter((value) => idNumber.safeParse(value).success)).toEqual([]);
    expect([pattern.test('11010519491231002X'), idNumber.safeParse('11010519491231002X').success]).toEqual([
      true,
      true,
    ]);
  });

  it('when a position is given in a query, then lat and lng come together, as stated, and an empty value is no number', () => {
    // Act
    const both = HallListQuerySchema.safeParse({ lat: '23.13', lng: '113.26' });
    const one = HallListQuerySchema.safeParse({ lat: '23.13' });
    const empty = HallListQuerySchema.safeParse({ lat: '', lng: '' });
    const recommendEmpty = HallRecommendQuerySchema.safeParse({ business: 'HZ02', lat: '', lng: '113.26' });

    // Assert
    expect(both.success && both.data).toMatchObject({ lat: 23.13, lng: 113.26 });
    expect(one.success).toBe(false);
    expect(empty.success).toBe(false);
    expect(recommendEmpty.success).toBe(false);
    expect(stated(HallListQuerySchema)['dependentRequired']).toEqual({ lat: ['lng'], lng: ['lat'] });
  });

  it('when a draft has too many fields or a bad key, then it is refused, and the contract says both limits', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, 'x']));

    expect(FormDataSchema.safeParse(tooMany).success).toBe(false);
    expect(FormDataSchema.safeParse({ '1bad': 'x' }).success).toBe(false);
    expect(stated(FormDataSchema)).toMatchObject({
      maxProperties: 100,
      propertyNames: { pattern: expect.any(String) },
    });
  });

  it('when a delivery is chosen, then one address (typed or from the book) comes with post and only with post, as the contract states', () => {
    const address = { province: '广东省', city: '广州市', district: '天河区', detail: '天河路100号' };
    const addressId = 'aGFxHFj77LG6fDWw';

    expect(DeliveryChoiceSchema.safeParse({ mode: 'post', address }).success).toBe(true);
    expect(DeliveryChoiceSchema.safeParse({ mode: 'post', addressId }).success).toBe(true);
    expect(DeliveryChoiceSchema.safeParse({ mode: 'post' }).success).toBe(false);
    expect(DeliveryChoiceSchema.safeParse({ mode: 'post', address, addressId }).success).toBe(false);
    expect(DeliveryChoiceSchema.safeParse({ mode: 'window', address }).success).toBe(false);
    expect(DeliveryChoiceSchema.safeParse({ mode: 'window', addressId }).success).toBe(false);
    expect(stated(DeliveryChoiceSchema)).toMatchObject({
      if: { properties: { mode: { const: 'post' } } },
      then: { oneOf: [{ required: ['address'] }, { required: ['addressId'] }] },
      else: { not: { anyOf: [{ required: ['address'] }, { required: ['addressId'] }] } },
    });
  });

  it('when a bad review gives no reason, then it is refused, and the contract states the same rule', () => {
    const aspects = { efficiency: 1, guideAccuracy: 1, convenience: 1, usability: 1 };

    expect(RatingRequestSchema.safeParse({ level: BAD_REVIEW_MAX_LEVEL, aspects, comment: '差' }).success).toBe(false);
    expect(
      RatingRequestSchema.safeParse({ level: BAD_REVIEW_MAX_LEVEL, aspects, comment: '等了两个小时' }).success,
    ).toBe(true);
    expect(stated(RatingRequestSchema)).toMatchObject({
      if: { properties: { level: { maximum: BAD_REVIEW_MAX_LEVEL } } },
      then: { required: ['comment'], properties: { comment: { minLength: 5 } } },
    });
  });
});
