import { TEST_GOV_APP_KEY, newSandbox, type Agent } from '../../testing/fixtures';
import {
  APPLICANT,
  HK_PASS_ITEM,
  OTHER_PERSON,
  PNG_BYTES,
  act,
  submission,
  submit,
  submitted,
  upload,
} from '../../testing/approval';
import type { CaseRecord } from './records';

function readCase(agent: Agent, bjbh: string, sfzmhm: string) {
  return agent.get(`/approval/v1/cases/${bjbh}`).set('X-App-Key', TEST_GOV_APP_KEY).query({ sfzmhm });
}

function withdraw(agent: Agent, bjbh: string, sfzmhm: string = APPLICANT.idNumber) {
  return agent
    .post(`/approval/v1/cases/${bjbh}/withdraw`)
    .set('X-App-Key', TEST_GOV_APP_KEY)
    .send({ sfzmhm, chyy: '信息填写有误，重新申请' });
}

describe('POST /approval/v1/cases', () => {
  it('when a valid case is submitted, then it starts at 01 with a 申请 step, a case number of today and the promised date', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-03-02T02:00:00Z' }).expect(200);
    const file = await upload(agent, PNG_BYTES, 'photo.png');

    // Act
    const res = await submit(
      agent,
      submission({ cl: [{ clmc: '近期免冠照片', ly: 'SC', wjbs: file.body.data.wjbs }], fbjbh: 'YJS2026030200001' }),
    );

    // Assert
    expect(res.body.code).toBe('0000');
    const record = res.body.data as CaseRecord;
    expect(record).toMatchObject({
      bjbh: expect.stringMatching(/^202603024401\d{10}$/),
      sxbm: HK_PASS_ITEM,
      sxmc: '往来港澳通行证首次申领',
      zt: '01',
      sqsj: '20260302100000',
      // Monday + 7 working days.
      cnbjrq: '20260311',
      dqhj: '受理',
      dqclbm: '广州市公安局出入境管理支队',
      dqjzsj: '20260303235959',
      fbjbh: 'YJS2026030200001',
    });
    expect(record.lcjl).toEqual([{ hjmc: '申请', zt: '01', clr: '申请人', clsj: '20260302100000', yj: '网上申请' }]);
  });

  it('when submitted the day before National Day 2026, then the promised date skips the holiday and counts the 调休 Saturday', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-09-30T02:00:00Z' }).expect(200);

    // Act
    const record = await submitted(agent);

    // Assert
    expect(record.cnbjrq).toBe('20261015');
    expect(record.dqjzsj).toBe('20261008235959');
  });

  it('when submitted on the Friday before the 调休 Sunday of 2026-09-20, then acceptance is due on that Sunday', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-09-18T02:00:00Z' }).expect(200);

    // Act
    const record = await submitted(agent);

    // Assert
    expect(record.dqjzsj).toBe('20260920235959');
  });

  it('when 50 requests with the same wbbh arrive at once, then one case exists and all answer its bjbh', async () => {
    // Arrange
    const agent = newSandbox();
    const body = submission();

    // Act
    const answers = await Promise.all(Array.from({ length: 50 }, () => submit(agent, body)));
    const list = await agent.get('/sandbox/approval/cases').query({ sfzmhm: APPLICANT.idNumber }).expect(200);

    // Assert
    const numbers = new Set(answers.map((res) => res.body.data?.bjbh as string));
    expect(answers.every((res) => res.body.code === '0000')).toBe(true);
    expect(numbers.size).toBe(1);
    expect(list.body.items).toHaveLength(1);
  });

  it('when a later retry repeats the wbbh, then it answers the existing case; another person reusing it gets 1002', async () => {
    // Arrange
    const agent = newSandbox();
    const first = await submitted(agent, { wbbh: 'WB-REPEAT-0001' });

    // Act
    const again = await submit(agent, submission({ wbbh: 'WB-REPEAT-0001' }));
    const stranger = await submit(
      agent,
      submission({
        wbbh: 'WB-REPEAT-0001',
        sqr: { xm: OTHER_PERSON.name, sfzmhm: OTHER_PERSON.idNumber, sjhm: OTHER_PERSON.phone },
      }),
    );

    // Assert
    expect(again.body).toEqual({ code: '0000', msg: '成功', data: first });
    expect(stranger.body.code).toBe('1002');
    expect(JSON.stringify(stranger.body)).not.toContain(first.bjbh);
  });

  it('when the item is unknown, then it answers 2001', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await submit(agent, submission({ sxbm: '11440100007502484E0100201999999' }));

    // Assert
    expect(res.body).toEqual({ code: '2001', msg: '事项不存在' });
  });

  it.each([
    { label: 'a short wbbh', body: () => submission({ wbbh: 'short' }) },
    {
      label: 'a bad ID number',
      body: () => ({ ...submission(), sqr: { xm: '张三', sfzmhm: '440101199001011234', sjhm: '13800000000' } }),
    },
    { label: 'a material of unknown origin', body: () => ({ ...submission(), cl: [{ clmc: '照片', ly: 'XX' }] }) },
    { label: 'a missing required form field', body: () => submission({ bdsj: {} }) },
    {
      label: 'a field the form does not have',
      body: () => ({ ...submission(), bdsj: { ...submission().bdsj, hack: 'x' } }),
    },
    {
      label: 'a file that was never uploaded',
      body: () => submission({ cl: [{ clmc: '照片', ly: 'SC', wjbs: 'WJ00' }] }),
    },
  ])('when the request has $label, then it answers 1002 with a message', async ({ body }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await submit(agent, body());

    // Assert
    expect(res.body).toEqual({ code: '1002', msg: expect.stringMatching(/^请求参数错误：.+/) });
  });

  it("when a material is another person's upload, then it answers 1002", async () => {
    // Arrange
    const agent = newSandbox();
    const theirs = await upload(agent, PNG_BYTES, 'their.png', OTHER_PERSON.idNumber);

    // Act
    const res = await submit(agent, submission({ cl: [{ clmc: '照片', ly: 'SC', wjbs: theirs.body.data.wjbs }] }));

    // Assert
    expect(res.body.code).toBe('1002');
  });
});

