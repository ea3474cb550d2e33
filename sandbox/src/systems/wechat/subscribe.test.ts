import { seedCitizen } from '../../seed/citizens';
import { newSandbox, type Agent } from '../../testing/fixtures';
import { accessToken } from '../../testing/identity';
import { SUBSCRIBE_TEMPLATES } from './subscribe-templates';

const USER = seedCitizen('primary');
const PROGRESS = SUBSCRIBE_TEMPLATES.find((template) => template.key === 'CASE_PROGRESS');
if (!PROGRESS) throw new Error('no CASE_PROGRESS template');

const PROGRESS_DATA = {
  character_string1: { value: '20260302-440106-K7Q2M9' },
  thing2: { value: '往来港澳通行证首次申领' },
  phrase3: { value: '审核通过' },
  time4: { value: '2026年3月2日 15:01' },
  thing5: { value: '请留意证件寄递信息' },
};

function message(override: object = {}) {
  return {
    touser: USER.openid,
    template_id: PROGRESS?.id,
    page: 'packages/cases/pages/detail/index?id=1',
    data: PROGRESS_DATA,
    miniprogram_state: 'formal',
    ...override,
  };
}

async function send(agent: Agent, body: object, token?: string) {
  const res = await agent
    .post('/cgi-bin/message/subscribe/send')
    .query({ access_token: token ?? (await accessToken(agent)) })
    .send(body);
  expect(res.status).toBe(200);
  return res.body as { errcode: number; errmsg: string; msgid?: number };
}

function grant(agent: Agent, templateId: string, count?: number, openid = USER.openid) {
  return agent
    .post('/sandbox/wechat/subscribe')
    .send({ openid, templateId, ...(count === undefined ? {} : { count }) });
}

