import { randomUUID } from 'node:crypto';
import type {
  ApplicationDetail,
  ApplicationList,
  ELicenceCard,
  ELicenceVerifyResult,
  LicenceAnswer,
  VehicleAnswer,
  VehicleList,
  ViolationList,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, requiredMaterials, verifyIdentity } from '../support/auth-helpers';
import type { TrafficFile } from '../support/sandbox-control';

type Person = { name: string; idNumber: string; phone: string };

/** Beijing calendar day, yyyyMMdd, `offsetDays` from now. */
function beijingDay(offsetDays = 0): string {
  const shifted = new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

/** A stack that always asks 车驾管 live, and the primary citizen logged in and verified, with their file. */
async function verifiedTrafficCitizen() {
  const stack = await startTestStack({ TRAFFIC_FRESH_SECONDS: '0', TRAFFIC_REVALIDATE_SECONDS: '0' });
  await stack.sandbox.setTrafficLatency(0);
  const person = await stack.sandbox.citizen('primary');
  const token = (await loginBySms(stack)).accessToken;
  await verifyIdentity(stack, token, person);
  return { stack, person, token, file: await stack.sandbox.trafficFile(person.idNumber) };
}

/**
 * 车驾管 against the sandbox traffic system over HTTP: the person's own
 * licence, vehicles and violations, translated; each always live here
 * (no per-person cache), so every change made through the sandbox shows.
 */
describe('traffic: my licence, vehicles and violations in words', () => {
  let stack: TestStack;
  let person: Person;
  let token: string;
  let file: TrafficFile;

  beforeAll(async () => ({ stack, person, token, file } = await verifiedTrafficCitizen()));
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const get = <T>(path: string, accessToken = token) =>
    stack
      .api()
      .get(path)
      .set(bearer(accessToken))
      .then((res) => ({ status: res.status, body: res.body as T }));

  it('when an unverified user asks for any of it, then 403 ASSURANCE_REQUIRED asks for 实人 (the check leads through 实名)', async () => {
    // Arrange
    const { accessToken } = await loginBySms(stack);

    // Act
    const answers = await Promise.all(
      ['/api/v1/vehicles', '/api/v1/licence', '/api/v1/violations', '/api/v1/licence/e-card'].map((path) =>
        get<{ error: { code: string; message: string } }>(path, accessToken),
      ),
    );

    // Assert
    for (const answer of answers) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('ASSURANCE_REQUIRED');
      expect((answer.body.error as { required?: { level: string } }).required?.level).toBe('L3');
    }
  });

  it('when I open my licence, then class, points left of 12, validity and statuses are in words, numbers masked', async () => {
    // Act
    const { status, body } = await get<LicenceAnswer>('/api/v1/licence');

    // Assert
    expect(status).toBe(200);
    const licence = body.licence;
    expect(licence.classes).toBe(file.licence?.zjcx);
    expect(licence.points.remaining).toBe(12 - Number(file.licence?.ljjf));
    expect(licence.numberMasked).toMatch(/^\d{4}\*+[\dX]{4}$/);
    expect(JSON.stringify(body)).not.toContain(person.idNumber);
    expect(licence.statuses.length).toBeGreaterThan(0);
    expect(licence.downgrade?.options.length).toBeGreaterThan(0);
    expect(body.freshness.stale).toBe(false);
  });

  it.each([
    ['A', '正常', 'ok'],
    ['B', '超分', 'danger'],
    ['D', '暂扣', 'danger'],
    ['H', '违法未处理', 'warning'],
    ['M', '逾期未换证', 'danger'],
    ['P', '延期体检', 'notice'],
    ['S', '逾期未审验', 'danger'],
    ['U', '扣留', 'danger'],
  ])('when the traffic system marks the licence %s, then it reads %s (%s)', async (letter, text, severity) => {
    // Arrange
    await stack.sandbox.setTrafficLicence(person.idNumber, { zt: letter });

    // Act
    const { body } = await get<LicenceAnswer>('/api/v1/licence');

    // Assert
    expect(body.licence.statuses).toEqual([{ code: letter, text, severity }]);
  });

  it('when the licence carries two letters, then both show and the worse decides', async () => {
    await stack.sandbox.setTrafficLicence(person.idNumber, { zt: 'HM' });

    const { body } = await get<LicenceAnswer>('/api/v1/licence');

    expect(body.licence.statuses.map((s) => s.text)).toEqual(['违法未处理', '逾期未换证']);
    expect(body.licence.severity).toBe('danger');
    await stack.sandbox.setTrafficLicence(person.idNumber, { zt: 'A' });
  });

  it('when the licence expired yesterday or expires today, then the countdown says so', async () => {
    await stack.sandbox.setTrafficLicence(person.idNumber, { yxqz: beijingDay(-1) });
    const expired = (await get<LicenceAnswer>('/api/v1/licence')).body.licence.validity;
    await stack.sandbox.setTrafficLicence(person.idNumber, { yxqz: beijingDay(0) });
    const today = (await get<LicenceAnswer>('/api/v1/licence')).body.licence.validity;

    expect(expired).toMatchObject({ daysLeft: -1, state: 'overdue' });
    expect(today).toMatchObject({ daysLeft: 0, state: 'today' });
    await stack.sandbox.setTrafficLicence(person.idNumber, { yxqz: file.licence?.yxqz ?? beijingDay(900) });
  });

  it('when I list my vehicles, then each has an opaque id (never the plate), a masked plate and its inspection countdown', async () => {
    const { status, body } = await get<VehicleList>('/api/v1/vehicles');

    expect(status).toBe(200);
    expect(body.items).toHaveLength(file.vehicles.length);
    const text = JSON.stringify(body);
    for (const vehicle of file.vehicles) {
      expect(text).not.toContain(vehicle.hphm);
      expect(text).not.toContain(vehicle.xh);
    }
    for (const item of body.items) {
      expect(item.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(item.plateMasked).toContain('*');
      expect(['ok', 'soon', 'today', 'overdue']).toContain(item.inspection.state);
    }
    expect(body.items.some((item) => item.mortgaged)).toBe(true);
  });

  it('when a vehicle is due for inspection today or was due yesterday, then it shows today / overdue and Q reads 逾期未检验', async () => {
    // Arrange
    const [first, second] = file.vehicles;
    if (!first || !second) throw new Error('the primary citizen has two vehicles');
    await stack.sandbox.setTrafficVehicle(first.xh, { yxqz: beijingDay(0) });
    await stack.sandbox.setTrafficVehicle(second.xh, { yxqz: beijingDay(-1), zt: 'Q' });

    // Act
    const { body } = await get<VehicleList>('/api/v1/vehicles');
    const states = body.items.map((item) => item.inspection);

    // Assert
    expect(states).toContainEqual(expect.objectContaining({ daysLeft: 0, state: 'today' }));
    const overdue = body.items.find((item) => item.inspection.state === 'overdue');
    expect(overdue?.inspection.daysLeft).toBe(-1);
    expect(overdue?.statuses).toEqual([{ code: 'Q', text: '逾期未检验', severity: 'danger' }]);
    expect(overdue?.severity).toBe('danger');
    await stack.sandbox.setTrafficVehicle(first.xh, { yxqz: first.yxqz });
    await stack.sandbox.setTrafficVehicle(second.xh, { yxqz: second.yxqz, zt: second.zt });
  });

  it('when I open one of my vehicles, then the full plate, masked VIN and owner, deadlines and the release state show', async () => {
    const list = (await get<VehicleList>('/api/v1/vehicles')).body;
    const mortgaged = list.items.find((item) => item.mortgaged);

    const { status, body } = await get<VehicleAnswer>(`/api/v1/vehicles/${mortgaged?.id ?? ''}`);

    expect(status).toBe(200);
    const record = file.vehicles.find((v) => v.hphm === body.vehicle.plate);
    expect(record).toBeDefined();
    expect(body.vehicle.vinMasked).toMatch(/^\*+[0-9A-Z]{4}$/);
    expect(body.vehicle.ownerMasked).toContain('*');
    expect(body.vehicle.scrap.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.vehicle.insurance.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof body.vehicle.unhandledViolations).toBe('number');
    expect(body.vehicle.mortgageRelease).toMatchObject({ possible: true });
  });

  it("when someone else's vehicle id or a made-up one is asked for, then 404 as if unknown", async () => {
    // Arrange: another verified person's vehicle.
    const other = await stack.sandbox.citizen('secondary');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);
    const theirs = (await get<VehicleList>('/api/v1/vehicles', otherToken)).body.items[0];

    // Act
    const stolen = await get<{ error: { code: string; message: string } }>(`/api/v1/vehicles/${theirs?.id ?? ''}`);
    const madeUp = await get<{ error: { code: string; message: string } }>(`/api/v1/vehicles/${'A'.repeat(22)}`);
    const plate = await get<{ error: { code: string; message: string } }>(
      `/api/v1/vehicles/${encodeURIComponent(file.vehicles[0]?.hphm ?? '')}`,
    );

    // Assert
    expect(theirs).toBeDefined();
    expect(stolen.status).toBe(404);
    expect(stolen.body.error.code).toBe('VEHICLE_NOT_FOUND');
    expect(madeUp.status).toBe(404);
    expect(plate.status).toBe(400);
  });

  it('when violations are filtered, then camera and on-site records, handled or not, and the totals follow', async () => {
    const all = (await get<ViolationList>('/api/v1/violations?status=all')).body;
    const unhandled = (await get<ViolationList>('/api/v1/violations')).body;
    const camera = (await get<ViolationList>('/api/v1/violations?status=all&kind=camera')).body;
    const onsite = (await get<ViolationList>('/api/v1/violations?status=handled&kind=onsite')).body;

    const upstream = [...file.violations.xc, ...file.violations.fxc];
    expect(all.totals.count).toBe(upstream.length);
    expect(unhandled.items.every((v) => !v.handled)).toBe(true);
    expect(unhandled.totals.count).toBe(upstream.filter((v) => v.clbj.trim() === '0').length);
    expect(unhandled.totals.points).toBe(unhandled.items.reduce((sum, v) => sum + v.points, 0));
    expect(camera.items.every((v) => v.kind === 'camera')).toBe(true);
    expect(camera.totals.count).toBe(file.violations.fxc.length);
    expect(onsite.items.every((v) => v.kind === 'onsite' && v.handled)).toBe(true);
    expect(onsite.totals.count).toBeGreaterThan(0);
  });

  it('when the filter is not one we know, then 400 with the fields named', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>('/api/v1/violations?status=paid');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
  });

  it('when a person holds no driving licence, then 404 DRIVING_LICENCE_NOT_FOUND and no vehicles', async () => {
    const child = await stack.sandbox.registered('child');
    const youngToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, youngToken, child);

    const licence = await get<{ error: { code: string; message: string } }>('/api/v1/licence', youngToken);
    const vehicles = await get<VehicleList>('/api/v1/vehicles', youngToken);

    expect(licence.status).toBe(404);
    expect(licence.body.error.code).toBe('DRIVING_LICENCE_NOT_FOUND');
    expect(vehicles.body.items).toEqual([]);
  });
});

