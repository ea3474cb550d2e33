import {
  addMonthsToDay,
  endorsementWindow,
  permitStatus,
  qualification,
  residenceAnniversaries,
  wholeMonthsBetween,
  type ResidenceFacts,
  type ResidencePermitFacts,
  type ResidenceRegistrationFacts,
} from './residence-rules';

const HUNAN = '430102';
const registeredIn = (
  registeredOn: string,
  extra: Partial<ResidenceRegistrationFacts> = {},
): ResidenceRegistrationFacts => ({
  registeredOn,
  active: true,
  address: '广州市天河区天河路1号',
  districtCode: '440106',
  ...extra,
});
const permit = (extra: Partial<ResidencePermitFacts> = {}): ResidencePermitFacts => ({
  number: '430102199501012345',
  issuedOn: '2024-03-15',
  validUntil: '2027-03-15',
  issuer: '广州市公安局天河区分局',
  endorsements: [],
  ...extra,
});
const facts = (extra: Partial<ResidenceFacts> = {}): ResidenceFacts => ({
  hukouRegionCode: HUNAN,
  registrations: [registeredIn('2024-01-10')],
  ...extra,
});

describe('calendar arithmetic', () => {
  it('when a month is added to a day the next month lacks, then it becomes that month’s last day', () => {
    expect(addMonthsToDay('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsToDay('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsToDay('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('when months lived are counted, then a month counts only once its day is reached', () => {
    expect(wholeMonthsBetween('2025-01-15', '2025-07-14')).toBe(5);
    expect(wholeMonthsBetween('2025-01-15', '2025-07-15')).toBe(6);
    expect(wholeMonthsBetween('2025-07-15', '2025-01-15')).toBe(0);
  });
});

describe('申领 (apply)', () => {
  it('when the 居住登记 is exactly 6 months old, then applying is allowed', () => {
    // Arrange
    const person = facts({ registrations: [registeredIn('2025-01-15')] });

    // Act
    const result = qualification('apply', person, '2025-07-15');

    // Assert
    expect(result).toEqual({ allowed: true });
  });

  it('when the 居住登记 is one day short of 6 months, then applying is refused with the day it opens', () => {
    const result = qualification('apply', facts({ registrations: [registeredIn('2025-01-15')] }), '2025-07-14');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('2025-07-15') });
  });

  it('when the hukou is in Guangzhou, then applying is refused', () => {
    const result = qualification('apply', facts({ hukouRegionCode: '440106' }), '2025-07-15');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('户籍在广州') });
  });

  it('when there is no active 居住登记 in Guangzhou, then applying is refused and says to register first', () => {
    const person = facts({
      registrations: [
        registeredIn('2024-01-10', { active: false }),
        registeredIn('2024-01-10', { districtCode: '440304', address: '深圳市福田区' }),
      ],
    });

    const result = qualification('apply', person, '2025-07-15');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('请先办理居住登记') });
  });

  it('when the person holds a valid permit, then applying is refused (one permit per person)', () => {
    const result = qualification('apply', facts({ permit: permit() }), '2024-06-01');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('已持有有效居住证') });
  });

  it('when the person holds a suspended permit, then applying is refused and points to 签注', () => {
    const result = qualification('apply', facts({ permit: permit() }), '2025-03-16');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('签注') });
  });

  it('when the person’s permit has expired, then applying again is allowed', () => {
    const result = qualification('apply', facts({ permit: permit() }), '2027-05-01');

    expect(result).toEqual({ allowed: true });
  });
});

