import { newSandbox } from '../../testing/fixtures';
import {
  advanceMinutes,
  DASHA,
  EXIT_ENTRY,
  hallGet,
  ID_CARD,
  MONDAY,
  MONDAY_0800,
  MONDAY_1000,
  setClock,
  TIANHE,
} from '../../testing/hall';

interface WireSlot {
  sdbh: string;
  kssj: string;
  jssj: string;
  zrs: string;
  yyrs: string;
  lszrs: string;
  lsyyrs: string;
}

interface WireQueue {
  ywdm: string;
  ddrs: string;
  pjblsj: string;
  kfck: string;
}

describe('hall public API: gateway checks', () => {
  it.each([
    ['GET', 'yw'],
    ['GET', 'dt'],
    ['GET', `dt/${TIANHE}/pd`],
    ['GET', `dt/${TIANHE}/hy`],
    ['GET', 'zzd'],
    ['GET', 'yy'],
    ['POST', 'yy'],
    ['POST', 'yy/YY1/qx'],
    ['POST', 'yy/YY1/gq'],
    ['POST', `dt/${TIANHE}/qh`],
    ['GET', 'qh/A001'],
  ])('when %s %s comes without the right X-App-Key, then it answers HTTP 401 with 1001', async (method, path) => {
    // Arrange
    const agent = newSandbox();
    const url = `/hall/v1/${path}`;

    // Act
    const missing = method === 'GET' ? await agent.get(url) : await agent.post(url).send({});
    const wrong =
      method === 'GET'
        ? await agent.get(url).set('X-App-Key', 'wrong')
        : await agent.post(url).set('X-App-Key', 'wrong').send({});

    // Assert
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: '1001', msg: '鉴权失败' });
    }
  });

  it('when the hall system is set to fail, then it answers HTTP 500 with 9999', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/hall').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await hallGet(agent, 'yw');

    // Assert
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
  });
});

describe('GET /hall/v1/yw and /hall/v1/dt', () => {
  it('when the businesses are listed, then each has a code, a name and a police type', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await hallGet(agent, 'yw').expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const list = res.body.data.list as { ywdm: string; ywmc: string; jzlb: string }[];
    expect(list.length).toBe(12);
    expect(list.map((business) => business.ywdm)).toEqual(
      expect.arrayContaining(['HZ01', 'HZ02', 'CR01', 'CR02', 'CR04', 'CR05', 'JG01', 'JG02', 'ZA01', 'WA01']),
    );
    expect(list.find((business) => business.ywdm === 'CR02')).toEqual({
      ywdm: 'CR02',
      ywmc: '港澳台签注',
      jzlb: '出入境',
    });
  });

  it('when the halls are listed, then there are 23 across the 11 districts with hours, coordinates and windows', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await hallGet(agent, 'dt').expect(200);

    // Assert
    const list = res.body.data.list as {
      dtbh: string;
      qxmc: string;
      wd: string;
      jd: string;
      gzsj: { xq: string; kssj: string; jssj: string; yc: string }[];
      yw: { ywdm: string; cks: string }[];
    }[];
    expect(list).toHaveLength(23);
    expect(new Set(list.map((hall) => hall.qxmc)).size).toBe(11);
    const tianhe = list.find((hall) => hall.dtbh === TIANHE);
    expect(tianhe).toMatchObject({ dtmc: '天河区政务服务中心公安窗口', qxdm: '440106', qxmc: '天河区' });
    expect(tianhe?.gzsj).toEqual([
      { xq: '1-5', kssj: '0900', jssj: '1700', yc: '0' },
      { xq: '1-5', kssj: '1700', jssj: '2000', yc: '1' },
    ]);
    expect(tianhe?.yw).toContainEqual({ ywdm: ID_CARD, cks: '4' });
    for (const hall of list) {
      expect(Number(hall.wd)).toBeGreaterThan(22.5);
      expect(Number(hall.jd)).toBeGreaterThan(113);
    }
    expect(list.filter((hall) => hall.gzsj.some((line) => line.yc === '1')).length).toBeGreaterThan(5);
  });
});

