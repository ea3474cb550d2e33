import type { ResidenceFile } from '../../upstreams/identity/identity.mapping';
import { endorsedUntil, factsOf, toPermitView, toRegistrationsView } from './residence-view';

type PermitOnFile = NonNullable<ResidenceFile['permit']>;

const permit = (overrides: Partial<PermitOnFile> = {}): PermitOnFile => ({
  number: '430102199501011226',
  issuer: '广州市公安局天河分局',
  issuedOn: '2025-09-01',
  validUntil: '2028-09-01',
  endorsements: [],
  statusCode: 'valid',
  ...overrides,
});

describe('the 居住证 in our words', () => {
  it('when the first anniversary passed without 签注, then the permit is suspended, the window names that year', () => {
    // Act
    const view = toPermitView(permit(), '2026-09-02');

    // Assert
    expect(view).toMatchObject({
      numberMasked: '4301**********1226',
      status: 'suspended',
      endorsedUntil: '2026-09-01',
      endorsementWindow: { anniversary: '2026-09-01', opensOn: '2026-08-01', endorsed: false },
    });
  });

  it('when each year is endorsed, then it is in force until expiry; a voided permit is replaced and not held', () => {
    // Arrange
    const endorsements = [
      { on: '2027-08-20', anniversary: '2027-09-01' },
      { on: '2026-08-15', anniversary: '2026-09-01' },
    ];

    // Act
    const full = permit({ endorsements });
    const voided = permit({ statusCode: 'void' });

    // Assert
    expect(endorsedUntil(full)).toBe('2028-09-01');
    expect(toPermitView(full, '2027-10-01').endorsements.map((e) => e.on)).toEqual(['2026-08-15', '2027-08-20']);
    expect(toPermitView(voided, '2026-01-01').status).toBe('replaced');
    expect(factsOf({ hukouRegionCode: '430102', registrations: [], permit: voided })).not.toHaveProperty('permit');
  });

  it('when a family member looks, then a registration shows its district, not the address; its owner sees it all', () => {
    // Arrange
    const file: ResidenceFile = {
      hukouRegionCode: '430102',
      registrations: [{ registeredOn: '2026-05-20', active: true, address: '天河路1号302房', districtCode: '440106' }],
    };

    // Act
    const [owner, family] = [
      toRegistrationsView(file, '2026-12-01', 'owner'),
      toRegistrationsView(file, '2026-12-01', 'family'),
    ];

    // Assert
    expect(owner).toEqual([
      { address: '天河路1号302房', districtName: '天河区', registeredOn: '2026-05-20', active: true, monthsLived: 6 },
    ]);
    expect(family[0]?.address).toBe('天河区');
  });
});
