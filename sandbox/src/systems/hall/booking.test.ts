import { newSandbox } from '../../testing/fixtures';
import { noShowStanding } from './no-shows';
import {
  advanceMinutes,
  bookingBody,
  elderNumber,
  hallGet,
  hallPost,
  ID_CARD,
  MONDAY,
  MONDAY_0800,
  MONDAY_1000,
  personNumber,
  setClock,
  setSlot,
  TIANHE,
} from '../../testing/hall';

interface WireBooking {
  yybh: string;
  rq: string;
  sdbh: string;
  kssj: string;
  zt: string;
  lstd: string;
}

const DAY_MINUTES = 24 * 60;

async function slotCounts(agent: ReturnType<typeof newSandbox>, sdbh: string, rq = MONDAY) {
  const res = await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq }).expect(200);
  return (res.body.data.list as { sdbh: string; yyrs: string; lsyyrs: string }[]).find((slot) => slot.sdbh === sdbh);
}

describe('POST /hall/v1/yy (booking)', () => {
  it('when a free slot is booked, then a booking number comes back and the slot counts one more', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const before = await slotCounts(agent, '03');

    // Act
    const res = await hallPost(agent, 'yy', bookingBody(1)).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    expect(res.body.data).toMatchObject({
      dtbh: TIANHE,
      ywdm: ID_CARD,
      rq: MONDAY,
      sdbh: '03',
      kssj: '1000',
      jssj: '1030',
      zt: '1',
      lstd: '0',
      cjsj: expect.stringMatching(/^20260309080\d{3}$/),
    });
    expect(res.body.data.yybh).toMatch(/^YY20260309\d{8}$/);
    const after = await slotCounts(agent, '03');
    expect(Number(after?.yyrs)).toBe(Number(before?.yyrs) + 1);
  });

  it('when the same wbbh is sent again, then the same booking comes back and no second place is taken', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const first = await hallPost(agent, 'yy', bookingBody(1)).expect(200);
    const counts = await slotCounts(agent, '03');

    // Act
    const again = await hallPost(agent, 'yy', bookingBody(1)).expect(200);

    // Assert
    expect(again.body).toEqual(first.body);
    expect(await slotCounts(agent, '03')).toEqual(counts);
  });

  it('when 100 people race for the last regular place, then exactly one gets it and the others hear 6001', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    await setSlot(agent, { dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '05', yyrs: 5 });

    // Act
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => hallPost(agent, 'yy', bookingBody(i + 1, { sdbh: '05' }))),
    );

    // Assert
    const codes = results.map((res) => res.body.code as string);
    expect(codes.filter((code) => code === '0000')).toHaveLength(1);
    expect(codes.filter((code) => code === '6001')).toHaveLength(99);
    expect(results.find((res) => res.body.code === '6001')?.body.msg).toBe('该时段已约满');
    expect(await slotCounts(agent, '05')).toMatchObject({ yyrs: '6', lsyyrs: '0' });
  });

  it('when regular places are gone, then a 60+ applicant books a green-channel place and others cannot', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    await setSlot(agent, { dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '04', yyrs: 6 });
    const elder = (n: number) => ({ xm: '李秀英', sfzmhm: elderNumber(n), sjhm: '13900139000' });

    // Act
    const young = await hallPost(agent, 'yy', bookingBody(1, { sdbh: '04' })).expect(200);
    const youngGreen = await hallPost(agent, 'yy', bookingBody(2, { sdbh: '04', lstd: '1' })).expect(200);
    const firstElder = await hallPost(agent, 'yy', bookingBody(3, { sdbh: '04', lstd: '1', sqr: elder(3) }));
    const secondElder = await hallPost(agent, 'yy', bookingBody(5, { sdbh: '04', lstd: '1', sqr: elder(5) }));
    const thirdElder = await hallPost(agent, 'yy', bookingBody(7, { sdbh: '04', lstd: '1', sqr: elder(7) }));

    // Assert
    expect(young.body.code).toBe('6001');
    expect(youngGreen.body).toMatchObject({ code: '4000', msg: '请求参数错误：绿色通道仅限60周岁以上申请人' });
    expect(firstElder.body.data).toMatchObject({ lstd: '1', zt: '1' });
    expect(secondElder.body.code).toBe('0000');
    expect(thirdElder.body.code).toBe('6001');
    expect(await slotCounts(agent, '04')).toMatchObject({ yyrs: '8', lsyyrs: '2' });
  });

  it('when a person books the same business again, then it answers 6002; another business is fine', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    await hallPost(agent, 'yy', bookingBody(1)).expect(200);

    // Act
    const again = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-other', sdbh: '06' })).expect(200);
    const other = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-hz01', ywdm: 'HZ01' })).expect(200);

    // Assert
    expect(again.body).toEqual({ code: '6002', msg: '已有该业务的有效预约' });
    expect(other.body.code).toBe('0000');
  });

  it.each([
    [{ dtbh: 'GA00000000' }, '6404'],
    [{ ywdm: 'JG01' }, '6007'],
    [{ rq: '20260317' }, '6005'],
    [{ sdbh: '40' }, '6004'],
    [{ rq: '20260314' }, '6004'],
    [{ sdbh: '3' }, '4000'],
    [{ rq: '2026-03-09' }, '4000'],
    [{ wbbh: '' }, '4000'],
    [{ lstd: '2' }, '4000'],
    [{ sqr: { xm: '陈伟', sfzmhm: '440106198805120011', sjhm: '13800138000' } }, '4000'],
    [{ sqr: { xm: '陈伟', sfzmhm: personNumber(1), sjhm: '12345' } }, '4000'],
    [{ dlr: { xm: '陈伟', sfzmhm: personNumber(1) } }, '4000'],
  ])('when a booking has %j, then it answers %s', async (override, code) => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);

    // Act
    const res = await hallPost(agent, 'yy', bookingBody(1, override)).expect(200);

    // Assert
    expect(res.body.code).toBe(code);
  });

  it('when a slot has already started, then booking it answers 6004', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);

    // Act
    const res = await hallPost(agent, 'yy', bookingBody(1, { sdbh: '03' })).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '6004', msg: '时段不存在或已过期' });
  });
});

