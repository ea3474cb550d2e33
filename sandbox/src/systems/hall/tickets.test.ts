import { newSandbox } from '../../testing/fixtures';
import {
  advanceMinutes,
  DASHA,
  elderNumber,
  hallGet,
  hallPost,
  ID_CARD,
  MONDAY_1000,
  personNumber,
  setClock,
  TIANHE,
} from '../../testing/hall';

const ticketBody = (n: number, overrides: Record<string, string> = {}) => ({
  wbbh: `QH${n}`,
  ywdm: ID_CARD,
  sfzmhm: personNumber(n),
  sjhm: '13800138000',
  lstd: '0',
  ...overrides,
});

async function queueOf(agent: ReturnType<typeof newSandbox>, ywdm = ID_CARD) {
  const res = await hallGet(agent, `dt/${TIANHE}/pd`).expect(200);
  return (res.body.data.list as { ywdm: string; ddrs: string }[]).find((queue) => queue.ywdm === ywdm);
}

describe('POST /hall/v1/dt/:dtbh/qh (remote tickets)', () => {
  it.each([
    ['2026-03-09T08:20:00+08:00', '6101'],
    ['2026-03-09T08:30:00+08:00', '0000'],
    ['2026-03-09T19:59:00+08:00', '0000'],
    ['2026-03-09T20:00:00+08:00', '6101'],
    ['2026-03-14T10:00:00+08:00', '6101'],
  ])('when a ticket is taken at 天河 at %s, then it answers %s', async (iso, code) => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, iso);

    // Act
    const res = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);

    // Assert
    expect(res.body.code).toBe(code);
    if (code === '6101') expect(res.body.msg).toBe('当前不在取号时间');
  });

  it('when a ticket is taken, then the people ahead are the queue and the queue grows by one', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    await agent.put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`).send({ ddrs: 8, kfck: 2, pjblsj: 5 }).expect(200);

    // Act
    const res = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);

    // Assert
    expect(res.body.data).toMatchObject({ dtbh: TIANHE, ywdm: ID_CARD, zt: '1', qmrs: '8', yjdd: '20' });
    expect(res.body.data.phbh).toMatch(/^B\d{3}$/);
    expect(res.body.data.qhsj).toMatch(/^2026030910000\d$/);
    expect((await queueOf(agent))?.ddrs).toBe('9');
  });

  it('when a ticket is taken with 48 people waiting, then its number comes after theirs and after those served today', async () => {
    // Arrange: an hour after opening, 48 walk-ins waiting for 居民身份证.
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    await agent.put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`).send({ ddrs: 48 }).expect(200);

    // Act
    const first = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);
    const second = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(2)).expect(200);

    // Assert: each number is past everyone ahead of it in the same queue.
    expect(first.body.data.qmrs).toBe('48');
    expect(second.body.data.qmrs).toBe('49');
    const number = (ticket: { phbh: string }) => Number(ticket.phbh.slice(1));
    expect(number(first.body.data)).toBeGreaterThan(48);
    expect(number(second.body.data)).toBe(number(first.body.data) + 1);
  });

  it('when the first ticket is taken before opening, then it is number 001 with nobody ahead', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, '2026-03-09T08:40:00+08:00');

    // Act
    const res = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);

    // Assert
    expect(res.body.data).toMatchObject({ phbh: 'B001', qmrs: '0' });
  });

  it('when the same wbbh or the same person asks again, then the same waiting ticket comes back', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    const first = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);

    // Act
    const sameWbbh = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200);
    const samePerson = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1, { wbbh: 'QH-again' })).expect(200);
    const otherBusiness = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1, { wbbh: 'QH-b', ywdm: 'HZ01' }));

    // Assert
    expect(sameWbbh.body.data.phbh).toBe(first.body.data.phbh);
    expect(samePerson.body.data.phbh).toBe(first.body.data.phbh);
    expect(otherBusiness.body.data.phbh).toMatch(/^A\d{3}$/);
  });

  it('when the clock advances, then the ticket moves up, is called at a window and is done', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    await agent
      .put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`)
      .send({ ddrs: 4, kfck: 2, pjblsj: 10 })
      .expect(200);
    const { phbh } = (await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200)).body.data as {
      phbh: string;
    };
    const status = async () =>
      (await hallGet(agent, `qh/${phbh}`, { dtbh: TIANHE, sfzmhm: personNumber(1) }).expect(200)).body.data;

    // Act
    await advanceMinutes(agent, 10);
    const halfway = await status();
    await advanceMinutes(agent, 10);
    const called = await status();
    await advanceMinutes(agent, 10);
    const done = await status();

    // Assert
    expect(halfway).toMatchObject({ zt: '1', qmrs: '2', yjdd: '10' });
    expect(called).toMatchObject({ zt: '2', qmrs: '0', ck: expect.stringMatching(/^0[1-2]$/) });
    expect(done).toMatchObject({ zt: '4' });
  });

  it('when staff call a ticket, then it shows the window; unknown or someone else’s tickets are 6102', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    await agent.put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`).send({ ddrs: 30 }).expect(200);
    const { phbh } = (await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(1)).expect(200)).body.data as {
      phbh: string;
    };

    // Act
    const call = await agent.post(`/sandbox/hall/tickets/${phbh}/call`).send({ ck: '07' }).expect(200);
    const mine = await hallGet(agent, `qh/${phbh}`, { dtbh: TIANHE, sfzmhm: personNumber(1) }).expect(200);
    const theirs = await hallGet(agent, `qh/${phbh}`, { dtbh: TIANHE, sfzmhm: personNumber(3) }).expect(200);
    const unknown = await hallGet(agent, 'qh/Z999', { dtbh: TIANHE, sfzmhm: personNumber(1) }).expect(200);
    const twice = await agent.post(`/sandbox/hall/tickets/${phbh}/call`).send({ ck: '07' });

    // Assert
    expect(call.body.ticket).toMatchObject({ phbh, zt: '2', ck: '07' });
    expect(mine.body.data).toMatchObject({ zt: '2', ck: '07', qmrs: '0' });
    for (const res of [theirs, unknown]) expect(res.body).toEqual({ code: '6102', msg: '排队号不存在' });
    expect(twice.status).toBe(409);
  });

  it('when a 60+ person takes a green-channel ticket, then it is an L number with only green tickets ahead (none: called at once)', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);
    await agent.put(`/sandbox/hall/halls/${TIANHE}/queue/${ID_CARD}`).send({ ddrs: 20 }).expect(200);

    // Act
    const green = await hallPost(agent, `dt/${TIANHE}/qh`, {
      ...ticketBody(1, { lstd: '1' }),
      sfzmhm: elderNumber(1),
    }).expect(200);
    const young = await hallPost(agent, `dt/${TIANHE}/qh`, ticketBody(3, { lstd: '1' })).expect(200);

    // Assert
    expect(green.body.data).toMatchObject({ zt: '2', qmrs: '0', yjdd: '0' });
    expect(green.body.data.phbh).toMatch(/^L\d{3}$/);
    expect(young.body.code).toBe('4000');
  });

  it('when a ticket is still waiting when the hall closes, then it is 过号', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, '2026-03-09T16:30:00+08:00');
    await agent
      .put(`/sandbox/hall/halls/${DASHA}/queue/${ID_CARD}`)
      .send({ ddrs: 50, kfck: 1, pjblsj: 10 })
      .expect(200);
    const { phbh } = (await hallPost(agent, `dt/${DASHA}/qh`, ticketBody(1)).expect(200)).body.data as { phbh: string };

    // Act
    await advanceMinutes(agent, 31);
    const res = await hallGet(agent, `qh/${phbh}`, { dtbh: DASHA, sfzmhm: personNumber(1) }).expect(200);

    // Assert
    expect(res.body.data.zt).toBe('3');
  });
});