/** The per-person cache: fresh, stale-while-revalidate, down; never one person's answer to another. */
describe('traffic: cache, stale answers and the system down', () => {
  let stack: TestStack;
  let person: Person;
  let token: string;

  beforeAll(async () => {
    stack = await startTestStack({ TRAFFIC_FRESH_SECONDS: '60', TRAFFIC_REVALIDATE_SECONDS: '600' });
    await stack.sandbox.setTrafficLatency(0);
    person = await stack.sandbox.citizen('primary');
    token = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, token, person);
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const vehicles = (accessToken = token) =>
    stack
      .api()
      .get('/api/v1/vehicles')
      .set(bearer(accessToken))
      .then((res) => ({ status: res.status, body: res.body as VehicleList & { error?: { code: string } } }));

  it('when the same person asks twice within a minute, then the traffic system is asked once', async () => {
    const first = await vehicles();
    const before = await stack.sandbox.requestsTo('traffic');

    const second = await vehicles();

    expect(await stack.sandbox.requestsTo('traffic')).toBe(before);
    expect(second.body.items).toEqual(first.body.items);
    expect(second.body.freshness.stale).toBe(false);
  });

  it('when the answer is older than a minute, then it is served at once and refreshed in the background', async () => {
    await vehicles();
    await stack.advanceTime(61_000);
    const before = await stack.sandbox.requestsTo('traffic');

    const served = await vehicles();

    expect(served.status).toBe(200);
    expect(served.body.freshness.ageSeconds).toBeGreaterThanOrEqual(61);
    await expect(
      (async () => {
        for (let i = 0; i < 50 && (await stack.sandbox.requestsTo('traffic')) === before; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return stack.sandbox.requestsTo('traffic');
      })(),
    ).resolves.toBeGreaterThan(before);
  });

  it('when the traffic system is down and the copy is old, then the last known data shows, marked stale with its time', async () => {
    const live = await vehicles();
    await stack.advanceTime(601_000);
    await stack.sandbox.setFault('traffic', { down: true });

    const served = await vehicles();

    expect(served.status).toBe(200);
    expect(served.body.items).toEqual(
      live.body.items.map((item) => ({ ...item, inspection: expect.objectContaining({ date: item.inspection.date }) })),
    );
    expect(served.body.freshness.stale).toBe(true);
    expect(served.body.freshness.updatedAt).toBe(live.body.freshness.updatedAt);
  });

  it('when another instance (with an empty memory) is asked while the system is down, then it serves the stored copy', async () => {
    await vehicles();
    await stack.sandbox.setFault('traffic', { down: true });
    const other = await stack.anotherInstance();
    try {
      const served = await other.api().get('/api/v1/vehicles').set(bearer(token));

      expect(served.status).toBe(200);
      expect((served.body as VehicleList).freshness.stale).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('when someone with nothing cached asks while the system is down, then 503 names the system and nothing else is shown', async () => {
    const other = await stack.sandbox.citizen('elder');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);
    await stack.sandbox.setFault('traffic', { down: true });

    const answer = await vehicles(otherToken);

    expect(answer.status).toBe(503);
    expect(answer.body.error?.code).toBe('UPSTREAM_UNAVAILABLE');
    // The catalog and the account still work.
    await stack.api().get('/api/v1/items/hot').expect(200);
    await stack.api().get('/api/v1/me').set(bearer(otherToken)).expect(200);
  });
});

/** 电子驾驶证 and the two online items (自愿降级, 解除抵押) through the idempotent submission path. */
describe('traffic: e-licence and applications', () => {
  let stack: TestStack;
  let person: Person;
  let token: string;
  let file: TrafficFile;

  beforeAll(async () => ({ stack, person, token, file } = await verifiedTrafficCitizen()));
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  const verify = (payload: string) =>
    stack
      .api()
      .post('/api/v1/verify/e-licence')
      .send({ payload })
      .then((res) => ({ status: res.status, body: res.body as ELicenceVerifyResult }));

  it('when my e-licence is shown and scanned at once, then the officer sees it valid with the holder masked', async () => {
    const card = (await stack.api().get('/api/v1/licence/e-card').set(bearer(token)).expect(200)).body as ELicenceCard;

    const checked = await verify(card.qr.payload);

    expect(card.qr.refreshAfterSeconds).toBe(60);
    expect(card.name).toBe(person.name);
    expect(card.qr.payload).not.toContain(person.idNumber);
    expect(checked.status).toBe(200);
    expect(checked.body.result).toBe('valid');
    expect(checked.body.holder?.numberMasked).toMatch(/^\d{4}\*+[\dX]{4}$/);
    expect(checked.body.holder?.name).not.toBe(person.name);
    expect(checked.body.holder?.classes).toBe(file.licence?.zjcx);
  });

  it('when a code is scanned after it expired, then the officer is told to ask for a fresh one', async () => {
    const card = (await stack.api().get('/api/v1/licence/e-card').set(bearer(token)).expect(200)).body as ELicenceCard;
    await stack.advanceTime(91_000);

    const checked = await verify(card.qr.payload);

    expect(checked.body.result).toBe('expired');
    expect(checked.body.holder).toBeUndefined();
  });

  it('when a code is altered or made up, then it is forged', async () => {
    const card = (await stack.api().get('/api/v1/licence/e-card').set(bearer(token)).expect(200)).body as ELicenceCard;
    const payload = card.qr.payload;
    const flipped = payload.slice(0, -3) + (payload.at(-3) === 'A' ? 'B' : 'A') + payload.slice(-2);

    const altered = await verify(flipped);
    const madeUp = await verify('SJDL1.eyJuYW1lIjoi5byg5LiJIn0');
    const other = await verify('https://example.com/licence');

    expect([altered.body.result, madeUp.body.result, other.body.result]).toEqual(['forged', 'forged', 'forged']);
  });

  it('when I apply to downgrade to a class my licence allows, then one case is filed and listed in 我的办件, also on retry', async () => {
    // Arrange
    const licence = ((await stack.api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer)
      .licence;
    const option = licence.downgrade?.options[0];
    const key = randomUUID();
    const body = {
      targetClass: option?.code ?? '',
      phone: person.phone,
      address: '广州市天河区天河路100号',
      delivery: 'post',
      materials: await requiredMaterials(stack, token, licence.downgrade?.itemCode ?? ''),
    };
    const send = () =>
      stack.api().post('/api/v1/licence/downgrade').set(bearer(token)).set('Idempotency-Key', key).send(body);

    // Act
    const answers = await Promise.all([send(), send(), send()]);

    // Assert
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    const caseNos = new Set(answers.map((a) => (a.body as ApplicationDetail).caseNo));
    expect(caseNos.size).toBe(1);
    const [caseNo] = [...caseNos];
    const mine = (await stack.api().get('/api/v1/applications').set(bearer(token)).expect(200)).body as ApplicationList;
    expect(mine.items.map((i) => i.caseNo)).toContain(caseNo);
    expect((await stack.sandbox.approvalCases(person.idNumber)).filter((c) => c.bjbh === caseNo)).toHaveLength(1);
  });

  it('when I ask to downgrade to a pair the item does not offer, then 400 naming targetClass, not a 503 from the traffic system', async () => {
    // Arrange: well-formed (A1-A1 matches the pattern) but no downgrade at all.
    const body = { targetClass: 'A1-A1', phone: person.phone, address: '广州市天河区天河路100号', delivery: 'window' };

    // Act
    const res = await stack
      .api()
      .post('/api/v1/licence/downgrade')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ ...body, materials: [] });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields).toEqual([{ path: 'targetClass', message: '请选择降级后的准驾车型' }]);
  });

  it('when the department approves a downgrade, then my licence shows the lower class', async () => {
    const licence = ((await stack.api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer)
      .licence;
    const option = licence.downgrade?.options[0];
    const materials = await requiredMaterials(stack, token, licence.downgrade?.itemCode ?? '');
    const filed = await stack
      .api()
      .post('/api/v1/licence/downgrade')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        targetClass: option?.code,
        phone: person.phone,
        address: '广州市天河区天河路100号',
        delivery: 'window',
        materials,
      });
    expect(filed.status).toBe(201);
    const caseNo = (filed.body as ApplicationDetail).caseNo;

    await stack.sandbox.approvalAction(caseNo, 'accept');
    await stack.sandbox.approvalAction(caseNo, 'review');
    await stack.sandbox.approvalAction(caseNo, 'approve');

    const after = ((await stack.api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer)
      .licence;
    expect(after.classes).toBe(option?.code.split('-')[1]);
  });

  it('when the class asked for is not one the licence may drop to, then 409 DOWNGRADE_NOT_ALLOWED and no case', async () => {
    const before = (await stack.sandbox.approvalCases(person.idNumber)).length;

    const answer = await stack
      .api()
      .post('/api/v1/licence/downgrade')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        targetClass: 'A2-B2',
        phone: person.phone,
        address: '广州市天河区天河路100号',
        delivery: 'window',
        materials: [],
      });

    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('DOWNGRADE_NOT_ALLOWED');
    expect(await stack.sandbox.approvalCases(person.idNumber)).toHaveLength(before);
  });

  it('when a violation with points is still unhandled, then the downgrade is refused with that reason, and the violations list shows it', async () => {
    // Arrange: a red light caught by camera (6 points), not yet dealt with.
    await stack.sandbox.addViolation(person.idNumber, { lx: 'fxc', wfxw: '1625', clbj: '0', jkbj: '0' });
    const licence = ((await stack.api().get('/api/v1/licence').set(bearer(token)).expect(200)).body as LicenceAnswer)
      .licence;
    const option = licence.downgrade?.options[0];

    // Act
    const answer = await stack
      .api()
      .post('/api/v1/licence/downgrade')
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({
        targetClass: option?.code ?? 'C1-C2',
        phone: person.phone,
        address: '广州市天河区天河路100号',
        delivery: 'window',
        materials: await requiredMaterials(stack, token, licence.downgrade?.itemCode ?? ''),
      });
    const unhandled = (await stack.api().get('/api/v1/violations').set(bearer(token)).expect(200))
      .body as ViolationList;

    // Assert
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('DOWNGRADE_NOT_ALLOWED');
    expect(answer.body.error.message).toContain('未处理');
    expect(unhandled.items.some((v) => v.code === '1625' && v.points === 6 && !v.handled)).toBe(true);
  });

  it('when I apply to release the mortgage the lender has cleared, then a case is filed with the lender’s record as the material, and approval lifts the mortgage', async () => {
    const list = ((await stack.api().get('/api/v1/vehicles').set(bearer(token)).expect(200)).body as VehicleList).items;
    const mortgaged = list.find((v) => v.mortgaged);
    const detail0 = (
      (
        await stack
          .api()
          .get(`/api/v1/vehicles/${mortgaged?.id ?? ''}`)
          .set(bearer(token))
          .expect(200)
      ).body as VehicleAnswer
    ).vehicle;
    const materials = await requiredMaterials(
      stack,
      token,
      detail0.mortgageRelease?.itemCode ?? '',
      detail0.mortgageRelease?.suppliedMaterials,
    );

    const answer = await stack
      .api()
      .post(`/api/v1/vehicles/${mortgaged?.id ?? ''}/mortgage-release`)
      .set(bearer(token))
      .set('Idempotency-Key', randomUUID())
      .send({ phone: person.phone, address: '广州市天河区天河路100号', materials });

    expect(detail0.mortgageRelease?.suppliedMaterials).toEqual(['抵押权人出具的解除抵押书面材料']);
    expect(answer.status).toBe(201);
    const detail = answer.body as ApplicationDetail;
    expect(detail.itemName).toContain('解除抵押');
    expect((await stack.sandbox.approvalCases(person.idNumber)).some((c) => c.bjbh === detail.caseNo)).toBe(true);

    // Once the department approves, the vehicle is no longer mortgaged.
    await stack.sandbox.approvalAction(detail.caseNo, 'accept');
    await stack.sandbox.approvalAction(detail.caseNo, 'review');
    await stack.sandbox.approvalAction(detail.caseNo, 'approve');
    const after = (
      (
        await stack
          .api()
          .get(`/api/v1/vehicles/${mortgaged?.id ?? ''}`)
          .set(bearer(token))
          .expect(200)
      ).body as VehicleAnswer
    ).vehicle;
    expect(after.mortgaged).toBe(false);
    expect(after.mortgageRelease).toBeUndefined();
  });

  it('when the lender has not cleared the mortgage yet, then 409 MORTGAGE_RELEASE_NOT_READY says whom to ask', async () => {
    const other = await stack.sandbox.citizen('secondary');
    const otherToken = (await loginBySms(stack)).accessToken;
    await verifyIdentity(stack, otherToken, other);
    const list = ((await stack.api().get('/api/v1/vehicles').set(bearer(otherToken)).expect(200)).body as VehicleList)
      .items;
    const mortgaged = list.find((v) => v.mortgaged);
    const detail = (
      (
        await stack
          .api()
          .get(`/api/v1/vehicles/${mortgaged?.id ?? ''}`)
          .set(bearer(otherToken))
          .expect(200)
      ).body as VehicleAnswer
    ).vehicle;

    const answer = await stack
      .api()
      .post(`/api/v1/vehicles/${mortgaged?.id ?? ''}/mortgage-release`)
      .set(bearer(otherToken))
      .set('Idempotency-Key', randomUUID())
      .send({
        phone: other.phone,
        address: '广州市海珠区新港中路1号',
        materials: await requiredMaterials(
          stack,
          otherToken,
          detail.mortgageRelease?.itemCode ?? '',
          detail.mortgageRelease?.suppliedMaterials,
        ),
      });

    expect(detail.mortgageRelease?.possible).toBe(false);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('MORTGAGE_RELEASE_NOT_READY');
  });

  it('when a downgrade is sent without an Idempotency-Key, then 400 and nothing is filed', async () => {
    const answer = await stack.api().post('/api/v1/licence/downgrade').set(bearer(token)).send({
      targetClass: 'B2-C1',
      phone: person.phone,
      address: '广州市天河区天河路100号',
      delivery: 'window',
      materials: [],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});