describe('GET /approval/v1/cases/:bjbh', () => {
  it("when the applicant asks, then the case comes back; another person's number answers exactly like an unknown one", async () => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent);

    // Act
    const mine = await readCase(agent, record.bjbh, APPLICANT.idNumber);
    const theirs = await readCase(agent, record.bjbh, OTHER_PERSON.idNumber);
    const unknown = await readCase(agent, '2026010144010000000000', OTHER_PERSON.idNumber);
    const noId = await agent.get(`/approval/v1/cases/${record.bjbh}`).set('X-App-Key', TEST_GOV_APP_KEY);

    // Assert
    expect(mine.body).toEqual({ code: '0000', msg: '成功', data: record });
    expect(theirs.body).toEqual({ code: '4004', msg: '办件不存在' });
    expect(unknown.body).toEqual(theirs.body);
    expect(noId.body.code).toBe('1002');
  });
});

describe('withdraw and supplements', () => {
  it.each(['01', '02', '03', '04'])(
    'when the case is at %s, then the applicant can withdraw it (08)',
    async (status) => {
      // Arrange
      const agent = newSandbox();
      const record = await submitted(agent);
      const path: Record<string, object[]> = {
        '01': [],
        '02': [{ action: 'accept' }],
        '03': [{ action: 'accept' }, { action: 'review' }],
        '04': [{ action: 'accept' }, { action: 'supplement', bcnr: '照片不清晰' }],
      };
      for (const step of path[status] ?? []) await act(agent, record.bjbh, step).expect(200);

      // Act
      const res = await withdraw(agent, record.bjbh);

      // Assert
      expect(res.body.data).toMatchObject({ zt: '08', dqhj: '撤回', dqclbm: '申请人' });
      expect(res.body.data.dqjzsj).toBeUndefined();
      expect(res.body.data.lcjl.at(-1)).toMatchObject({
        hjmc: '撤回',
        zt: '08',
        clr: '申请人',
        yj: '信息填写有误，重新申请',
      });
    },
  );

  it('when the case is decided, withdrawn or not theirs, then withdrawing answers 4010 or 4004', async () => {
    // Arrange
    const agent = newSandbox();
    const approved = await submitted(agent);
    for (const action of ['accept', 'review', 'approve']) await act(agent, approved.bjbh, { action }).expect(200);
    const other = await submitted(agent);

    // Act
    const decided = await withdraw(agent, approved.bjbh);
    await withdraw(agent, other.bjbh).expect(200);
    const twice = await withdraw(agent, other.bjbh);
    const stranger = await withdraw(agent, other.bjbh, OTHER_PERSON.idNumber);

    // Assert
    expect(decided.body.code).toBe('4010');
    expect(twice.body.code).toBe('4010');
    expect(stranger.body.code).toBe('4004');
  });

  it('when a 补正 is pending, then the answer moves the case back to 03; without one it answers 4009', async () => {
    // Arrange
    const agent = newSandbox();
    const record = await submitted(agent);
    const early = await agent
      .post(`/approval/v1/cases/${record.bjbh}/supplements`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: APPLICANT.idNumber, bcsm: '已补充', cl: [] });
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    const asked = await act(agent, record.bjbh, { action: 'supplement', bcnr: '请上传清晰的近期免冠照片' }).expect(200);
    const photo = await upload(agent, PNG_BYTES, 'photo.png');

    // Act
    const res = await agent
      .post(`/approval/v1/cases/${record.bjbh}/supplements`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({
        sfzmhm: APPLICANT.idNumber,
        bcsm: '已重新上传照片',
        cl: [{ clmc: '照片', ly: 'SC', wjbs: photo.body.data.wjbs }],
      });

    // Assert
    expect(early.body.code).toBe('4009');
    expect(asked.body).toMatchObject({ zt: '04', bcnr: '请上传清晰的近期免冠照片', dqhj: '补正', dqclbm: '申请人' });
    expect(res.body.code).toBe('0000');
    expect(res.body.data.zt).toBe('03');
    expect(res.body.data.bcnr).toBeUndefined();
    expect(res.body.data.lcjl.at(-1)).toMatchObject({ hjmc: '补正', zt: '03', clr: '申请人', yj: '已重新上传照片' });
  });
  it('when a 补正 waits for the applicant, then the clock stops and the promised date moves on by the working days waited', async () => {
    // Arrange: filed Monday 2026-03-02 (7 working days: due 2026-03-11), 补正 asked on Tuesday
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-03-02T02:00:00Z' }).expect(200);
    const record = await submitted(agent);
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    await agent.post('/sandbox/clock').send({ set: '2026-03-03T06:00:00Z' }).expect(200);
    const asked = (await act(agent, record.bjbh, { action: 'supplement', bcnr: '照片不清晰' }).expect(200))
      .body as CaseRecord;

    // Act: answered the next Monday, after Wednesday, Thursday, Friday and Monday
    await agent.post('/sandbox/clock').send({ set: '2026-03-09T01:00:00Z' }).expect(200);
    const res = await agent
      .post(`/approval/v1/cases/${record.bjbh}/supplements`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: APPLICANT.idNumber, bcsm: '已重新上传照片', cl: [] });

    // Assert
    expect(asked).toMatchObject({ zt: '04', cnbjrq: '20260311', jsztsj: '20260303140000' });
    const answered = res.body.data as CaseRecord;
    expect(answered).toMatchObject({ zt: '03', cnbjrq: '20260317', ztgzr: '4', dqjzsj: '20260317235959' });
    expect(answered.jsztsj).toBeUndefined();
  });

  it('when a 补正 is answered the day it was asked, then the promised date stays', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-03-02T02:00:00Z' }).expect(200);
    const record = await submitted(agent);
    await act(agent, record.bjbh, { action: 'accept' }).expect(200);
    await act(agent, record.bjbh, { action: 'supplement', bcnr: '照片不清晰' }).expect(200);

    // Act
    await agent
      .post('/sandbox/clock')
      .send({ advanceMs: 3 * 3_600_000 })
      .expect(200);
    const res = await agent
      .post(`/approval/v1/cases/${record.bjbh}/supplements`)
      .set('X-App-Key', TEST_GOV_APP_KEY)
      .send({ sfzmhm: APPLICANT.idNumber, bcsm: '已重新上传照片', cl: [] });

    // Assert
    expect(res.body.data).toMatchObject({ zt: '03', cnbjrq: '20260311' });
    expect(res.body.data.ztgzr).toBeUndefined();
  });
});
