import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import request from 'supertest';
import { SandboxClock } from '../../core/clock';
import { SandboxEvents, type DecisionIssued } from '../../core/events';
import { Prng } from '../../core/prng';
import { toCompactDate } from '../../legacy/dates';
import { DEFAULT_SEED } from '../../options';
import { seedCitizen } from '../../seed/citizens';
import { newSandbox, TEST_GOV_APP_KEY, type Agent } from '../../testing/fixtures';
import { REGISTER } from '../../testing/identity';
import { trafficGet, trafficPerson, trafficPost } from '../../testing/traffic';
import { markFinesPaid } from './handling.routes';
import { TrafficPace } from './latency';
import { trafficRoutes } from './routes';
import { trafficTables } from './tables';
import { TrafficBook } from './traffic-book';

const PRIMARY = seedCitizen('primary');

/** The traffic routes alone, with the events in hand (decisionIssued out, finePaid in). */
function trafficWithEvents(): { agent: Agent; events: SandboxEvents; issued: DecisionIssued[] } {
  const clock = new SandboxClock();
  const events = new SandboxEvents();
  const book = new TrafficBook({
    register: REGISTER,
    seed: DEFAULT_SEED,
    asOf: toCompactDate(clock.now()),
    tables: trafficTables(),
    random: (stream) => Prng.derive(DEFAULT_SEED, stream),
  });
  const pace = new TrafficPace(0, () => Prng.derive(DEFAULT_SEED, 'pace'));
  const router = trafficRoutes({ appKey: TEST_GOV_APP_KEY, book, pace, clock, events });
  markFinesPaid(events, book);
  const issued: DecisionIssued[] = [];
  events.on('decisionIssued', (event) => issued.push(event));
  const app = new Koa().use(bodyParser()).use(router.routes());
  return { agent: request(app.callback()), events, issued };
}

/** The primary's seeded open camera records (parking, no points): handleable online. */
async function openCameraRecord(agent: Agent) {
  const { violations } = await trafficPerson(agent, PRIMARY.idNumber);
  const open = violations.fxc.find((record) => record.clbj === '0');
  if (!open) throw new Error('the primary citizen has no open camera record');
  return open;
}

