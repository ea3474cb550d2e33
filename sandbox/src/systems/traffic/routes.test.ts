import { seedCitizen } from '../../seed/citizens';
import { newSandbox } from '../../testing/fixtures';
import { personWithRole } from '../../testing/identity';
import { trafficGet, trafficPerson } from '../../testing/traffic';
import { gbkBytes } from './fixed-width';

const PRIMARY = seedCitizen('primary');
const COMPACT_DATE = /^\d{8}$/;

describe('traffic public API: gateway checks', () => {
  it.each([
    ['GET', 'drv'],
    ['GET', 'veh'],
    ['GET', 'vio'],
    ['POST', 'jj/check'],
    ['POST', 'jcdy/check'],
  ])('when %s %s comes without the right X-App-Key, then it answers HTTP 401 with 1001', async (method, path) => {
    // Arrange
    const agent = newSandbox();
    const url = `/traffic/v1/${path}`;

    // Act
    const missing =
      method === 'GET' ? await agent.get(url).query({ sfzmhm: PRIMARY.idNumber }) : await agent.post(url).send({});
    const wrong =
      method === 'GET'
        ? await agent.get(url).set('X-App-Key', 'wrong').query({ sfzmhm: PRIMARY.idNumber })
        : await agent.post(url).set('X-App-Key', 'wrong').send({});

    // Assert
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: '1001', msg: '鉴权失败' });
    }
  });

  it.each([
    ['drv', {}],
    ['drv', { sfzmhm: '   ' }],
    ['veh', {}],
    ['vio', { lx: 'xc' }],
    ['vio', { sfzmhm: PRIMARY.idNumber }],
    ['vio', { sfzmhm: PRIMARY.idNumber, lx: 'all' }],
    ['vio', { sfzmhm: PRIMARY.idNumber, lx: 'xc', clbj: '2' }],
    ['vio', { sfzmhm: PRIMARY.idNumber, lx: 'xc', pageNo: '0' }],
    ['vio', { sfzmhm: PRIMARY.idNumber, lx: 'xc', pageSize: '101' }],
    ['vio', { sfzmhm: PRIMARY.idNumber, lx: 'xc', pageSize: 'ten' }],
  ])('when GET %s has bad parameters %j, then it answers 4000', async (path, query) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await trafficGet(agent, path, query).expect(200);

    // Assert
    expect(res.body.code).toBe('4000');
    expect(res.body.msg).toMatch(/^请求参数错误/);
  });
});

describe('GET /traffic/v1/drv', () => {
  it('when a driver is looked up, then the licence comes in the 车驾管 dialect with the name padded to its column', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await trafficGet(agent, 'drv', { sfzmhm: PRIMARY.idNumber }).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const drv = res.body.data.drv as Record<string, string>;
    expect(Object.keys(drv).sort()).toEqual(
      [
        'dabh',
        'sfzmhm',
        'xm',
        'xb',
        'gj',
        'csrq',
        'zjcx',
        'ljjf',
        'qfrq',
        'yxqs',
        'yxqz',
        'cclzrq',
        'syrq',
        'tjrq',
        'fzjg',
        'zt',
      ].sort(),
    );
    expect(Object.values(drv).every((value) => typeof value === 'string')).toBe(true);
    expect(drv).toMatchObject({ sfzmhm: PRIMARY.idNumber, xb: '1', gj: '中国', csrq: PRIMARY.birthDate, fzjg: '粤A' });
    expect(drv.dabh).toMatch(/^\d{12}$/);
    expect(drv.xm?.trim()).toBe(PRIMARY.name);
    expect(drv.xm).not.toBe(PRIMARY.name);
    expect(gbkBytes(drv.xm ?? '')).toBe(30);
    for (const key of ['qfrq', 'yxqs', 'yxqz', 'cclzrq', 'tjrq']) expect(drv[key]).toMatch(COMPACT_DATE);
    expect(drv.ljjf).toMatch(/^\d+$/);
  });

  it('when someone without a driving licence is looked up, then it answers 4001 无驾驶证信息; an unknown number too', async () => {
    // Arrange
    const agent = newSandbox();
    const child = personWithRole('child');

    // Act
    const noLicence = await trafficGet(agent, 'drv', { sfzmhm: child.idNumber }).expect(200);
    const unknown = await trafficGet(agent, 'drv', { sfzmhm: '110101199001011237' }).expect(200);

    // Assert
    expect(noLicence.body).toEqual({ code: '4001', msg: '无驾驶证信息' });
    expect(unknown.body).toEqual({ code: '4001', msg: '无驾驶证信息' });
  });
});

