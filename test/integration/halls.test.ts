import { randomUUID } from 'node:crypto';
import type {
  Appointment,
  AppointmentList,
  HallDetail,
  HallList,
  HallRecommendation,
  SlotList,
  StationList,
  Ticket,
} from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';
import { bearer, loginBySms, loginByWechat, uniquePhone, verifyIdentity } from '../support/auth-helpers';
import { ageAt, beijingDate, msUntilWeekdayAt } from '../support/beijing-time';
import { hallBusinessDay } from '../support/halls';

type Person = { name: string; idNumber: string };
type ErrorBody = { error: { code: string; message: string; fields?: Array<{ path: string }> } };

/** A logged-in, verified citizen: their token and who they are. */
async function citizen(stack: TestStack, person: Person): Promise<{ token: string; person: Person; phone: string }> {
  const phone = uniquePhone();
  const { accessToken } = await loginBySms(stack, phone);
  await verifyIdentity(stack, accessToken, person);
  return { token: accessToken, person, phone };
}

/** Runs `work` over items, `width` at a time (logins are many; the sandbox and the database are one). */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  return out;
}

/**
 * Halls, queues, slots, bookings and tickets against the sandbox hall system
 * over HTTP, with the world moved to a weekday morning so opening hours do
 * not depend on when the suite runs.
 */