describe('POST /cgi-bin/message/subscribe/send', () => {
  it('when the user accepted the template once, then one message is delivered to the outbox and the next answers 43101', async () => {
    // Arrange
    const agent = newSandbox();
    const granted = await grant(agent, 'CASE_PROGRESS').expect(200);

    // Act
    const first = await send(agent, message());
    const second = await send(agent, message());
    const outbox = await agent.get('/sandbox/wechat/subscribe/outbox').query({ openid: USER.openid }).expect(200);

    // Assert
    expect(granted.body).toEqual({ openid: USER.openid, templateId: PROGRESS.id, quota: 1 });
    expect(first).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    expect(second.errcode).toBe(43101);
    expect(outbox.body.items).toEqual([
      {
        msgid: first.msgid,
        touser: USER.openid,
        templateId: PROGRESS.id,
        templateKey: 'CASE_PROGRESS',
        title: '办件进度通知',
        page: 'packages/cases/pages/detail/index?id=1',
        miniprogramState: 'formal',
        lang: 'zh_CN',
        data: {
          character_string1: '20260302-440106-K7Q2M9',
          thing2: '往来港澳通行证首次申领',
          phrase3: '审核通过',
          time4: '2026年3月2日 15:01',
          thing5: '请留意证件寄递信息',
        },
        text: '办件进度通知\n办件编号：20260302-440106-K7Q2M9\n事项名称：往来港澳通行证首次申领\n办理状态：审核通过\n更新时间：2026年3月2日 15:01\n备注：请留意证件寄递信息',
        sentAt: expect.any(String),
      },
    ]);
  });

  it('when the user accepted three times, then three messages go out, newest first in the outbox, and the quota is then used up', async () => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id, 2).expect(200);
    await grant(agent, PROGRESS.id).expect(200, { openid: USER.openid, templateId: PROGRESS.id, quota: 3 });
    const token = await accessToken(agent);

    // Act
    const results: number[] = [];
    for (const status of ['已受理', '审核中', '已办结', '已办结']) {
      results.push(
        (await send(agent, message({ data: { ...PROGRESS_DATA, phrase3: { value: status } } }), token)).errcode,
      );
    }
    const outbox = await agent.get('/sandbox/wechat/subscribe/outbox').expect(200);
    const quotas = await agent.get('/sandbox/wechat/subscribe').query({ openid: USER.openid }).expect(200);

    // Assert
    expect(results).toEqual([0, 0, 0, 43101]);
    expect(outbox.body.items.map((item: { data: { phrase3: string } }) => item.data.phrase3)).toEqual([
      '已办结',
      '审核中',
      '已受理',
    ]);
    expect(quotas.body.items).toEqual([{ openid: USER.openid, templateId: PROGRESS.id, quota: 0 }]);
  });

  it('when the user never accepted the template, then it answers 43101 and nothing is delivered', async () => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, 'BOOKING_CONFIRMED').expect(200);

    // Act
    const res = await send(agent, message());
    const outbox = await agent.get('/sandbox/wechat/subscribe/outbox').expect(200);

    // Assert
    expect(res).toEqual({ errcode: 43101, errmsg: expect.stringMatching(/^user refuse to accept the msg, rid: /) });
    expect(outbox.body.items).toEqual([]);
  });

  it.each([
    { label: 'a thing of 21 characters', key: 'thing2', value: '往来港澳通行证首次申领往来港澳通行证首次申' },
    { label: 'a character_string of 33 characters', key: 'character_string1', value: 'A'.repeat(33) },
    { label: 'a character_string with Chinese', key: 'character_string1', value: '办件20260302' },
    { label: 'a phrase of 6 characters', key: 'phrase3', value: '审核通过了吗' },
    { label: 'a phrase with latin letters', key: 'phrase3', value: 'OK' },
    { label: 'a time in ISO format', key: 'time4', value: '2026-03-02T15:01:00Z' },
    { label: 'a time of 25:00', key: 'time4', value: '25:00' },
    { label: 'an empty value', key: 'thing5', value: '' },
  ])('when the data has $label, then it answers 47003 and no quota is used', async ({ key, value }) => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await send(agent, message({ data: { ...PROGRESS_DATA, [key]: { value } } }));
    const quotas = await agent.get('/sandbox/wechat/subscribe').query({ openid: USER.openid }).expect(200);

    // Assert
    expect(res.errcode).toBe(47003);
    expect(res.errmsg).toContain(`data.${key}.value`);
    expect(quotas.body.items[0].quota).toBe(1);
  });

  it.each([
    { label: 'a missing keyword', data: { ...PROGRESS_DATA, thing5: undefined } },
    { label: 'a keyword the template lacks', data: { ...PROGRESS_DATA, thing9: { value: 'x' } } },
    { label: 'a bare string instead of {value}', data: { ...PROGRESS_DATA, thing2: '往来港澳通行证' } },
    { label: 'no data', data: undefined },
  ])('when the data has $label, then it answers 47003', async ({ data }) => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await send(agent, message({ data }));

    // Assert
    expect(res.errcode).toBe(47003);
  });

  it.each([
    { label: '15:01', value: '15:01' },
    { label: 'a date and time with dashes', value: '2026-03-02 15:01' },
    { label: 'a range', value: '2026年3月2日 09:00~09:30' },
  ])('when time4 is $label, then it is accepted', async ({ value }) => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await send(agent, message({ data: { ...PROGRESS_DATA, time4: { value } } }));

    // Assert
    expect(res.errcode).toBe(0);
  });

  it.each([
    { label: 'an openid nobody logged in with', override: { touser: 'oNobody_123456789012345678901' }, errcode: 40003 },
    { label: 'no touser', override: { touser: undefined }, errcode: 40003 },
    { label: 'an unknown template_id', override: { template_id: 'x'.repeat(43) }, errcode: 40037 },
    { label: 'a bad miniprogram_state', override: { miniprogram_state: 'production' }, errcode: 47001 },
    { label: 'a numeric page', override: { page: 12 }, errcode: 47001 },
    { label: 'a page with a leading slash', override: { page: '/packages/cases/pages/detail/index' }, errcode: 41030 },
    { label: 'a page the mini-program lacks', override: { page: 'pages/cases/detail?id=1' }, errcode: 41030 },
    { label: 'an H5 route as page', override: { page: 'packages/cases/pages/detail/index.html' }, errcode: 41030 },
  ])('when the message has $label, then it answers $errcode', async ({ override, errcode }) => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await send(agent, message(override));

    // Assert
    expect(res).toEqual({ errcode, errmsg: expect.stringContaining(', rid: ') });
  });

  it('when a page is unknown and the message is for a developer build, then it is delivered: only the live version is checked', async () => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await send(agent, message({ page: 'pages/new-feature/index', miniprogram_state: 'developer' }));

    // Assert
    expect(res.errcode).toBe(0);
  });

  it('when a message is refused for its page, then no quota is used', async () => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const refused = await send(agent, message({ page: 'pages/nowhere/index' }));
    const quotas = await agent.get('/sandbox/wechat/subscribe').query({ openid: USER.openid }).expect(200);

    // Assert
    expect(refused).toEqual({ errcode: 41030, errmsg: expect.stringMatching(/^invalid page, rid: /) });
    expect(quotas.body.items[0].quota).toBe(1);
  });

  it('when a brand-new user accepts a template through the control route, then they can be sent to', async () => {
    // Arrange
    const agent = newSandbox();
    const openid = 'oBrandNew_12345678901234567890';
    await grant(agent, PROGRESS.id, 1, openid).expect(200);

    // Act
    const res = await send(agent, message({ touser: openid }));

    // Assert
    expect(res.errcode).toBe(0);
  });

  it.each([
    { label: 'no access_token', token: '', errcode: 41001 },
    { label: 'a made-up access_token', token: '86_made-up', errcode: 40001 },
  ])('when the call has $label, then it answers $errcode', async ({ token, errcode }) => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id).expect(200);

    // Act
    const res = await agent
      .post('/cgi-bin/message/subscribe/send')
      .query(token ? { access_token: token } : {})
      .send(message());

    // Assert
    expect(res.body.errcode).toBe(errcode);
  });

  it('when the sandbox is reset, then quotas and the outbox are empty again', async () => {
    // Arrange
    const agent = newSandbox();
    await grant(agent, PROGRESS.id, 2).expect(200);
    await send(agent, message());

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const outbox = await agent.get('/sandbox/wechat/subscribe/outbox').expect(200);
    const res = await send(agent, message());

    // Assert
    expect(outbox.body.items).toEqual([]);
    expect(res.errcode).toBe(43101);
  });

  it.each([
    { label: 'an unknown template', body: { openid: USER.openid, templateId: 'nope' } },
    { label: 'a count of 0', body: { openid: USER.openid, templateId: 'CASE_PROGRESS', count: 0 } },
    { label: 'a bad openid', body: { openid: 'a b', templateId: 'CASE_PROGRESS' } },
  ])('when a grant has $label, then the control route answers 400', async ({ body }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.post('/sandbox/wechat/subscribe').send(body);

    // Assert
    expect(res.status).toBe(400);
  });

  it('when the templates are listed, then every keyword name has a known type and every id is 43 characters', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/sandbox/wechat/subscribe/templates').expect(200);

    // Assert
    const templates = res.body.templates as { id: string; keywords: Record<string, string> }[];
    expect(templates.length).toBe(SUBSCRIBE_TEMPLATES.length);
    for (const template of templates) {
      expect(template.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const key of Object.keys(template.keywords)) {
        expect(key).toMatch(
          /^(thing|character_string|phrase|time|date|number|amount|phone_number|car_number|name|letter|symbol)\d+$/,
        );
      }
    }
  });
});
