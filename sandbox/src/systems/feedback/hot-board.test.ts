import { feedbackGet } from '../../testing/feedback';
import { newSandbox, type Agent } from '../../testing/fixtures';
import type { HotTopicOnWire } from './wire';

async function board(
  agent: Agent,
  query: Record<string, string> = {},
): Promise<{ gxsj: string; list: HotTopicOnWire[] }> {
  const res = await feedbackGet(agent, 'rdb', query).expect(200);
  expect(res.body.code).toBe('0000');
  return res.body.data as { gxsj: string; list: HotTopicOnWire[] };
}

function topic(agent: Agent, rdbh: string, body: object) {
  return agent.put(`/sandbox/feedback/hot-topics/${rdbh}`).send(body);
}

describe('民声热点榜: GET /feedback/v1/rdb', () => {
  it('when the board is asked, then the seeded topics come hottest first with 撤榜 last, values as strings', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const { gxsj, list } = await board(agent);

    // Assert
    expect(gxsj).toMatch(/^\d{14}$/);
    expect(list).toHaveLength(12);
    const open = list.filter((item) => item.zt !== '3');
    const closed = list.filter((item) => item.zt === '3');
    expect(list).toEqual([...open, ...closed]);
    for (const part of [open, closed]) {
      const heats = part.map((item) => Number(item.rd));
      expect(heats).toEqual([...heats].sort((a, b) => b - a));
    }
    expect(list[0]).toMatchObject({ rdbh: 'RD0001', bt: '暑期出入境办证排队时间长', zt: '1', rd: '1286' });
    for (const item of list) {
      expect(item.sbsj).toMatch(/^\d{14}$/);
      expect(item.sbsj < gxsj).toBe(true);
      expect(item.cljg === undefined).toBe(item.zt === '1');
    }
  });

  it('when the board is filtered by status, then only those topics come; a bad status is 4000', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const monitored = await board(agent, { zt: '2' });
    const bad = await feedbackGet(agent, 'rdb', { zt: '9' }).expect(200);

    // Assert
    expect(monitored.list.length).toBeGreaterThan(0);
    expect(monitored.list.every((item) => item.zt === '2')).toBe(true);
    expect(bad.body.code).toBe('4000');
  });

  it('when two sandboxes start with the same seed, then their boards are the same', async () => {
    // Arrange / Act
    const first = await board(newSandbox());
    const second = await board(newSandbox());

    // Assert
    expect(second.list).toEqual(first.list);
  });
});

describe('民声热点榜 control: PUT/POST /sandbox/feedback/hot-topics', () => {
  it('when a listed topic is monitored and then delisted with a resolution, then the board follows', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const monitored = await topic(agent, 'RD0002', { zt: '2' }).expect(200);
    const delisted = await topic(agent, 'RD0002', { zt: '3', cljg: '已增加周末服务点并扩大预约号源' }).expect(200);

    // Assert
    expect(monitored.body).toMatchObject({ zt: '2', cljg: '已转广州市公安局交通警察支队核查处理，持续监测中' });
    expect(delisted.body).toMatchObject({ zt: '3', cljg: '已增加周末服务点并扩大预约号源' });
    const { list } = await board(agent, { zt: '3' });
    expect(list.map((item) => item.rdbh)).toContain('RD0002');
  });

  it('when a topic would move backwards, stay put, or be delisted without a resolution, then 409 / 400', async () => {
    // Arrange
    const agent = newSandbox();

    // Act / Assert
    const back = await topic(agent, 'RD0006', { zt: '2' }).expect(409);
    expect(back.body.error.message).toContain('only move forward');
    await topic(agent, 'RD0001', { zt: '1' }).expect(409);
    const noResolution = await topic(agent, 'RD0003', { zt: '3' }).expect(400);
    expect(noResolution.body.error.message).toContain('cljg');
    await topic(agent, 'RD0001', { cljg: '还在上榜' }).expect(400);
    await topic(agent, 'RD0001', { zt: '4' }).expect(400);
    await topic(agent, 'RD0001', { bt: '改标题' }).expect(400);
    await topic(agent, 'RD9999', { zt: '2' }).expect(404);
    expect((await board(agent, { zt: '1' })).list.map((item) => item.rdbh)).toContain('RD0001');
  });

  it('when a listed topic skips straight to 撤榜 with a resolution, then that is allowed (forward)', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await topic(agent, 'RD0012', { zt: '3', cljg: '已开通线上年检' }).expect(200);

    // Assert
    expect(res.body.zt).toBe('3');
  });

  it('when a topic is added and its heat raised, then it is listed now and ranked by heat', async () => {
    // Arrange
    const agent = newSandbox();
    const before = await board(agent);

    // Act
    const added = await agent
      .post('/sandbox/feedback/hot-topics')
      .send({
        bt: '临时身份证办理需多次跑动',
        zy: '市民反映临时身份证需先后到两个窗口办理。',
        bm: '广州市公安局人口管理支队',
        rd: 700,
      })
      .expect(201);
    await topic(agent, 'RD0013', { rd: 5000 }).expect(200);

    // Assert
    expect(added.body).toMatchObject({ rdbh: 'RD0013', zt: '1', rd: '700' });
    const after = await board(agent);
    expect(after.list[0]).toMatchObject({ rdbh: 'RD0013', rd: '5000' });
    expect(after.gxsj >= before.gxsj).toBe(true);
    await agent.post('/sandbox/feedback/hot-topics').send({ bt: '缺少热度', zy: '摘要', bm: '部门' }).expect(400);
  });
});
