import { seedCitizen } from '../../seed/citizens';
import { newSandbox, TEST_GOV_APP_KEY } from '../../testing/fixtures';
import { licences, REGISTER } from '../../testing/identity';
import { trafficPerson } from '../../testing/traffic';
import { toCompactDate } from '../../legacy/dates';
import { addDays, daysBetween } from './days';

const today = (): string => toCompactDate(new Date());

describe('traffic seed data: who has what', () => {
  it('when the register is sampled, then exactly the e-licence store’s JSZ holders are drivers, with its dates', async () => {
    // Arrange
    const agent = newSandbox();
    const sample = REGISTER.people.filter((_, index) => index < 5 || index % 25 === 0);

    // Act / Assert
    let drivers = 0;
    for (const person of sample) {
      const list = (await licences(agent, person.idNumber).expect(200)).body.data.list as {
        zzlxdm: string;
        fzrq: string;
        yxqz: string;
      }[];
      const jsz = list.find((licence) => licence.zzlxdm === 'JSZ');
      const drv = await agent
        .get('/traffic/v1/drv')
        .set('X-App-Key', TEST_GOV_APP_KEY)
        .query({ sfzmhm: person.idNumber });
      if (!jsz) {
        expect(drv.body.code).toBe('4001');
        continue;
      }
      drivers += 1;
      expect(drv.body.code).toBe('0000');
      expect(drv.body.data.drv.yxqs).toBe(jsz.fzrq);
      expect(drv.body.data.drv.yxqz).toBe(jsz.yxqz === '长期' ? '20991231' : jsz.yxqz);
    }
    expect(drivers).toBeGreaterThan(sample.length / 4);
  });

  it('when the primary citizen’s file is read, then a B2 driver with ljjf > 0, a mortgaged petrol car with a release record and a new-energy car due within 30 days', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const file = await trafficPerson(agent, seedCitizen('primary').idNumber);

    // Assert
    expect(file.licence).toMatchObject({ zjcx: 'B2', zt: 'A' });
    expect(Number(file.licence?.ljjf)).toBeGreaterThan(0);
    expect(file.vehicles).toHaveLength(2);
    const [petrol, electric] = file.vehicles;
    expect(petrol).toMatchObject({ hpzl: '02', dybj: '1', mortgage: { jcdyjl: expect.any(Object) } });
    expect(petrol?.hphm).toMatch(/^粤A[A-Z0-9]{5}$/);
    expect(electric).toMatchObject({ hpzl: '52', dybj: '0' });
    expect(electric?.hphm).toMatch(/^粤A[DF]\d{5}$/);
    const due = daysBetween(today(), electric?.yxqz ?? '');
    expect(due).toBeGreaterThanOrEqual(0);
    expect(due).toBeLessThanOrEqual(30);
    expect(file.violations.fxc.filter((vio) => vio.clbj === '0').length).toBeGreaterThanOrEqual(1);
    expect(file.violations.xc.some((vio) => vio.clbj === '1')).toBe(true);
  });

  it('when the secondary citizen’s file is read, then a C1 driver with one car overdue for inspection (Q) and mortgaged without a release record', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const file = await trafficPerson(agent, seedCitizen('secondary').idNumber);

    // Assert
    expect(file.licence?.zjcx).toBe('C1');
    expect(file.vehicles).toHaveLength(1);
    const [car] = file.vehicles;
    expect(car?.zt).toContain('Q');
    expect((car?.yxqz ?? '') < today()).toBe(true);
    expect(car?.dybj).toBe('1');
    expect(car?.mortgage?.jcdyjl).toBeUndefined();
  });

  it('when the elder’s and the young citizen’s files are read, then the elder’s licence has several status letters and the young one is a new driver without cars', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const elder = await trafficPerson(agent, seedCitizen('elder').idNumber);
    const young = await trafficPerson(agent, seedCitizen('young').idNumber);

    // Assert
    expect(elder.licence?.zt).toBe('HP');
    expect(elder.violations.xc.some((vio) => vio.clbj === '0' && Number(vio.wfjf) > 0)).toBe(true);
    expect(young.licence?.zjcx).toMatch(/^C[12]$/);
    expect((young.licence?.cclzrq ?? '') >= addDays(today(), -366)).toBe(true);
    expect(young.vehicles).toEqual([]);
  });

  it('when the generated population is read, then statuses, vehicle ownership, mortgages and deadlines are spread realistically', async () => {
    // Arrange
    const agent = newSandbox();
    const people = REGISTER.people.filter((person) => person.role === 'resident').slice(0, 900);

    // Act
    const files = await Promise.all(people.map((person) => trafficPerson(agent, person.idNumber)));

    // Assert
    const drivers = files.filter((file) => file.licence);
    const owners = drivers.filter((file) => file.vehicles.length > 0);
    const vehicles = owners.flatMap((file) => file.vehicles);
    const normal = drivers.filter((file) => file.licence?.zt === 'A').length;
    expect(normal / drivers.length).toBeGreaterThan(0.85);
    expect(normal).toBeLessThan(drivers.length);
    expect(owners.length / drivers.length).toBeGreaterThan(0.2);
    expect(owners.length / drivers.length).toBeLessThan(0.4);
    expect(Math.max(...owners.map((file) => file.vehicles.length))).toBeLessThanOrEqual(3);
    expect(vehicles.some((vehicle) => vehicle.dybj === '1')).toBe(true);
    expect(vehicles.some((vehicle) => vehicle.yxqz < today() && vehicle.zt.includes('Q'))).toBe(true);
    expect(new Set(vehicles.map((vehicle) => vehicle.hphm)).size).toBe(vehicles.length);
    expect(new Set(vehicles.map((vehicle) => vehicle.xh)).size).toBe(vehicles.length);
    expect(files.filter((file) => !file.licence).every((file) => file.vehicles.length === 0)).toBe(true);
  });
});
