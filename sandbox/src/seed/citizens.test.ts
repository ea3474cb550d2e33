import { isValidIdNumber, isValidPhone } from '@suijing/shared';
import { SEED_CITIZENS, seedCitizen, seedCitizens } from './citizens';
import { DEFAULT_SEED } from '../options';
import { seedKin } from './kin';
import { populationRegister } from './population';

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
    expect(citizens).toHaveLength(6);
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

  it('when the newcomer is added last, then the other citizens stay who they were and she is from 长沙', () => {
    // Arrange
    const citizens = seedCitizens(123);

    // Act
    const newcomer = seedCitizen('newcomer', citizens);

    // Assert
    expect(citizens.at(-1)).toBe(newcomer);
    expect(newcomer).toMatchObject({ gender: 'female', regionCode: '430102', regionName: '湖南省长沙市芙蓉区' });
    expect(Number(newcomer.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1993);
  });

  it('when the primary citizen’s children are built, then the son is 8 and the daughter 16 years 2 months, both in the register', () => {
    // Arrange
    const today = '20261206';
    const primary = seedCitizen('primary');

    // Act
    const son = seedKin('son', undefined, today);
    const daughter = seedKin('daughter', undefined, today);
    const register = populationRegister(seedCitizens(), DEFAULT_SEED);

    // Assert
    expect(son.birthDate > '20171206' && son.birthDate <= '20181206').toBe(true);
    expect(daughter.birthDate > '20100906' && daughter.birthDate <= '20101006').toBe(true);
    expect(son.idNumber.slice(0, 6)).toBe(primary.regionCode);
    expect(son.name.slice(0, 1)).toBe(primary.name.slice(0, 1));
    expect(Number(son.idNumber[16]) % 2).toBe(1);
    expect(Number(daughter.idNumber[16]) % 2).toBe(0);
    expect(register.kin.get('son')?.role).toBe('child');
    expect(register.kin.get('daughter')?.role).toBe('resident');
  });

  it('when the elder is picked, then they were born in 1960 or earlier (green channel from 60)', () => {
    // Arrange / Act
    const elder = seedCitizen('elder');

    // Assert
    expect(Number(elder.birthDate.slice(0, 4))).toBeLessThanOrEqual(1960);
  });
});