describe('traffic 违法处理 routes', () => {
  it('when the seeded primary citizen’s open camera record is checked, then it may be handled online with the points before and after', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await openCameraRecord(agent);
    const { licence } = await trafficPerson(agent, PRIMARY.idNumber);

    // Act
    const res = await trafficPost(agent, 'vio/clcheck', { sfzmhm: PRIMARY.idNumber, wfbh: record.wfbh }).expect(200);

    // Assert
    expect(res.body).toEqual({
      code: '0000',
      msg: '成功',
      data: {
        wfbh: record.wfbh,
        ljjf: licence?.ljjf,
        wfjf: record.wfjf,
        cljf: String(Number(licence?.ljjf) + Number(record.wfjf)),
        fkje: record.fkje,
        zt: 'A',
      },
    });
  });

  it('when an open camera record is handled, then a 20-digit 决定书编号 is issued, the points move to the licence, decisionIssued goes out and a repeat of the same lsh answers the same decision', async () => {
    // Arrange
    const { agent, issued } = trafficWithEvents();
    await agent.post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`).send({}).expect(404); // control routes are not mounted here: records come from the seed
    const before = await trafficGet(agent, 'drv', { sfzmhm: PRIMARY.idNumber }).expect(200);
    const list = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc', clbj: '0' }).expect(200);
    const wfbh = String(list.body.data.list[0].wfbh);

    // Act
    const first = await trafficPost(agent, 'vio/cl', { sfzmhm: PRIMARY.idNumber, wfbh, lsh: 'op-0000000001' }).expect(
      200,
    );
    const again = await trafficPost(agent, 'vio/cl', { sfzmhm: PRIMARY.idNumber, wfbh, lsh: 'op-0000000001' }).expect(
      200,
    );
    const other = await trafficPost(agent, 'vio/cl', { sfzmhm: PRIMARY.idNumber, wfbh, lsh: 'op-0000000002' }).expect(
      200,
    );
    const detail = await trafficGet(agent, 'vio/detail', { sfzmhm: PRIMARY.idNumber, wfbh }).expect(200);

    // Assert
    expect(first.body.code).toBe('0000');
    expect(first.body.data.jdsbh).toMatch(/^4401\d{16}$/);
    expect(first.body.data.jdsj).toMatch(/^\d{14}$/);
    expect(first.body.data.ljjf).toBe(String(Number(before.body.data.drv.ljjf) + Number(first.body.data.wfjf)));
    expect(again.body).toEqual(first.body);
    expect(other.body.code).toBe('6001');
    expect(detail.body.data.vio).toMatchObject({ clbj: '1', jkbj: '0', jdsbh: first.body.data.jdsbh });
    expect(issued).toEqual([
      expect.objectContaining({
        jdsbh: first.body.data.jdsbh,
        wfbh,
        sfzmhm: PRIMARY.idNumber,
        fkje: first.body.data.fkje,
      }),
    ]);
  });

  it('when the 非税 platform reports the fine paid (finePaid), then the record becomes 已缴款', async () => {
    // Arrange
    const { agent, events } = trafficWithEvents();
    const list = await trafficGet(agent, 'vio', { sfzmhm: PRIMARY.idNumber, lx: 'fxc', clbj: '0' }).expect(200);
    const wfbh = String(list.body.data.list[0].wfbh);
    const handled = await trafficPost(agent, 'vio/cl', { sfzmhm: PRIMARY.idNumber, wfbh, lsh: 'op-0000000003' });

    // Act
    events.emit('finePaid', { jdsbh: handled.body.data.jdsbh, jfsj: '20261206120000' });
    const detail = await trafficGet(agent, 'vio/detail', { sfzmhm: PRIMARY.idNumber, wfbh }).expect(200);

    // Assert
    expect(detail.body.data.vio).toMatchObject({ clbj: '1', jkbj: '1' });
  });

  it('when a window-only act is added through the control API and handled, then the refusal names the window and nothing changes', async () => {
    // Arrange
    const agent = newSandbox();
    const added = await agent
      .post(`/sandbox/traffic/people/${PRIMARY.idNumber}/violations`)
      .send({ lx: 'fxc', wfxw: '1044' })
      .expect(201);
    const wfbh = String(added.body.violation.wfbh);

    // Act
    const res = await trafficPost(agent, 'vio/cl', { sfzmhm: PRIMARY.idNumber, wfbh, lsh: 'op-0000000004' }).expect(
      200,
    );
    const detail = await trafficGet(agent, 'vio/detail', { sfzmhm: PRIMARY.idNumber, wfbh }).expect(200);

    // Assert
    expect(res.body).toEqual({ code: '6005', msg: '须到车管所违法处理窗口处理：该违法行为一次记12分' });
    expect(detail.body.data.vio.clbj).toBe('0');
  });

  it('when the photos of a camera record are asked for, then there are three SVGs with the plate, time, place and camera burnt in, the same every time', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await openCameraRecord(agent);
    const query = (xh: string) => ({ sfzmhm: PRIMARY.idNumber, wfbh: record.wfbh, xh });

    // Act
    const detail = await trafficGet(agent, 'vio/detail', { sfzmhm: PRIMARY.idNumber, wfbh: record.wfbh }).expect(200);
    const photos = await Promise.all(['1', '2', '3'].map((xh) => trafficGet(agent, 'vio/zp', query(xh)).expect(200)));
    const repeat = await trafficGet(agent, 'vio/zp', query('1')).expect(200);
    const beyond = await trafficGet(agent, 'vio/zp', query('4')).expect(200);

    // Assert
    expect(detail.body.data.zpsl).toBe('3');
    for (const photo of photos) {
      expect(photo.body.data.zplx).toBe('image/svg+xml');
      const svg = Buffer.from(String(photo.body.data.zp), 'base64').toString('utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      for (const burnt of [record.hphm, record.wfdz, record.wfsj.slice(0, 16), /设备编号：\d{6}DJ\d{4}/]) {
        expect(svg).toMatch(burnt);
      }
    }
    expect(repeat.body.data.zp).toBe(photos[0]?.body.data.zp);
    expect(beyond.body.code).toBe('4004');
  });

  it('when the seeded secondary citizen’s open camera records are checked, then each is refused for its reason: 12 points reached, the 车管所 window, the brigade window', async () => {
    // Arrange
    const agent = newSandbox();
    const secondary = seedCitizen('secondary').idNumber;
    const { licence, violations } = await trafficPerson(agent, secondary);
    const open = (wfxw: string) => violations.fxc.find((r) => r.wfxw === wfxw && r.clbj === '0')?.wfbh ?? '';

    // Act
    const codes = await Promise.all(
      ['1352', '1044', '1603'].map(async (wfxw) => {
        const res = await trafficPost(agent, 'vio/clcheck', { sfzmhm: secondary, wfbh: open(wfxw) }).expect(200);
        return String(res.body.code);
      }),
    );
    const handled = violations.fxc.find((r) => r.clbj === '1')?.wfbh ?? '';
    const again = await trafficPost(agent, 'vio/clcheck', { sfzmhm: secondary, wfbh: handled }).expect(200);

    // Assert
    expect(licence?.ljjf).toBe('9');
    expect(codes).toEqual(['6003', '6005', '6004']);
    expect(again.body.code).toBe('6001');
  });

  it('when someone else’s 违法编号 is asked for by my ID number, then it answers 4003 for detail, photos, check and handling', async () => {
    // Arrange
    const agent = newSandbox();
    const theirs = await openCameraRecord(agent);
    const secondary = seedCitizen('secondary').idNumber;

    // Act
    const answers = await Promise.all([
      trafficGet(agent, 'vio/detail', { sfzmhm: secondary, wfbh: theirs.wfbh }),
      trafficGet(agent, 'vio/zp', { sfzmhm: secondary, wfbh: theirs.wfbh, xh: '1' }),
      trafficPost(agent, 'vio/clcheck', { sfzmhm: secondary, wfbh: theirs.wfbh }),
      trafficPost(agent, 'vio/cl', { sfzmhm: secondary, wfbh: theirs.wfbh, lsh: 'op-0000000005' }),
    ]);

    // Assert
    for (const res of answers) expect(res.body.code).toBe('4003');
  });
});
