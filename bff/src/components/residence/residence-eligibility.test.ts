import type { ItemGuide } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { ResidenceFile } from '../../upstreams/identity/identity.mapping';
import { ResidenceEligibility } from './residence-eligibility';

/** 2026-12-01 12:00 in Beijing. */
const clock = { now: () => new Date('2026-12-01T04:00:00.000Z') };

const newcomer = (registeredOn: string): ResidenceFile => ({
  hukouRegionCode: '430102',
  registrations: [{ registeredOn, active: true, address: '天河区天河路1号', districtCode: '440106' }],
});

const item = (name: string) => ({ name }) as ItemGuide;

function eligibilityWith(read: () => Promise<ResidenceFile>) {
  const records = { residence: jest.fn(read) };
  return { records, eligibility: new ResidenceEligibility({ records, clock }) };
}

describe('the 居住证 pre-check', () => {
  it('when the 居住登记 is 5 months 29 days old, then 申领 is refused with the day it opens; at 6 months it passes', async () => {
    // Arrange
    const early = eligibilityWith(async () => newcomer('2026-06-02'));
    const due = eligibilityWith(async () => newcomer('2026-06-01'));

    // Act
    const refused = await early.eligibility.check(item('居住证申领'), { idNumber: 'X' }).catch((e: unknown) => e);
    const passed = await due.eligibility.check(item('居住证申领'), { idNumber: 'X' });

    // Assert
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RESIDENCE_NOT_ELIGIBLE', message: expect.stringContaining('2026-12-02') });
    expect(passed).toBeUndefined();
  });

  it('when the item is not a 居住证 item, then the register is not even read', async () => {
    // Arrange
    const { records, eligibility } = eligibilityWith(async () => newcomer('2026-11-01'));

    // Act
    await eligibility.check(item('户籍证明（户籍信息证明）'), { idNumber: 'X' });

    // Assert
    expect(records.residence).not.toHaveBeenCalled();
  });

  it('when the register is down, then the filing goes on (the approval system decides); other failures surface', async () => {
    // Arrange
    const down = eligibilityWith(async () => {
      throw new AppError({ code: 'UPSTREAM_UNAVAILABLE' });
    });
    const broken = eligibilityWith(async () => {
      throw new Error('bug');
    });

    // Act
    const passed = await down.eligibility.check(item('居住证签注'), { idNumber: 'X' });
    const failed = await broken.eligibility.check(item('居住证签注'), { idNumber: 'X' }).catch((e: unknown) => e);

    // Assert
    expect(passed).toBeUndefined();
    expect(failed).toEqual(new Error('bug'));
  });
});
