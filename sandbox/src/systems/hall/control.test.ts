import { newSandbox } from '../../testing/fixtures';
import {
  bookingBody,
  hallGet,
  hallPost,
  ID_CARD,
  MONDAY,
  MONDAY_0800,
  MONDAY_1000,
  personNumber,
  setClock,
  TIANHE,
} from '../../testing/hall';

describe('hall control routes (/sandbox/hall)', () => {
  it('when a slot is set, then the public slot list shows those numbers', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);

    // Act
    const res = await agent
      .put('/sandbox/hall/slots')
      .send({ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '10', zrs: 12, yyrs: 9, lsyyrs: 1 })
      .expect(200);

    // Assert
    expect(res.body.slot).toMatchObject({ sdbh: '10', zrs: 12, yyrs: 9, lszrs: 2, lsyyrs: 1 });
    const list = (await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq: MONDAY })).body.data.list as {
      sdbh: string;
    }[];
    expect(list.find((slot) => slot.sdbh === '10')).toEqual({
      sdbh: '10',
      kssj: '1330',
      jssj: '1400',
      zrs: '12',
      yyrs: '9',
      lszrs: '2',
      lsyyrs: '1',
    });
  });

  it.each([
    [{ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY }, 400],
    [{ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '01', zrs: 0 }, 400],
    [{ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '01', yyrs: 8 }, 400],
    [{ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '01', extra: 1 }, 400],
    [{ dtbh: TIANHE, ywdm: 'JG01', rq: MONDAY, sdbh: '01' }, 400],
    [{ dtbh: TIANHE, ywdm: ID_CARD, rq: '20260314', sdbh: '01' }, 400],
  ])('when a slot is set with %j, then it answers %s', async (body, status) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.put('/sandbox/hall/slots').send(body);

    // Assert
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it.each([
    [`/sandbox/hall/halls/GA00000000/queue/${ID_CARD}`, { ddrs: 1 }, 404],
    [`/sandbox/hall/halls/${TIANHE}/queue/JG01`, { ddrs: 1 }, 404],
    [`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`, {}, 400],
    [`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`, { ddrs: -1 }, 400],
    [`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`, { ddrs: 1, kfck: 0 }, 400],
  ])('when a queue is overridden at %s with %j, then it answers %s', async (url, body, status) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.put(url).send(body);

    // Assert
    expect(res.status).toBe(status);
  });

  it('when bookings are asked raw, then they carry the internal fields; unknown check-ins are 404', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    await hallPost(agent, 'yy', bookingBody(1)).expect(200);

    // Act
    const mine = await agent
      .get('/sandbox/hall/bookings')
      .query({ sfzmhm: personNumber(1) })
      .expect(200);
    const bad = await agent.get('/sandbox/hall/bookings').query({ sfzmhm: '123' });
    const checkIn = await agent.post('/sandbox/hall/bookings/YY0/check-in');

    // Assert
    expect(mine.body.bookings).toHaveLength(1);
    expect(mine.body.bookings[0]).toMatchObject({ wbbh: 'WB1', greenPlace: false, zt: '1' });
    expect(bad.status).toBe(400);
    expect(checkIn.status).toBe(404);
  });

  it('when the sandbox is reset, then bookings, tickets, slot and queue settings are back to the seed', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const seedSlots = (await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq: MONDAY })).body.data.list;
    await hallPost(agent, 'yy', bookingBody(1)).expect(200);
    await agent.put('/sandbox/hall/slots').send({ dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '05', yyrs: 6 });
    await setClock(agent, MONDAY_1000);
    const seedQueue = (await hallGet(agent, `dt/${TIANHE}/pd`)).body.data.list;
    await agent.put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`).send({ ddrs: 99 }).expect(200);
    await hallPost(agent, `dt/${TIANHE}/qh`, {
      wbbh: 'QH1',
      ywdm: ID_CARD,
      sfzmhm: personNumber(1),
      sjhm: '13800138000',
    }).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    await setClock(agent, MONDAY_0800);
    const slots = (await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq: MONDAY })).body.data.list;
    const bookings = (await hallGet(agent, 'yy', { sfzmhm: personNumber(1) })).body.data;
    await setClock(agent, MONDAY_1000);
    const queue = (await hallGet(agent, `dt/${TIANHE}/pd`)).body.data.list;

    // Assert
    expect(slots).toEqual(seedSlots);
    expect(bookings).toEqual({ list: [], sycs: '0' });
    expect(queue).toEqual(seedQueue);
  });
});
