import { toCompactDate } from '../../legacy/dates';
import { resolveOptions } from '../../options';
import { seedCitizen } from '../../seed/citizens';
import { newSandbox, testOptions } from '../../testing/fixtures';
import { trafficGet, trafficPerson, trafficPost, vehicleWhere } from '../../testing/traffic';
import { addDays } from './days';

const PRIMARY = seedCitizen('primary');
const SECONDARY = seedCitizen('secondary');

describe('traffic control routes (/sandbox/traffic)', () => {
  it('when a vehicle’s inspection deadline is put at today and another’s at yesterday, then the public API shows those dates and statuses', async () => {
    // Arrange
    const agent = newSandbox();
    const today = toCompactDate(new Date());
    const [first, second] = (await trafficPerson(agent, PRIMARY.idNumber)).vehicles;

    // Act
    const dueToday = await agent
      .put(`/sandbox/traffic/vehicles/${first?.xh}`)
      .send({ yxqz: today, zt: 'A' })
      .expect(200);
    await agent
      .put(`/sandbox/traffic/vehicles/${second?.xh}`)
      .send({ yxqz: addDays(today, -1), zt: 'Q' })
      .expect(200);

    // Assert
    expect(dueToday.body.vehicle).toMatchObject({ xh: first?.xh, yxqz: today, zt: 'A' });
    const list = (await trafficGet(agent, 'veh', { sfzmhm: PRIMARY.idNumber })).body.data.list as {
      xh: string;
      yxqz: string;
      zt: string;
    }[];
    expect(list.find((vehicle) => vehicle.xh === first?.xh)).toMatchObject({ yxqz: today, zt: 'A' });
    expect(list.find((vehicle) => vehicle.xh === second?.xh)).toMatchObject({ yxqz: addDays(today, -1), zt: 'Q' });
  });

  it('when a licence is updated, then the public API shows the new status, points and class (letters sorted)', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent
      .put(`/sandbox/traffic/people/${PRIMARY.idNumber}/licence`)
      .send({ zt: 'MH', ljjf: 12, zjcx: 'A1', yxqz: '20260101' })
      .expect(200);

    // Assert
    expect(res.body.licence).toMatchObject({ zt: 'HM', ljjf: '12', zjcx: 'A1', yxqz: '20260101' });
    const drv = (await trafficGet(agent, 'drv', { sfzmhm: PRIMARY.idNumber })).body.data.drv;
    expect(drv).toMatchObject({ zt: 'HM', ljjf: '12', zjcx: 'A1' });
    const check = await trafficPost(agent, 'jj/check', { sfzmhm: PRIMARY.idNumber, mbcx: 'A1-B1' });
    expect(check.body.msg).toBe('驾驶证状态异常：当前状态为H违法未处理、M逾期未换证');
  });

  it.each([
    ['licence', { zt: 'A1' }, 'zt must be'],
    ['licence', { zt: 'Q' }, 'zt must be'],
    ['licence', { ljjf: -1 }, 'ljjf must be'],
    ['licence', { zjcx: 'Z9' }, 'zjcx must be'],
    ['licence', { yxqz: '2026-01-01' }, 'yxqz must be'],
    ['licence', { dabh: '1' }, 'dabh cannot be changed'],
    ['vehicle', { dybj: 1 }, 'dybj must be'],
    ['vehicle', { bxzzrq: '20260230' }, 'bxzzrq must be'],
    ['vehicle', { hphm: '粤A00000' }, 'hphm cannot be changed'],
  ])('when a %s update has %j, then it answers 400 saying what is wrong', async (target, body, message) => {
    // Arrange
    const agent = newSandbox();
    const car = await vehicleWhere(agent, PRIMARY.idNumber, () => true);
    const url =
      target === 'licence'
        ? `/sandbox/traffic/people/${PRIMARY.idNumber}/licence`
        : `/sandbox/traffic/vehicles/${car.xh}`;

    // Act
    const res = await agent.put(url).send(body);

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('when unknown people or vehicles are addressed, then 404', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const person = await agent.get('/sandbox/traffic/people/110101199001011237');
    const vehicle = await agent.put('/sandbox/traffic/vehicles/44010000000000').send({ zt: 'A' });
    const badXh = await agent.post('/sandbox/traffic/vehicles/abc/release').send({});

    // Assert
    expect([person.status, vehicle.status, badXh.status]).toEqual([404, 404, 404]);
  });

  it('when a lender files its release for the secondary citizen’s car, then the jcdy precheck passes with that record', async () => {
    // Arrange
    const agent = newSandbox();
    const car = await vehicleWhere(agent, SECONDARY.idNumber, (vehicle) => vehicle.dybj === '1');

    // Act
    const filed = await agent
      .post(`/sandbox/traffic/vehicles/${car.xh}/release`)
      .send({ bh: 'JC2026000123', rq: '20260301' })
      .expect(201);
    const check = await trafficPost(agent, 'jcdy/check', { sfzmhm: SECONDARY.idNumber, xh: car.xh });

    // Assert
    expect(filed.body.jcdyjl).toEqual({ bh: 'JC2026000123', rq: '20260301' });
    expect(check.body.code).toBe('0000');
    expect(check.body.data.jcdyjl).toEqual({ bh: 'JC2026000123', rq: '20260301' });
  });

  it('when release is filed for a car without a mortgage, then 409; dybj "1" registers one, "0" clears it', async () => {
    // Arrange
    const agent = newSandbox();
    const car = await vehicleWhere(agent, PRIMARY.idNumber, (vehicle) => vehicle.dybj === '0');

    // Act
    const refused = await agent.post(`/sandbox/traffic/vehicles/${car.xh}/release`).send({});
    const mortgaged = await agent.put(`/sandbox/traffic/vehicles/${car.xh}`).send({ dybj: '1' }).expect(200);
    const checkHeld = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber, xh: car.xh });
    await agent.put(`/sandbox/traffic/vehicles/${car.xh}`).send({ dybj: '0' }).expect(200);
    const checkFree = await trafficPost(agent, 'jcdy/check', { sfzmhm: PRIMARY.idNumber, xh: car.xh });

    // Assert
    expect(refused.status).toBe(409);
    expect(mortgaged.body.vehicle).toMatchObject({ dybj: '1', mortgage: { dyqr: expect.any(String) } });
    expect(checkHeld.body.code).toBe('5102');
    expect(checkFree.body.code).toBe('5101');
  });

  it('when a violation is added, then it is listed newest first with its behaviour’s fine and points; bad input is 400 or 409', async () => {
    // Arrange
    const agent = newSandbox();
    const young = seedCitizen('young');

    // Act
    const added = await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'fxc', wfxw: '1625', wfsj: '2099-01-01 08:00:00' })
      .expect(201);
    const badCode = await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'fxc', wfxw: '9999' });
    const badTime = await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'xc', wfxw: '1625', wfsj: '2026-13-01 08:00:00' });
    const noCar = await agent
      .post(`/sandbox/traffic/people/${young.idNumber}/violations`)
      .send({ lx: 'fxc', wfxw: '1625' });

    // Assert
    expect(added.body.violation).toMatchObject({ wfxw: '1625', fkje: '200', wfjf: '6', clbj: '0', jkbj: '0' });
    const list = (await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc' })).body.data.list;
    expect(list[0].wfbh).toBe(added.body.violation.wfbh);
    expect([badCode.status, badTime.status, noCar.status]).toEqual([400, 400, 409]);
  });

  it('when the sandbox is reset, then changed records, added violations and release records are back to the seed', async () => {
    // Arrange
    const agent = newSandbox();
    const before = await trafficPerson(agent, SECONDARY.idNumber);
    const car = before.vehicles[0];
    await agent.put(`/sandbox/traffic/people/${SECONDARY.idNumber}/licence`).send({ zt: 'D' }).expect(200);
    await agent.post(`/sandbox/traffic/vehicles/${car?.xh}/release`).send({}).expect(201);
    await agent
      .post(`/sandbox/traffic/people/${SECONDARY.idNumber}/violations`)
      .send({ lx: 'xc', wfxw: '1301' })
      .expect(201);

    // Act
    await agent.post('/sandbox/reset').expect(200);

    // Assert
    expect(await trafficPerson(agent, SECONDARY.idNumber)).toEqual(before);
  });
});