describe('halls: directory, live queues, recommendation, stations', () => {
  let stack: TestStack;
  let list: HallList;

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    list = (await stack.api().get('/api/v1/halls').expect(200)).body as HallList;
  });
  afterAll(() => stack.close());
  afterEach(() => stack.sandbox.clearFaults());

  it('when the halls are listed, then all 23 show with their businesses, open at 10:00 on a weekday', () => {
    expect(list.items).toHaveLength(23);
    expect(new Set(list.items.map((h) => h.district)).size).toBe(11);
    expect(list.items.every((h) => h.businesses.length > 0 && h.openNow)).toBe(true);
    expect(list.businesses.length).toBeGreaterThan(5);
  });

  it('when a position is given, then the halls come nearest first with their distance and wait', async () => {
    const tianhe = { lat: 23.1291, lng: 113.3246 };

    const res = await stack.api().get('/api/v1/halls').query(tianhe).expect(200);

    const items = (res.body as HallList).items;
    const distances = items.map((h) => h.distanceKm ?? -1);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeGreaterThanOrEqual(0);
    expect(items.every((h) => typeof h.estimatedWaitMinutes === 'number')).toBe(true);
  });

  it('when a district or a business is chosen, then only halls there or handling it are listed', async () => {
    const business = list.businesses[0]?.code ?? '';

    const inDistrict = (await stack.api().get('/api/v1/halls').query({ district: '天河区' }).expect(200))
      .body as HallList;
    const handling = (await stack.api().get('/api/v1/halls').query({ business }).expect(200)).body as HallList;

    expect(inDistrict.items.length).toBeGreaterThan(0);
    expect(inDistrict.items.every((h) => h.district.startsWith('天河'))).toBe(true);
    expect(handling.items.every((h) => h.businesses.some((b) => b.code === business))).toBe(true);
  });

  it('when the queue at a hall changes, then its detail shows the waiting count and the wait it means', async () => {
    const hall = list.items[0];
    const business = hall?.businesses[0]?.code ?? '';
    await stack.sandbox.setQueue(hall?.id ?? '', business, { ddrs: 12, kfck: 3, pjblsj: 10 });
    stack.clock.advance(16_000); // past the 15 s the BFF keeps a queue

    const detail = (
      await stack
        .api()
        .get(`/api/v1/halls/${hall?.id ?? ''}`)
        .expect(200)
    ).body as HallDetail;

    const queue = detail.queues.find((q) => q.business.code === business);
    expect(queue).toMatchObject({ waiting: 12, windows: 3, averageMinutes: 10, estimatedWaitMinutes: 40 });
    expect(detail.hours.length).toBeGreaterThan(0);
    expect(detail.queueUpdatedAt).toBeDefined();
  });

  it('when the nearest hall has a long queue, then another one is recommended, with the reason', async () => {
    // Arrange: a business several halls handle; the nearest of them is crowded.
    const business =
      list.businesses.find((b) => list.items.filter((h) => h.businesses.some((x) => x.code === b.code)).length >= 3)
        ?.code ?? '';
    const from = { lat: 23.1291, lng: 113.3246 };
    const near = (
      (
        await stack
          .api()
          .get('/api/v1/halls')
          .query({ ...from, business })
          .expect(200)
      ).body as HallList
    ).items;
    await stack.sandbox.setQueue(near[0]?.id ?? '', business, { ddrs: 300, kfck: 1, pjblsj: 15 });
    stack.clock.advance(16_000);

    // Act
    const res = await stack
      .api()
      .get('/api/v1/halls/recommend')
      .query({ ...from, business })
      .expect(200);

    // Assert
    const recommended = res.body as HallRecommendation;
    expect(recommended.hall.id).not.toBe(near[0]?.id);
    expect(recommended.totalMinutes).toBe(recommended.travelMinutes + recommended.waitMinutes);
    expect(recommended.reason).toContain('用时最短');
    expect(recommended.alternatives.every((a) => a.totalMinutes >= recommended.totalMinutes)).toBe(true);
  });

  it('when the queue system is down, then halls still list, only without waits', async () => {
    await stack.sandbox.setFault('hall', { errorRate: 1 });
    stack.clock.advance(16_000);

    const res = await stack.api().get('/api/v1/halls');

    expect(res.status).toBe(200);
    expect((res.body as HallList).items.every((h) => h.estimatedWaitMinutes === undefined)).toBe(true);
  });

  it('when an unknown hall or half a position is asked for, then 404 and 400 with the field named', async () => {
    const unknown = await stack.api().get('/api/v1/halls/NO-SUCH-HALL');
    const half = await stack.api().get('/api/v1/halls').query({ lat: 23.1 });

    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).error.code).toBe('HALL_NOT_FOUND');
    expect(half.status).toBe(400);
    expect((half.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
  });

  it('when self-service points are listed, then no two are alike, every one of the 923 machines is in one with its number, nearest first', async () => {
    // Arrange: every page of everything.
    const everything: StationList['items'] = [];
    for (let page = 1; ; page += 1) {
      const answer = (await stack.api().get('/api/v1/stations').query({ page, pageSize: 50 }).expect(200))
        .body as StationList;
      everything.push(...answer.items);
      if (!answer.hasMore) break;
    }

    // Act
    const stations = (await stack.api().get('/api/v1/stations').query({ kind: 'station' }).expect(200))
      .body as StationList;
    const service = stations.services[0] ?? '';
    const near = (await stack.api().get('/api/v1/stations').query({ service, lat: 23.1291, lng: 113.3246 }).expect(200))
      .body as StationList;

    // Assert: one entry per place and model, each machine in exactly one entry.
    const seen = everything.map((s) => `${s.name}|${s.address}|${s.lat}|${s.lng}`);
    expect(new Set(seen).size).toBe(everything.length);
    const machines = everything.flatMap((s) => s.machines);
    expect(machines).toHaveLength(923);
    expect(new Set(machines).size).toBe(923);
    expect(everything.filter((s) => s.kind === 'terminal').every((s) => s.machines.length > 0)).toBe(true);
    expect(stations.total).toBe(59);
    expect(near.items.every((s) => s.services.includes(service))).toBe(true);
    const d = near.items.map((s) => s.distanceKm ?? -1);
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });

  it('when the halls have closed for the day, then each says so and when it opens, without a wait, and only open halls are recommended', async () => {
    // Arrange: 18:00 on the weekday: most halls close at 17:00, a few have 5+X evenings.
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 18));
    stack.clock.advance(16_000);
    const from = { lat: 23.1291, lng: 113.3246 };

    // Act
    const evening = (await stack.api().get('/api/v1/halls').query(from).expect(200)).body as HallList;
    const recommended = (
      await stack
        .api()
        .get('/api/v1/halls/recommend')
        .query({ ...from, business: 'HZ02' })
        .expect(200)
    ).body as HallRecommendation;
    await stack.advanceTime(3 * 3_600_000); // 21:00: every hall closed
    const night = await stack
      .api()
      .get('/api/v1/halls/recommend')
      .query({ ...from, business: 'HZ02' });

    // Assert
    const closed = evening.items.filter((h) => !h.openNow);
    expect(closed.length).toBeGreaterThan(10);
    for (const hall of closed) {
      expect(hall.closed?.reason).toBe('after-hours');
      expect(hall.closed?.nextOpenAt).toMatch(/^\d{4}-\d{2}-\d{2}T09:00\+08:00$/);
      expect(hall.estimatedWaitMinutes).toBeUndefined();
    }
    expect(evening.items.filter((h) => h.openNow).every((h) => h.closed === undefined)).toBe(true);
    expect([recommended.hall, ...recommended.alternatives.map((a) => a.hall)].every((h) => h.openNow)).toBe(true);
    expect(night.status).toBe(409);
    expect((night.body as ErrorBody).error.code).toBe('HALLS_CLOSED');
    expect((night.body as ErrorBody).error.message).toMatch(/最早 .*09:00 开放/);
  });
});

