import { isValidIdNumber, isValidPhone } from '@suijing/shared';
import { SEED_CITIZENS, seedCitizen, seedCitizens } from './citizens';

describe('seed citizens', () => {
  it('when generated, then every citizen has a valid resident ID matching birth date and gender, and a valid mobile', () => {
    // Arrange
    const citizens = seedCitizens(123);

    // Act
    const problems = citizens.filter(
      (citizen) =>
        !isValidIdNumber(citizen.idNumber) ||
        citizen.idNumber.slice(6, 14) !== citizen.birthDate ||
        citizen.idNumber.slice(0, 6) !== citizen.regionCode ||
        Number(citizen.idNumber[16]) % 2 !== (citizen.gender === 'male' ? 1 : 0) ||
        !isValidPhone(citizen.phone) ||
        !/^o[A-Za-z0-9_-]{27}$/.test(citizen.openid),
    );

    // Assert
    expect(citizens).toHaveLength(5);
    expect(problems).toEqual([]);
  });

  it('when generated twice with the same seed, then the same people come out; another seed gives other people', () => {
    // Arrange / Act
    const first = seedCitizens(99);
    const again = seedCitizens(99);
    const other = seedCitizens(100);

    // Assert
    expect(again).toEqual(first);
    expect(other.map((citizen) => citizen.idNumber)).not.toEqual(first.map((citizen) => citizen.idNumber));
  });

  it('when generated, then openids, phones and IDs are unique and only the blocked role is blocked', () => {
    // Arrange
    const citizens = SEED_CITIZENS;

    // Act
    const distinct = (values: string[]): number => new Set(values).size;

    // Assert
    expect(distinct(citizens.map((citizen) => citizen.openid))).toBe(citizens.length);
    expect(distinct(citizens.map((citizen) => citizen.phone))).toBe(citizens.length);
    expect(distinct(citizens.map((citizen) => citizen.idNumber))).toBe(citizens.length);
    expect(citizens.filter((citizen) => citizen.wechatBlocked).map((citizen) => citizen.role)).toEqual(['blocked']);
  });

  it('when the elder is picked, then they were born in 1960 or earlier (green channel from 60)', () => {
    // Arrange / Act
    const elder = seedCitizen('elder');

    // Assert
    expect(Number(elder.birthDate.slice(0, 4))).toBeLessThanOrEqual(1960);
  });
});