describe('GET /hall/v1/dt/:dtbh/pd (live queues)', () => {
  it('when the clock moves through a Monday, then the queue is empty before opening and moves during the day', async () => {
    // Arrange
    const agent = newSandbox();
    const queueAt = async (iso: string): Promise<WireQueue[]> => {
      await setClock(agent, iso);
      const res = await hallGet(agent, `dt/${TIANHE}/pd`).expect(200);
      return res.body.data.list as WireQueue[];
    };

    // Act
    const early = await queueAt(MONDAY_0800);
    const morning = await queueAt(MONDAY_1000);
    const afternoon = await queueAt('2026-03-09T15:40:00+08:00');
    const again = await queueAt(MONDAY_1000);

    // Assert
    expect(early.map((queue) => queue.ywdm)).toEqual(['HZ01', 'HZ02', 'HZ03', 'ZA01', 'WA01']);
    expect(early.every((queue) => queue.ddrs === '0' && queue.kfck === '0')).toBe(true);
    expect(morning.find((queue) => queue.ywdm === ID_CARD)).toMatchObject({ kfck: '4' });
    expect(morning.reduce((sum, queue) => sum + Number(queue.ddrs), 0)).toBeGreaterThan(0);
    expect(afternoon).not.toEqual(morning);
    expect(again).toEqual(morning);
  });

  it('when the update time is read, then it is the sandbox clock in Beijing time', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);

    // Act
    const res = await hallGet(agent, `dt/${TIANHE}/pd`).expect(200);

    // Assert
    expect(res.body.data.gxsj).toMatch(/^2026030910000\d$/);
  });

  it('when an unknown hall is asked, then it answers 6404', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await hallGet(agent, 'dt/GA00000000/pd').expect(200);

    // Assert
    expect(res.body).toEqual({ code: '6404', msg: '大厅不存在' });
  });
});

describe('GET /hall/v1/dt/:dtbh/hy (slots)', () => {
  it('when a Monday is asked at 天河, then half-hour slots run 09:00-20:00 with capacity from the windows', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);

    // Act
    const res = await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq: MONDAY }).expect(200);

    // Assert
    const list = res.body.data.list as WireSlot[];
    expect(list).toHaveLength(22);
    expect(list[0]).toMatchObject({ sdbh: '01', kssj: '0900', jssj: '0930', zrs: '8', lszrs: '2' });
    expect(list[list.length - 1]).toMatchObject({ sdbh: '22', kssj: '1930', jssj: '2000' });
    for (const slot of list) {
      expect(Number(slot.yyrs)).toBeLessThan(Number(slot.zrs) - Number(slot.lszrs));
      expect(slot.lsyyrs).toBe('0');
    }
  });

  it('when the day is under way, then the slots that have started are shown full', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);

    // Act
    const res = await hallGet(agent, `dt/${TIANHE}/hy`, { ywdm: ID_CARD, rq: MONDAY }).expect(200);

    // Assert
    const list = res.body.data.list as WireSlot[];
    const started = list.filter((slot) => slot.kssj <= '1000');
    expect(started.map((slot) => slot.sdbh)).toEqual(['01', '02', '03']);
    for (const slot of started) expect(slot).toMatchObject({ yyrs: slot.zrs, lsyyrs: slot.lszrs });
    expect(Number(list[3]?.yyrs)).toBeLessThan(Number(list[3]?.zrs));
  });

  it('when days from today to a week ahead are asked, then open days have slots, closed days none, and day 8 is 6005', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);

    // Act
    const saturday = await hallGet(agent, `dt/${DASHA}/hy`, { ywdm: ID_CARD, rq: '20260314' }).expect(200);
    const nextMonday = await hallGet(agent, `dt/${DASHA}/hy`, { ywdm: ID_CARD, rq: '20260316' }).expect(200);
    const tooFar = await hallGet(agent, `dt/${DASHA}/hy`, { ywdm: ID_CARD, rq: '20260317' }).expect(200);
    const yesterday = await hallGet(agent, `dt/${DASHA}/hy`, { ywdm: ID_CARD, rq: '20260308' }).expect(200);
    const sunday = await hallGet(agent, `dt/${EXIT_ENTRY}/hy`, { ywdm: 'CR02', rq: '20260315' }).expect(200);

    // Assert
    expect(saturday.body.data.list).toEqual([]);
    expect(nextMonday.body.data.list).toHaveLength(16);
    expect(sunday.body.data.list).toHaveLength(16);
    for (const res of [tooFar, yesterday]) expect(res.body).toEqual({ code: '6005', msg: '预约日期不在可预约范围内' });
  });

  it.each([
    [{ ywdm: ID_CARD }, '4000'],
    [{ ywdm: ID_CARD, rq: '2026-03-09' }, '4000'],
    [{ rq: MONDAY }, '4000'],
    [{ ywdm: 'JG01', rq: MONDAY }, '6007'],
  ])('when slots are asked with %j, then it answers %s', async (query, code) => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_0800);

    // Act
    const res = await hallGet(agent, `dt/${TIANHE}/hy`, query).expect(200);

    // Assert
    expect(res.body.code).toBe(code);
  });

  it('when an unknown hall’s slots are asked, then it answers 6404', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await hallGet(agent, 'dt/GA00000000/hy', { ywdm: ID_CARD, rq: MONDAY }).expect(200);

    // Assert
    expect(res.body.code).toBe('6404');
  });
});