describe('签注 (yearly endorsement)', () => {
  it('when a permit is issued for three years, then the first two anniversaries need 签注', () => {
    expect(residenceAnniversaries(permit())).toEqual(['2025-03-15', '2026-03-15']);
  });

  it('when today is one month before the anniversary, then the window is open', () => {
    const result = qualification('endorse', facts({ permit: permit() }), '2025-02-15');

    expect(result).toEqual({ allowed: true });
  });

  it('when today is the day before the window opens, then 签注 is refused with the opening day', () => {
    const result = qualification('endorse', facts({ permit: permit() }), '2025-02-14');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('2025-02-15') });
  });

  it('when this residence year is already endorsed, then a second 签注 is refused', () => {
    const endorsed = permit({ endorsements: [{ on: '2025-02-20', anniversary: '2025-03-15' }] });

    const result = qualification('endorse', facts({ permit: endorsed }), '2025-03-01');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('每年只能签注一次') });
  });

  it('when last year is endorsed and the next window opens, then the next 签注 is allowed', () => {
    const endorsed = permit({ endorsements: [{ on: '2025-02-20', anniversary: '2025-03-15' }] });

    expect(endorsementWindow(endorsed, '2026-02-15')).toEqual({
      anniversary: '2026-03-15',
      opensOn: '2026-02-15',
      endorsed: false,
    });
    expect(qualification('endorse', facts({ permit: endorsed }), '2026-02-15')).toEqual({ allowed: true });
  });

  it('when the anniversary passes without 签注, then the permit is suspended from the next day', () => {
    expect(permitStatus(permit(), '2025-03-15')).toBe('valid');
    expect(permitStatus(permit(), '2025-03-16')).toBe('suspended');
  });

  it('when a suspended permit gets a late 签注, then it is valid again and the late 签注 was allowed', () => {
    // Arrange
    const missed = permit();

    // Act
    const allowed = qualification('endorse', facts({ permit: missed }), '2025-06-01');
    const restored = permit({ endorsements: [{ on: '2025-06-01', anniversary: '2025-03-15' }] });

    // Assert
    expect(allowed).toEqual({ allowed: true });
    expect(permitStatus(restored, '2025-06-01')).toBe('valid');
  });

  it('when the last anniversary before expiry is endorsed, then no window is left and 签注 is refused', () => {
    const endorsed = permit({
      endorsements: [
        { on: '2025-02-20', anniversary: '2025-03-15' },
        { on: '2026-02-20', anniversary: '2026-03-15' },
      ],
    });

    expect(endorsementWindow(endorsed, '2026-05-01')).toBeUndefined();
    expect(qualification('endorse', facts({ permit: endorsed }), '2026-05-01')).toEqual({
      allowed: false,
      reason: expect.stringContaining('换领'),
    });
  });

  it('when the permit has expired, then 签注 is refused', () => {
    const result = qualification('endorse', facts({ permit: permit() }), '2027-03-16');

    expect(result).toEqual({ allowed: false, reason: expect.stringContaining('到期') });
    expect(permitStatus(permit(), '2027-03-15')).not.toBe('expired');
    expect(permitStatus(permit(), '2027-03-16')).toBe('expired');
  });

  it('when there is no permit, then 签注 is refused', () => {
    expect(qualification('endorse', facts(), '2025-03-01')).toEqual({ allowed: false, reason: expect.any(String) });
  });
});

describe('补领 and 换领', () => {
  it('when the permit is valid or suspended, then 补领 is allowed', () => {
    expect(qualification('reissue', facts({ permit: permit() }), '2024-06-01')).toEqual({ allowed: true });
    expect(qualification('reissue', facts({ permit: permit() }), '2025-06-01')).toEqual({ allowed: true });
  });

  it('when the permit has expired, then 补领 is refused', () => {
    expect(qualification('reissue', facts({ permit: permit() }), '2027-03-16')).toEqual({
      allowed: false,
      reason: expect.stringContaining('到期'),
    });
  });

  it('when the permit expires within 30 days, then 换领 is allowed', () => {
    expect(qualification('renew', facts({ permit: permit() }), '2027-02-20')).toEqual({ allowed: true });
  });

  it('when the permit expired exactly 30 days ago, then 换领 is still allowed', () => {
    expect(qualification('renew', facts({ permit: permit() }), '2027-04-14')).toEqual({ allowed: true });
  });

  it('when the permit expired 31 days ago, then 换领 is refused and says to apply anew', () => {
    expect(qualification('renew', facts({ permit: permit() }), '2027-04-15')).toEqual({
      allowed: false,
      reason: expect.stringContaining('重新申领'),
    });
  });

  it('when the permit was replaced by a new card, then it counts as no permit', () => {
    const replaced = permit({ replacedBy: '430102199501012345-2' });

    expect(permitStatus(replaced, '2024-06-01')).toBe('replaced');
    expect(qualification('reissue', facts({ permit: replaced }), '2024-06-01')).toEqual({
      allowed: false,
      reason: expect.any(String),
    });
  });

  it('when there is no permit, then 补领 and 换领 are refused', () => {
    expect(qualification('reissue', facts(), '2024-06-01').allowed).toBe(false);
    expect(qualification('renew', facts(), '2024-06-01').allowed).toBe(false);
  });
});