describe('appointments: places never oversold, one per business, cancellations, green channel, reschedule', () => {
  let stack: TestStack;
  let hallId: string;
  let business: string;
  let day: string;
  let slots: SlotList;
  let residents: Array<Person & { birthDate: string }>;

  const resident = (n: number): Person => {
    const person = residents[n];
    if (!person) throw new Error(`the register has fewer than ${n + 1} residents aged 20-58`);
    return person;
  };

  const book = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
    stack.api().post('/api/v1/appointments').set(bearer(token)).set('Idempotency-Key', key).send(body);

  const slotsOf = async (date = day) =>
    (await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date }).expect(200)).body as SlotList;

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    // Tomorrow or the next open day: every slot of it is still ahead.
    ({ hallId, business, day } = await hallBusinessDay(stack, { hall: 0, day: 1 }));
    slots = await slotsOf();
    const register = [
      ...(await stack.sandbox.registerPeople('resident', 200, 0)),
      ...(await stack.sandbox.registerPeople('resident', 200, 200)),
      ...(await stack.sandbox.registerPeople('resident', 200, 400)),
    ];
    residents = register.filter(
      (p) => ageAt(p.birthDate, stack.clock.now()) >= 20 && ageAt(p.birthDate, stack.clock.now()) < 59,
    );
  });
  afterAll(() => stack.close());

  it('when a day out of the booking window is asked for, then 400 names the date', async () => {
    const res = await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business, date: '2000-01-01' });
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).error.fields?.[0]?.path).toBe('date');
  });

  it('when a slot is listed, then its places, the green-channel places and the bookable days show', () => {
    expect(slots.bookableDates.length).toBeGreaterThanOrEqual(5);
    expect(slots.items.length).toBeGreaterThan(0);
    expect(slots.items.every((s) => s.capacity >= s.remaining + s.greenRemaining)).toBe(true);
  });

  it('when 100 citizens race for the last place of a slot, then exactly one gets it and the others hear 已约满', async () => {
    // Arrange: one regular place left, two kept for the green channel.
    const slot = slots.items[2];
    await stack.sandbox.setSlot({
      dtbh: hallId,
      ywdm: business,
      rq: day.replace(/-/g, ''),
      sdbh: slot?.id ?? '',
      zrs: 5,
      lszrs: 2,
      yyrs: 2,
      lsyyrs: 0,
    });
    const racers = await inBatches(residents.slice(0, 100), 10, (p) => citizen(stack, p));
    expect(racers).toHaveLength(100);

    // Act
    const answers = await Promise.all(
      racers.map((r) =>
        book(r.token, { hallId, business, date: day, slotId: slot?.id, phone: r.phone }).then((res) => ({
          status: res.status,
          code: (res.body as Partial<ErrorBody>).error?.code,
        })),
      ),
    );

    // Assert
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.every((a) => a.status === 409 && a.code === 'SLOT_FULL')).toBe(true);
    const after = (await slotsOf()).items.find((s) => s.id === slot?.id);
    expect(after).toMatchObject({ remaining: 0, available: false, greenRemaining: 2 });
  }, 120_000);

  it('when I book, then I get a booking number and a QR code, and a retry with the same key books nothing more', async () => {
    const me = await citizen(stack, resident(150));
    const slot = slots.items[4];
    const key = randomUUID();
    const body = { hallId, business, date: day, slotId: slot?.id, phone: me.phone };

    const first = await book(me.token, body, key);
    const again = await book(me.token, body, key);

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const booked = first.body as Appointment;
    expect((again.body as Appointment).id).toBe(booked.id);
    expect(booked).toMatchObject({ status: 'booked', date: day, canCancel: true, greenChannel: false });
    expect(booked.qr?.payload).toMatch(/^SJYY1\./);
    const mine = (await stack.api().get('/api/v1/appointments').set(bearer(me.token)).expect(200))
      .body as AppointmentList;
    expect(mine.items.filter((a) => a.id === booked.id)).toHaveLength(1);
  });

  it('when I book the same business twice, then the second is refused until I cancel or move the first', async () => {
    const me = await citizen(stack, resident(151));
    await book(me.token, { hallId, business, date: day, slotId: slots.items[5]?.id, phone: me.phone }).expect(201);

    const second = await book(me.token, { hallId, business, date: day, slotId: slots.items[6]?.id, phone: me.phone });

    expect(second.status).toBe(409);
    expect((second.body as ErrorBody).error.code).toBe('APPOINTMENT_DUPLICATE');
  });

  it('when I cancel three bookings in time, then nothing counts against me and I can book again', async () => {
    const me = await citizen(stack, resident(152));
    for (let i = 0; i < 3; i += 1) {
      const booked = (
        await book(me.token, { hallId, business, date: day, slotId: slots.items[7 + i]?.id, phone: me.phone }).expect(
          201,
        )
      ).body as Appointment;
      const cancelled = await stack
        .api()
        .post(`/api/v1/appointments/${booked.id}/cancel`)
        .set(bearer(me.token))
        .expect(200);
      expect((cancelled.body as Appointment).status).toBe('cancelled');
    }

    const fourth = await book(me.token, { hallId, business, date: day, slotId: slots.items[11]?.id, phone: me.phone });
    const mine = (await stack.api().get('/api/v1/appointments').set(bearer(me.token)).expect(200))
      .body as AppointmentList;

    expect(fourth.status).toBe(201);
    expect(mine).toMatchObject({ noShows: 0, noShowLimit: 3, noShowWindowDays: 90 });
    expect(mine.blockedUntil).toBeUndefined();
  });

  it('when I book without a phone, then the account’s own phone gets the notices; a WeChat account without one is asked', async () => {
    const me = await citizen(stack, resident(162));
    const wechat = await loginByWechat(stack, `o-halls-${randomUUID()}`);
    await verifyIdentity(stack, wechat.accessToken, resident(163));

    const booked = await book(me.token, { hallId, business, date: day, slotId: slots.items[0]?.id });
    const noPhone = await book(wechat.accessToken, { hallId, business, date: day, slotId: slots.items[0]?.id });

    expect(booked.status).toBe(201);
    const raw = await fetch(`${stack.sandbox.url}/sandbox/hall/bookings?sfzmhm=${resident(162).idNumber}`);
    const { bookings } = (await raw.json()) as { bookings: Array<{ yybh: string; sqr: { sjhm: string } }> };
    expect(bookings.find((b) => b.yybh === (booked.body as Appointment).id)?.sqr.sjhm).toBe(me.phone);
    expect(noPhone.status).toBe(400);
    expect((noPhone.body as ErrorBody).error.fields?.[0]?.path).toBe('phone');
  });

  it('when only green-channel places are left, then someone who is 60 gets one and someone who is 59 does not', async () => {
    // Arrange: regular places all taken, two kept for 60+.
    const slot = slots.items[12];
    await stack.sandbox.setSlot({
      dtbh: hallId,
      ywdm: business,
      rq: day.replace(/-/g, ''),
      sdbh: slot?.id ?? '',
      zrs: 4,
      lszrs: 2,
      yyrs: 2,
      lsyyrs: 0,
    });
    const everyone = [
      ...(await stack.sandbox.registerPeople('resident', 200, 0)),
      ...(await stack.sandbox.registerPeople('resident', 200, 200)),
      ...(await stack.sandbox.registerPeople('resident', 200, 400)),
      ...(await stack.sandbox.registerPeople('resident', 200, 600)),
    ];
    const aged = (n: number) => everyone.find((p) => ageAt(p.birthDate, stack.clock.now()) === n);
    const sixty = aged(60);
    const fiftyNine = aged(59);
    expect(sixty && fiftyNine).toBeTruthy();
    const booker = await citizen(stack, resident(153));
    const forPerson = (p: Person) => ({
      hallId,
      business,
      date: day,
      slotId: slot?.id,
      phone: booker.phone,
      for: { name: p.name, idNumber: p.idNumber, phone: '13900000000', relation: '父母', consent: true },
    });

    // Act
    const younger = await book(booker.token, forPerson(fiftyNine!));
    const older = await book(booker.token, forPerson(sixty!));

    // Assert
    expect(younger.status).toBe(409);
    expect((younger.body as ErrorBody).error.code).toBe('SLOT_FULL');
    expect(older.status).toBe(201);
    expect(older.body as Appointment).toMatchObject({ greenChannel: true, forSomeoneElse: true });
    expect((older.body as Appointment).personName).toContain('*');
  });

  it('when I book for someone with a name that does not match their ID, or without their consent, then 400', async () => {
    const booker = await citizen(stack, resident(154));
    const other = resident(155);
    const base = { hallId, business, date: day, slotId: slots.items[13]?.id, phone: booker.phone };

    const wrongName = await book(booker.token, {
      ...base,
      for: { name: '错误姓名', idNumber: other.idNumber, phone: '13900000000', relation: '朋友', consent: true },
    });
    const noConsent = await book(booker.token, {
      ...base,
      for: { name: other.name, idNumber: other.idNumber, phone: '13900000000', relation: '朋友', consent: false },
    });

    expect(wrongName.status).toBe(400);
    expect((wrongName.body as ErrorBody).error.code).toBe('IDENTITY_MISMATCH');
    expect(noConsent.status).toBe(400);
    expect((noConsent.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
  });

  it('when someone books for others again and again, then after ten checks of the register in a day it is refused (429)', async () => {
    const booker = await citizen(stack, resident(159));
    const other = resident(160);
    const attempt = () =>
      book(booker.token, {
        hallId,
        business,
        date: day,
        slotId: slots.items[13]?.id,
        phone: booker.phone,
        for: { name: '不是本人', idNumber: other.idNumber, phone: '13900000000', relation: '朋友', consent: true },
      });

    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push((await attempt()).status);

    expect(answers.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(answers[10]).toBe(429);
  });

  it('when I move my booking to another slot, then it keeps its number and the old place is free again', async () => {
    const me = await citizen(stack, resident(156));
    const [from, to] = [slots.items[14], slots.items[15]];
    const before = (await slotsOf()).items.find((s) => s.id === from?.id)?.remaining ?? 0;
    const booked = (
      await book(me.token, { hallId, business, date: day, slotId: from?.id, phone: me.phone }).expect(201)
    ).body as Appointment;

    const moved = await stack
      .api()
      .post(`/api/v1/appointments/${booked.id}/reschedule`)
      .set(bearer(me.token))
      .send({ date: day, slotId: to?.id })
      .expect(200);

    expect((moved.body as Appointment).id).toBe(booked.id);
    expect((moved.body as Appointment).from).toBe(to?.from);
    expect((await slotsOf()).items.find((s) => s.id === from?.id)?.remaining).toBe(before);
  });

  it("when someone else's booking number is used, then 404 as if unknown, and nothing is cancelled", async () => {
    const owner = await citizen(stack, resident(157));
    const intruder = await citizen(stack, resident(158));
    const booked = (
      await book(owner.token, { hallId, business, date: day, slotId: slots.items[3]?.id, phone: owner.phone }).expect(
        201,
      )
    ).body as Appointment;

    const read = await stack.api().get(`/api/v1/appointments/${booked.id}`).set(bearer(intruder.token));
    const cancel = await stack.api().post(`/api/v1/appointments/${booked.id}/cancel`).set(bearer(intruder.token));

    expect(read.status).toBe(404);
    expect(cancel.status).toBe(404);
    expect((cancel.body as ErrorBody).error.code).toBe('APPOINTMENT_NOT_FOUND');
    const still = (await stack.api().get(`/api/v1/appointments/${booked.id}`).set(bearer(owner.token)).expect(200))
      .body as Appointment;
    expect(still.status).toBe('booked');
  });

  it('when today’s slots are listed mid-morning, then those started are past, not full, and the rest still bookable', async () => {
    const today = beijingDate(stack.clock.now());

    const list = await slotsOf(today);

    const started = list.items.filter((s) => s.from <= '10:00');
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((s) => s.past && !s.available)).toBe(true);
    expect(list.items.filter((s) => s.from > '10:30').every((s) => !s.past)).toBe(true);
    expect(list.items.some((s) => !s.past && s.available)).toBe(true);
  });

  // Last of this block: it moves the clock past today's slots.
  it('when I miss three bookings, then new bookings are refused until the date given, and my list says why', async () => {
    // Arrange: today's next slot for three of the hall's businesses, and I go to none of them.
    const me = await citizen(stack, resident(164));
    const today = beijingDate(stack.clock.now());
    const detail = (await stack.api().get(`/api/v1/halls/${hallId}`).expect(200)).body as HallDetail;
    const codes = detail.businesses.map((b) => b.code).filter((code) => code !== business);
    for (const code of codes.slice(0, 3)) {
      const todays = (
        await stack.api().get(`/api/v1/halls/${hallId}/slots`).query({ business: code, date: today }).expect(200)
      ).body as SlotList;
      const next = todays.items.find((s) => s.available);
      await book(me.token, { hallId, business: code, date: today, slotId: next?.id, phone: me.phone }).expect(201);
    }

    // Act: hours later (a new login: the access token has expired meanwhile).
    await stack.advanceTime(3 * 3_600_000);
    const { accessToken } = await loginBySms(stack, me.phone);
    const mine = (await stack.api().get('/api/v1/appointments').set(bearer(accessToken)).expect(200))
      .body as AppointmentList;
    const another = await book(accessToken, { hallId, business, date: day, slotId: slots.items[1]?.id });

    // Assert
    expect(mine.items.filter((a) => a.status === 'missed')).toHaveLength(3);
    expect(mine).toMatchObject({ noShows: 3, blockedUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(another.status).toBe(409);
    expect((another.body as ErrorBody).error.code).toBe('APPOINTMENT_BLOCKED');
    expect((another.body as ErrorBody).error.message).toContain(`${mine.blockedUntil ?? ''} 起才能再次预约`);
  });
});

describe('tickets: remote 取号 near opening hours, position as the hall calls', () => {
  let stack: TestStack;
  let hallId: string;
  let business: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const list = (await stack.api().get('/api/v1/halls').expect(200)).body as HallList;
    hallId = list.items[0]?.id ?? '';
    business = list.items[0]?.businesses[0]?.code ?? '';
  });
  afterAll(() => stack.close());

  const take = (token: string, phone: string, key = randomUUID()) =>
    stack
      .api()
      .post(`/api/v1/halls/${hallId}/tickets`)
      .set(bearer(token))
      .set('Idempotency-Key', key)
      .send({ business, phone });

  it('when a ticket is taken at 3 in the morning, then 409 says when taking tickets opens', async () => {
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 3));
    const person = await stack.sandbox.citizen('primary');
    const me = await citizen(stack, person);

    const res = await take(me.token, me.phone);

    expect(res.status).toBe(409);
    expect((res.body as ErrorBody).error.code).toBe('TICKET_CLOSED');
  });

  it('when a ticket is taken while the hall is open, then it has a number and a place, and the call reaches it', async () => {
    await stack.advanceTime(msUntilWeekdayAt(stack.clock.now(), 10));
    const person = await stack.sandbox.citizen('secondary');
    const me = await citizen(stack, person);
    const key = randomUUID();

    const first = await take(me.token, me.phone, key);
    const again = await take(me.token, me.phone, key);

    expect(first.status).toBe(201);
    const ticket = first.body as Ticket;
    expect((again.body as Ticket).id).toBe(ticket.id);
    expect(ticket).toMatchObject({ status: 'waiting', hall: { id: hallId } });
    expect(ticket.ahead).toBeGreaterThanOrEqual(0);

    await stack.sandbox.callTicket(ticket.number, hallId, '8号窗口');
    const called = (await stack.api().get(`/api/v1/tickets/${ticket.id}`).set(bearer(me.token)).expect(200))
      .body as Ticket;
    expect(called).toMatchObject({ status: 'called', window: '8号窗口' });

    const other = await citizen(stack, await stack.sandbox.citizen('elder'));
    const theirs = await stack.api().get(`/api/v1/tickets/${ticket.id}`).set(bearer(other.token));
    expect(theirs.status).toBe(404);
  });

  it('when a ticket is taken behind 48 people without typing a phone, then it says 48 ahead and its number comes after theirs', async () => {
    // Someone under 60: the green channel has its own queue.
    const people = await stack.sandbox.registerPeople('resident', 50, 700);
    const adult = people.find((p) => ageAt(p.birthDate, stack.clock.now()) < 59);
    if (!adult) throw new Error('no resident under 60 in the register page');
    const me = await citizen(stack, adult);
    await stack.sandbox.setQueue(hallId, business, { ddrs: 48 });
    stack.clock.advance(16_000);

    const res = await stack
      .api()
      .post(`/api/v1/halls/${hallId}/tickets`)
      .set(bearer(me.token))
      .set('Idempotency-Key', randomUUID())
      .send({ business });

    expect(res.status).toBe(201);
    const ticket = res.body as Ticket;
    expect(ticket.ahead).toBe(48);
    expect(Number(ticket.number.slice(1))).toBeGreaterThan(48);
  });
});