describe('GET /hall/v1/zzd (self-service)', () => {
  it('when stations and terminals are counted, then there are 59 stations and 923 terminals', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const stations = await hallGet(agent, 'zzd', { lx: 'zzz', pageSize: '100' }).expect(200);
    const terminals = await hallGet(agent, 'zzd', { lx: 'zdj', pageNo: '10', pageSize: '100' }).expect(200);

    // Assert
    expect(stations.body.data.total).toBe('59');
    expect(stations.body.data.list).toHaveLength(59);
    expect(terminals.body.data.total).toBe('923');
    expect(terminals.body.data.list).toHaveLength(23);
    const station = (stations.body.data.list as { lx: string; yysj: string; gn: string[] }[])[0];
    expect(station).toMatchObject({ lx: 'zzz', yysj: '00:00-24:00' });
    expect(station?.gn.length).toBeGreaterThan(0);
  });

  it('when two sandboxes list the terminals, then they are the same (seeded)', async () => {
    // Arrange
    const first = newSandbox();
    const second = newSandbox();

    // Act
    const a = await hallGet(first, 'zzd', { lx: 'zdj', pageNo: '3', pageSize: '50' }).expect(200);
    const b = await hallGet(second, 'zzd', { lx: 'zdj', pageNo: '3', pageSize: '50' }).expect(200);

    // Assert
    expect(a.body).toEqual(b.body);
    const terminal = (a.body.data.list as { zdbh: string; gn: string[]; qxmc: string }[])[0];
    expect(terminal?.zdbh).toMatch(/^ZDJ\d{10}$/);
    expect(terminal?.gn.length).toBeGreaterThan(0);
  });

  it.each<Record<string, string>>([{ lx: 'abc' }, { pageSize: '101' }, { pageNo: '0' }])(
    'when stations are asked with %j, then it answers 4000',
    async (query) => {
      // Arrange
      const agent = newSandbox();

      // Act
      const res = await hallGet(agent, 'zzd', query).expect(200);

      // Assert
      expect(res.body.code).toBe('4000');
    },
  );
});

describe('sandbox clock and queues', () => {
  it('when the clock advances 20 minutes, then the queue snapshot time advances', async () => {
    // Arrange
    const agent = newSandbox();
    await setClock(agent, MONDAY_1000);

    // Act
    await advanceMinutes(agent, 20);
    const res = await hallGet(agent, `dt/${TIANHE}/pd`).expect(200);

    // Assert
    expect(res.body.data.gxsj).toMatch(/^2026030910200\d$/);
  });
});