describe('traffic latency', () => {
  it('when the option is left out, then it is 300 ms; values outside 0-5000 or fractions are refused at start-up', () => {
    // Arrange
    const base = testOptions();
    const { traffic: _traffic, ...withoutTraffic } = base;

    // Act / Assert
    expect(resolveOptions(withoutTraffic).traffic.latencyMs).toBe(300);
    expect(resolveOptions({ ...base, traffic: { latencyMs: 0 } }).traffic.latencyMs).toBe(0);
    expect(() => resolveOptions({ ...base, traffic: { latencyMs: 5001 } })).toThrow(/traffic.latencyMs/);
    expect(() => resolveOptions({ ...base, traffic: { latencyMs: 1.5 } })).toThrow(/traffic.latencyMs/);
  });

  it('when a latency is configured, then every answer takes it ±30%; the control route changes it at runtime and reset restores it', async () => {
    // Arrange
    const agent = newSandbox({ traffic: { latencyMs: 200 } });
    const timed = async (): Promise<number> => {
      const started = Date.now();
      await trafficGet(agent, 'drv', { sfzmhm: PRIMARY.idNumber }).expect(200);
      return Date.now() - started;
    };

    // Act
    const slow = [await timed(), await timed(), await timed()];
    const set = await agent.put('/sandbox/traffic/latency').send({ latencyMs: 0 }).expect(200);
    const fast = await timed();
    const refused = await agent.put('/sandbox/traffic/latency').send({ latencyMs: 9000 });
    await agent.post('/sandbox/reset').expect(200);
    const restored = await agent.get('/sandbox/traffic/latency').expect(200);

    // Assert
    for (const ms of slow) expect(ms).toBeGreaterThanOrEqual(135);
    expect(set.body).toEqual({ latencyMs: 0 });
    expect(fast).toBeLessThan(130);
    expect(refused.status).toBe(400);
    expect(restored.body).toEqual({ latencyMs: 200 });
  });
});