describe('GET /traffic/v1/veh', () => {
  it('when an owner is looked up, then each vehicle has the dialect fields, padded brand and owner, and no mortgage details', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await trafficGet(agent, 'veh', { sfzmhm: PRIMARY.idNumber }).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const list = res.body.data.list as Record<string, string>[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const veh of list) {
      expect(Object.keys(veh).sort()).toEqual(
        [
          'xh',
          'hphm',
          'hpzl',
          'cllx',
          'clpp',
          'clxh',
          'csys',
          'syxz',
          'ccdjrq',
          'yxqz',
          'qzbfqz',
          'bxzzrq',
          'dybj',
          'clsbdh',
          'syr',
          'zt',
        ].sort(),
      );
      expect(veh.xh).toMatch(/^\d{14}$/);
      expect(veh.hphm).toMatch(/^粤A([A-HJ-NP-Z0-9]{5}|[DF]\d{5})$/);
      expect(veh.clsbdh).toMatch(/^[0-9A-HJ-NPR-Z]{17}$/);
      expect(veh.dybj).toMatch(/^[01]$/);
      expect(veh.zt).toMatch(/^[A-Q]+$/);
      expect(gbkBytes(veh.clpp ?? '')).toBe(32);
      expect(veh.syr?.trim()).toBe(PRIMARY.name);
      for (const key of ['ccdjrq', 'yxqz', 'qzbfqz', 'bxzzrq']) expect(veh[key]).toMatch(COMPACT_DATE);
    }
  });

  it('when someone with no vehicle is looked up, then the list is empty (not an error)', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await trafficGet(agent, 'veh', { sfzmhm: personWithRole('child').idNumber }).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '0000', msg: '成功', data: { list: [] } });
  });
});

describe('GET /traffic/v1/vio', () => {
  it('when camera records are listed, then they are against the person’s plates, newest first, with padded text columns', async () => {
    // Arrange
    const agent = newSandbox();
    const plates = (await trafficPerson(agent, PRIMARY.idNumber)).vehicles.map((vehicle) => vehicle.hphm);

    // Act
    const res = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc' }).expect(200);

    // Assert
    expect(res.body.code).toBe('0000');
    const { total, list } = res.body.data as { total: string; list: Record<string, string>[] };
    expect(Number(total)).toBe(list.length);
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const vio of list) {
      expect(plates).toContain(vio.hphm);
      expect(vio.wfsj).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(vio.wfxw).toMatch(/^\d{4,5}$/);
      expect(vio.fkje).toMatch(/^\d+$/);
      expect(vio.wfjf).toMatch(/^\d+$/);
      expect(vio.clbj).toMatch(/^[01]$/);
      expect(vio.jkbj).toMatch(/^[01]$/);
      expect(vio.cjjg).toMatch(/^\d{12}$/);
      expect(gbkBytes(vio.wfdz ?? '')).toBe(128);
      expect(vio.wfdz).not.toBe(vio.wfdz?.trim());
    }
    const times = list.map((vio) => vio.wfsj ?? '');
    expect(times).toEqual([...times].sort().reverse());
  });

  it('when records are filtered by clbj and paged, then total counts the filtered records and pages follow each other', async () => {
    // Arrange
    const agent = newSandbox();
    const all = (await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc' })).body.data.list as {
      wfbh: string;
      clbj: string;
    }[];

    // Act
    const open = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc', clbj: '0' });
    const first = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc', pageNo: '1', pageSize: '2' });
    const second = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc', pageNo: '2', pageSize: '2' });

    // Assert
    const unhandled = all.filter((vio) => vio.clbj === '0');
    expect(open.body.data.total).toBe(String(unhandled.length));
    expect(open.body.data.list.map((vio: { wfbh: string }) => vio.wfbh)).toEqual(unhandled.map((vio) => vio.wfbh));
    expect(first.body.data.total).toBe(String(all.length));
    const paged = [...first.body.data.list, ...second.body.data.list].map((vio: { wfbh: string }) => vio.wfbh);
    expect(paged).toEqual(all.slice(0, 4).map((vio) => vio.wfbh));
  });

  it('when on-site records are listed, then the primary citizen has a handled 决定书 with points', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'xc', clbj: '1' }).expect(200);

    // Assert
    const list = res.body.data.list as { wfjf: string; clbj: string }[];
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.some((vio) => Number(vio.wfjf) > 0)).toBe(true);
  });
});

describe('traffic data determinism', () => {
  it('when two sandboxes share a seed, then the same person has the same licence, vehicles and records; another seed differs', async () => {
    // Arrange
    const a = newSandbox({ seed: 7 });
    const b = newSandbox({ seed: 7 });
    const c = newSandbox({ seed: 8 });
    const snapshot = async (agent: ReturnType<typeof newSandbox>, sfzmhm: string): Promise<string> =>
      JSON.stringify([
        (await trafficGet(agent, 'drv', { sfzmhm })).body,
        (await trafficGet(agent, 'veh', { sfzmhm })).body,
        (await trafficGet(agent, 'vio', { sfzmhm, lx: 'fxc' })).body,
        (await trafficGet(agent, 'vio', { sfzmhm, lx: 'xc' })).body,
      ]);
    const citizensOf7 = (await a.get('/sandbox/seed/citizens')).body.citizens as { idNumber: string }[];
    const primaryOf7 = citizensOf7[0]?.idNumber ?? '';

    // Act
    await trafficGet(b, 'veh', { sfzmhm: citizensOf7[1]?.idNumber ?? '' }); // someone else first: files are per person
    const fromA = await snapshot(a, primaryOf7);
    const fromB = await snapshot(b, primaryOf7);
    const fromC = await snapshot(c, (await c.get('/sandbox/seed/citizens')).body.citizens[0].idNumber as string);

    // Assert
    expect(fromB).toBe(fromA);
    expect(fromC).not.toBe(fromA);
  });
});

describe('traffic faults', () => {
  it('when the traffic system is set to fail, then it answers HTTP 500 with 9999 in its envelope', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/traffic').send({ errorRate: 1 }).expect(200);

    // Act
    const res = await trafficGet(agent, 'drv', { sfzmhm: PRIMARY.idNumber });

    // Assert
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
  });
});