describe('cancelling, no-shows and the booking block', () => {
  it('when a person misses three bookings within 90 days, then a fourth is refused with the date, and allowed 30 days later', async () => {
    // Arrange: Monday, Tuesday and Wednesday 10:00-10:30 booked and not turned up for.
    const agent = newSandbox();
    const sfzmhm = personNumber(1);
    for (const [i, day] of ['09', '10', '11'].entries()) {
      await setClock(agent, `2026-03-${day}T08:00:00+08:00`);
      await hallPost(agent, 'yy', bookingBody(1, { wbbh: `WB-m${i}`, rq: `202603${day}` })).expect(200);
    }
    await setClock(agent, '2026-03-11T10:31:00+08:00');

    // Act
    const blocked = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-4', rq: '20260312' })).expect(200);
    const standing = await hallGet(agent, 'yy', { sfzmhm }).expect(200);
    await advanceMinutes(agent, 29 * DAY_MINUTES);
    const stillBlocked = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-5', rq: '20260410' })).expect(200);
    await advanceMinutes(agent, DAY_MINUTES);
    const allowed = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-6', rq: '20260413' })).expect(200);

    // Assert
    expect(blocked.body).toEqual({
      code: '6003',
      msg: '近90天爽约次数过多，2026-04-10前不能预约',
      data: { jzrq: '20260410' },
    });
    expect(standing.body.data).toMatchObject({ sycs: '3', jzrq: '20260410' });
    expect((standing.body.data.list as WireBooking[]).map((booking) => booking.zt)).toEqual(['4', '4', '4']);
    expect(stillBlocked.body.code).toBe('6003');
    expect(allowed.body.code).toBe('0000');
  });

  it('when a person cancels three bookings in time, then nothing is counted against them and they can book again', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const sfzmhm = personNumber(1);
    for (let i = 0; i < 3; i += 1) {
      const booked = await hallPost(agent, 'yy', bookingBody(1, { wbbh: `WB-c${i}` })).expect(200);
      await hallPost(agent, `yy/${booked.body.data.yybh}/qx`, { sfzmhm }).expect(200);
    }

    // Act
    const fourth = await hallPost(agent, 'yy', bookingBody(1, { wbbh: 'WB-4' })).expect(200);
    const standing = await hallGet(agent, 'yy', { sfzmhm }).expect(200);

    // Assert
    expect(fourth.body.code).toBe('0000');
    expect(standing.body.data.sycs).toBe('0');
    expect(standing.body.data.jzrq).toBeUndefined();
  });

  it('when three no-shows are more than 90 days apart, then no block follows', async () => {
    // Arrange / Act / Assert on the rule itself: the first and third 91 days apart.
    const day = 24 * 60 * 60 * 1000;
    const start = Date.parse('2026-01-05T10:30:00+08:00');
    const standing = noShowStanding([start, start + 45 * day, start + 91 * day], start + 92 * day);

    expect(standing).toEqual({ sycs: 2 });
  });

  it('when someone else’s booking is cancelled, then it answers 6006 and the booking stays', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const booked = await hallPost(agent, 'yy', bookingBody(1)).expect(200);

    // Act
    const res = await hallPost(agent, `yy/${booked.body.data.yybh}/qx`, { sfzmhm: personNumber(3) }).expect(200);
    const unknown = await hallPost(agent, 'yy/YY2026030912345678/qx', { sfzmhm: personNumber(1) }).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '6006', msg: '预约不存在' });
    expect(unknown.body.code).toBe('6006');
    const list = (await hallGet(agent, 'yy', { sfzmhm: personNumber(1) })).body.data.list as WireBooking[];
    expect(list[0]?.zt).toBe('1');
  });

  it('when an agent books for someone, then both see it and the agent may cancel; a started slot cannot be', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const dlr = { xm: '王芳', sfzmhm: personNumber(9) };
    const forParent = await hallPost(agent, 'yy', bookingBody(1, { dlr })).expect(200);
    const other = await hallPost(agent, 'yy', bookingBody(3, { wbbh: 'WB-x', dlr })).expect(200);

    // Act
    const asAgent = await hallGet(agent, 'yy', { sfzmhm: dlr.sfzmhm }).expect(200);
    const cancelled = await hallPost(agent, `yy/${forParent.body.data.yybh}/qx`, { sfzmhm: dlr.sfzmhm }).expect(200);
    await setClock(agent, '2026-03-09T10:05:00+08:00');
    const late = await hallPost(agent, `yy/${other.body.data.yybh}/qx`, { sfzmhm: personNumber(3) }).expect(200);

    // Assert
    expect((asAgent.body.data.list as WireBooking[]).map((b) => b.yybh)).toEqual([
      other.body.data.yybh,
      forParent.body.data.yybh,
    ]);
    expect(cancelled.body.data).toMatchObject({ zt: '2', qxsj: expect.stringMatching(/^20260309/) });
    expect(late.body).toEqual({ code: '6008', msg: '该预约不能取消' });
  });

  it('when a slot ends without check-in, then the booking shows 爽约; a checked-in one shows 已签到', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const missed = await hallPost(agent, 'yy', bookingBody(1)).expect(200);
    const kept = await hallPost(agent, 'yy', bookingBody(3)).expect(200);
    await agent.post(`/sandbox/hall/bookings/${kept.body.data.yybh}/check-in`).expect(200);

    // Act
    await setClock(agent, '2026-03-09T10:31:00+08:00');
    const missedList = (await hallGet(agent, 'yy', { sfzmhm: personNumber(1) })).body.data.list as WireBooking[];
    const keptList = (await hallGet(agent, 'yy', { sfzmhm: personNumber(3) })).body.data.list as WireBooking[];

    // Assert
    expect(missedList[0]).toMatchObject({ yybh: missed.body.data.yybh, zt: '4' });
    expect(keptList[0]).toMatchObject({ zt: '3' });
  });
});

