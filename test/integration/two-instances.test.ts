import { randomUUID } from 'node:crypto';
import type { ApplicationDetail, ItemGuideResponse, ItemListResponse, SlotList, TokenResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { addressFor, bearer, requiredMaterials, uniquePhone, verifyIdentity } from '../support/auth-helpers';
import { ageAt, msUntilWeekdayAt } from '../support/beijing-time';
import { hallBusinessDay } from '../support/halls';
import { eventually } from '../support/eventually';
import { fillForm } from '../support/forms';

type Api = TestStack['api'];

const SLOTS_CACHE_MS = 5000;

/**
 * Two BFF instances on one MongoDB and one set of back-end systems, each
 * request sent to either at random, as a load balancer would: sessions,
 * refresh rotation, rate limits, idempotency keys and the hall's places hold
 * across both.
 */
describe('two instances behind a load balancer', () => {
  let stack: TestStack;
  let other: Awaited<ReturnType<TestStack['anotherInstance']>>;
  const either = (): Api => (Math.random() < 0.5 ? stack.api : other.api);

  beforeAll(async () => {
    // Slots kept the longest the config allows, so in the cached-slots tests only a slot change can drop them.
    stack = await startTestStack({ SLOTS_CACHE_MS: String(SLOTS_CACHE_MS) });
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    other = await stack.anotherInstance();
  });
  afterAll(async () => {
    await other.close();
    await stack.close();
  });

  /** SMS login with each step on a random instance. */
  async function login(phone = uniquePhone(), via: () => Api = either): Promise<TokenResponse> {
    await via()().post('/api/v1/auth/sms/send').set('X-Forwarded-For', addressFor(phone)).send({ phone }).expect(200);
    const code = await stack.sandbox.latestSmsCode(phone);
    const res = await via()()
      .post('/api/v1/auth/sms/login')
      .send({ phone, code, client: { platform: 'h5' } });
    expect(res.status).toBe(200);
    return res.body as TokenResponse;
  }

  it('when a citizen logs in on one and goes on on the other, then every request works wherever it lands', async () => {
    const tokens = await login();

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => either()().get('/api/v1/me').set(bearer(tokens.accessToken))),
    );

    expect(answers.every((res) => res.status === 200)).toBe(true);
  });

  it('when a rotated refresh token is replayed on the other instance after the grace, then the session ends on both', async () => {
    // Arrange: rotate on one instance.
    const tokens = await login();
    const rotated = await stack
      .api()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: tokens.refreshToken })
      .expect(200);
    await stack.advanceTime(11_000); // past the 10 s in which a repeat gets the same answer

    // Act: the stolen old token, replayed through the other instance.
    const replay = await other.api().post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken });
    await stack.advanceTime(4_000); // past the 3 s an instance may trust its session cache
    const onFirst = await stack
      .api()
      .get('/api/v1/me')
      .set(bearer((rotated.body as TokenResponse).accessToken));
    const onSecond = await other
      .api()
      .get('/api/v1/me')
      .set(bearer((rotated.body as TokenResponse).accessToken));

    // Assert
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_REUSED');
    expect([onFirst.status, onSecond.status]).toEqual([401, 401]);
  });

  it('when SMS codes are asked for on both instances within a minute, then the per-phone limit holds across them', async () => {
    const phone = uniquePhone();
    const send = (api: Api) =>
      api().post('/api/v1/auth/sms/send').set('X-Forwarded-For', addressFor(phone)).send({ phone });

    const first = await send(stack.api);
    const second = await send(other.api);

    expect(first.status).toBe(200);
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe('SMS_TOO_FREQUENT');
  });

  /** 居民身份证有效期满换领 (an L3 item) for a verified person: its guide and a filled submission. */
  async function renewalFiling(person: Parameters<typeof fillForm>[1], accessToken: string) {
    const found = (await stack.api().get('/api/v1/items').query({ q: '居民身份证有效期满换领' }).expect(200))
      .body as ItemListResponse;
    const { item } = (
      await stack
        .api()
        .get(`/api/v1/items/${found.items[0]?.code ?? ''}`)
        .expect(200)
    ).body as ItemGuideResponse;
    const body = {
      itemCode: item.code,
      formVersion: item.form.version,
      data: fillForm(item.form, person),
      materials: await requiredMaterials(stack, accessToken, item.code),
    };
    return { item, body };
  }

  it('when the same submission is retried through both instances at once, then exactly one case is filed', async () => {
    // Arrange
    const person = await stack.sandbox.citizen('elder');
    const tokens = await login();
    await verifyIdentity(stack, tokens.accessToken, person);
    const { body } = await renewalFiling(person, tokens.accessToken);
    const key = randomUUID();
    const before = (await stack.sandbox.approvalCases(person.idNumber)).length;

    // Act
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? stack.api : other.api)()
          .post('/api/v1/applications')
          .set(bearer(tokens.accessToken))
          .set('Idempotency-Key', key)
          .send(body),
      ),
    );

    // Assert
    expect(answers.map((res) => [res.status, (res.body as { error?: { code: string } }).error?.code])).toEqual(
      answers.map(() => [201, undefined]),
    );
    expect(new Set(answers.map((res) => (res.body as ApplicationDetail).caseNo)).size).toBe(1);
    expect(await stack.sandbox.approvalCases(person.idNumber)).toHaveLength(before + 1);
  });

  it('when the in-person check passes through one instance, then the other files an L3 item at once', async () => {
    // Arrange: logged in through the other instance (which keeps the new session), 实名 and 实人 through this one
    const person = await stack.sandbox.citizen('primary');
    const tokens = await login(uniquePhone(), () => other.api);
    await verifyIdentity(stack, tokens.accessToken, person);
    const { item, body } = await renewalFiling(person, tokens.accessToken);
    expect(item.assurance).toBe('L3');

    // Act
    const res = await other
      .api()
      .post('/api/v1/applications')
      .set(bearer(tokens.accessToken))
      .set('Idempotency-Key', randomUUID())
      .send(body);

    // Assert
    expect([res.status, (res.body as { error?: { code: string } }).error?.code]).toEqual([201, undefined]);
  });

  it('when 30 citizens on both instances race for the last place of a slot, then one gets it', async () => {
    // Arrange
    const { hallId, business, day } = await hallBusinessDay(stack, { hall: 1, day: 2 });
    const slots = (await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: day }).expect(200))
      .body as SlotList;
    const slot = slots.items[3];
    await stack.sandbox.setSlot({
      dtbh: hallId,
      ywdm: business,
      rq: day.replace(/-/g, ''),
      sdbh: slot?.id ?? '',
      zrs: 3,
      lszrs: 2,
      yyrs: 0,
      lsyyrs: 0,
    });
    const people = (await stack.sandbox.registerPeople('resident', 200, 1000))
      .filter((p) => ageAt(p.birthDate, stack.clock.now()) > 20 && ageAt(p.birthDate, stack.clock.now()) < 59)
      .slice(0, 30);
    const racers: Array<{ token: string; phone: string }> = [];
    for (let i = 0; i < people.length; i += 10) {
      racers.push(
        ...(await Promise.all(
          people.slice(i, i + 10).map(async (p) => {
            const phone = uniquePhone();
            const tokens = await login(phone);
            await verifyIdentity(stack, tokens.accessToken, p);
            return { token: tokens.accessToken, phone };
          }),
        )),
      );
    }

    // Act
    const answers = await Promise.all(
      racers.map((r, i) =>
        (i % 2 === 0 ? stack.api : other.api)()
          .post('/api/v1/appointments')
          .set(bearer(r.token))
          .set('Idempotency-Key', randomUUID())
          .send({ hallId, business, date: day, slotId: slot?.id, phone: r.phone }),
      ),
    );

    // Assert
    expect(racers).toHaveLength(30);
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    expect(answers.filter((res) => res.status === 409 && res.body.error.code === 'SLOT_FULL')).toHaveLength(29);
  }, 120_000);

  describe('cached slots', () => {
    let hallId: string;
    let business: string;
    let day: string;
    let slotIds: string[];
    let people: Array<{ name: string; idNumber: string }>;

    /** A day's slots as one instance shows them. */
    const slotsOn = async (api: Api) =>
      (await api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: day }).expect(200)).body as SlotList;
    const remainingOn = async (api: Api, slotId: string) =>
      (await slotsOn(api)).items.find((s) => s.id === slotId)?.remaining;
    /** One regular place left in the slot, none for the green channel. */
    const onePlaceLeft = (slotId: string) =>
      stack.sandbox.setSlot({
        dtbh: hallId,
        ywdm: business,
        rq: day.replace(/-/g, ''),
        sdbh: slotId,
        zrs: 1,
        lszrs: 0,
        yyrs: 0,
        lsyyrs: 0,
      });
    let nextPerson = 0;
    /** A verified citizen (a register person binds to one account, so each is new). */
    async function citizen(): Promise<{ token: string; phone: string }> {
      const person = people[nextPerson];
      nextPerson += 1;
      if (!person) throw new Error('not enough register people');
      const phone = uniquePhone();
      const tokens = await login(phone);
      await verifyIdentity(stack, tokens.accessToken, person);
      return { token: tokens.accessToken, phone };
    }
    const book = (api: Api, who: { token: string; phone: string }, slotId: string) =>
      api()
        .post('/api/v1/appointments')
        .set(bearer(who.token))
        .set('Idempotency-Key', randomUUID())
        .send({ hallId, business, date: day, slotId, phone: who.phone });

    beforeAll(async () => {
      ({ hallId, business, day } = await hallBusinessDay(stack, { hall: 2, day: 3 }));
      slotIds = (await slotsOn(stack.api)).items.map((s) => s.id);
      people = (await stack.sandbox.registerPeople('resident', 200, 1400)).filter(
        (p) => ageAt(p.birthDate, stack.clock.now()) > 20 && ageAt(p.birthDate, stack.clock.now()) < 59,
      );
    });
    // Early in a minute: a cached day is also dropped at the minute (a slot may start), which must not be what a test sees.
    beforeEach(() => stack.advanceTime(60_000 - (stack.clock.now().getTime() % 60_000) + 1_000));
    afterEach(() => {
      stack.app.stopJobs();
      other.app.stopJobs();
    });

    it('when a place is booked on one instance, then the other shows it taken within about a second', async () => {
      // Arrange: both instances read each other's slot changes; the other has the day cached with the place free.
      const slotId = slotIds[5] ?? '';
      await onePlaceLeft(slotId);
      stack.app.startJobs();
      other.app.startJobs();
      const booker = await citizen();
      expect(await remainingOn(other.api, slotId)).toBe(1);
      const cachedAt = Date.now();

      // Act: the place is taken through this instance.
      await book(stack.api, booker, slotId).expect(201);
      const bookedAt = Date.now();
      const seen = await eventually(
        () => remainingOn(other.api, slotId),
        (remaining) => remaining === 0,
        3_000,
      );

      // Assert: within one poll interval (1 s) and the requests' own time, and before the other's copy ran out.
      expect(seen).toBe(0);
      expect(Date.now() - bookedAt).toBeLessThan(2_500);
      expect(Date.now() - cachedAt).toBeLessThan(SLOTS_CACHE_MS);
    });

    it('when the other instance still shows a place just taken, then booking it there is SLOT_FULL and it shows taken at once', async () => {
      // Arrange (the first test's cached day ended with its minute): the other instance, which does not poll,
      // shows the day as it cached it.
      const slotId = slotIds[6] ?? '';
      await onePlaceLeft(slotId);
      const [first, second] = [await citizen(), await citizen()];
      expect(await remainingOn(other.api, slotId)).toBe(1);
      await book(stack.api, first, slotId).expect(201);
      const shownThere = await remainingOn(other.api, slotId);

      // Act
      const late = await book(other.api, second, slotId);

      // Assert: the cache showed a place, the hall system refused it, and the refusal dropped the cached day.
      expect(shownThere).toBe(1);
      expect([late.status, (late.body as { error?: { code: string } }).error?.code]).toEqual([409, 'SLOT_FULL']);
      expect(await remainingOn(other.api, slotId)).toBe(0);
      expect(await remainingOn(stack.api, slotId)).toBe(0);
    });
  });
});