describe('POST /hall/v1/yy/:yybh/gq (reschedule)', () => {
  it('when a booking moves to a free slot, then it keeps its number and the places move with it', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const booked = await hallPost(agent, 'yy', bookingBody(1)).expect(200);
    const oldBefore = await slotCounts(agent, '03');
    const newBefore = await slotCounts(agent, '01', '20260310');

    // Act
    const res = await hallPost(agent, `yy/${booked.body.data.yybh}/gq`, {
      sfzmhm: personNumber(1),
      rq: '20260310',
      sdbh: '01',
    }).expect(200);

    // Assert
    expect(res.body.data).toMatchObject({ yybh: booked.body.data.yybh, rq: '20260310', sdbh: '01', kssj: '0900' });
    expect(Number((await slotCounts(agent, '03'))?.yyrs)).toBe(Number(oldBefore?.yyrs) - 1);
    expect(Number((await slotCounts(agent, '01', '20260310'))?.yyrs)).toBe(Number(newBefore?.yyrs) + 1);
  });

  it('when the new slot is full, then it answers 6001 and the old place is kept', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);
    const booked = await hallPost(agent, 'yy', bookingBody(1)).expect(200);
    await setSlot(agent, { dtbh: TIANHE, ywdm: ID_CARD, rq: MONDAY, sdbh: '07', yyrs: 6 });
    const before = await slotCounts(agent, '03');

    // Act
    const full = await hallPost(agent, `yy/${booked.body.data.yybh}/gq`, {
      sfzmhm: personNumber(1),
      rq: MONDAY,
      sdbh: '07',
    }).expect(200);
    const tooFar = await hallPost(agent, `yy/${booked.body.data.yybh}/gq`, {
      sfzmhm: personNumber(1),
      rq: '20260320',
      sdbh: '01',
    }).expect(200);
    const stranger = await hallPost(agent, `yy/${booked.body.data.yybh}/gq`, {
      sfzmhm: personNumber(3),
      rq: MONDAY,
      sdbh: '08',
    }).expect(200);

    // Assert
    expect(full.body.code).toBe('6001');
    expect(tooFar.body.code).toBe('6005');
    expect(stranger.body.code).toBe('6006');
    expect(await slotCounts(agent, '03')).toEqual(before);
    const list = (await hallGet(agent, 'yy', { sfzmhm: personNumber(1) })).body.data.list as WireBooking[];
    expect(list[0]).toMatchObject({ sdbh: '03', zt: '1' });
  });
});
