import { newSandbox, type Agent } from '../../testing/fixtures';

async function version(agent: Agent): Promise<{ bbh: string; fbsj: string }> {
  const res = await agent.get('/catalog/v2/version').expect(200);
  return res.body.data as { bbh: string; fbsj: string };
}

/** 出生登记（婚生子女）: a member of the 新生儿出生 package. */
const BIRTH_ITEM = '1144010000750226540700103000001';

describe('catalog control routes', () => {
  it('when an item is renamed, then the version, the item, its gxsj and the package listing it change', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.post('/sandbox/clock').send({ set: '2026-03-02T02:03:04Z' }).expect(200);
    const before = await version(agent);

    // Act
    const published = await agent
      .post('/sandbox/catalog/publish')
      .send({ sxbm: BIRTH_ITEM, sxmc: '新生儿出生登记（婚生子女）' })
      .expect(200);
    const after = await version(agent);
    const item = await agent.get(`/catalog/v2/items/${BIRTH_ITEM}`).expect(200);
    const pkg = await agent.get('/catalog/v2/packages/YJS001CS').expect(200);
    const oldTag = await agent.get('/catalog/v2/items').set('If-None-Match', `"${before.bbh}"`);

    // Assert
    expect(after.bbh).not.toBe(before.bbh);
    expect(after.fbsj).toBe('20260302100304');
    expect(published.body).toMatchObject({
      bbh: after.bbh,
      item: { sxmc: '新生儿出生登记（婚生子女）' },
      packages: ['YJS001CS'],
    });
    expect(item.body.data).toMatchObject({ sxmc: '新生儿出生登记（婚生子女）', gxsj: '20260302100304' });
    expect(pkg.body.data.gxsj).toBe('20260302100304');
    expect(pkg.body.data.cyx.find((m: { sxbm: string }) => m.sxbm === BIRTH_ITEM).sxmc).toBe(
      '新生儿出生登记（婚生子女）',
    );
    expect(oldTag.status).toBe(200);
  });

  it('when an empty publication is made, then only the version moves', async () => {
    // Arrange
    const agent = newSandbox();
    const before = await version(agent);
    const firstPage = await agent.get('/catalog/v2/items').expect(200);

    // Act
    await agent.post('/sandbox/catalog/publish').send({}).expect(200);
    const after = await version(agent);
    const samePage = await agent.get('/catalog/v2/items').expect(200);

    // Assert
    expect(after.bbh).not.toBe(before.bbh);
    expect(samePage.body.data.list).toEqual(firstPage.body.data.list);
  });

  it('when the sandbox is reset, then the seed names and the seed version come back', async () => {
    // Arrange
    const agent = newSandbox();
    const seed = await version(agent);
    const seedItem = await agent.get(`/catalog/v2/items/${BIRTH_ITEM}`).expect(200);
    await agent.post('/sandbox/catalog/publish').send({ sxbm: BIRTH_ITEM, sxmc: '改名' }).expect(200);

    // Act
    await agent.post('/sandbox/reset').expect(200);
    const after = await version(agent);
    const item = await agent.get(`/catalog/v2/items/${BIRTH_ITEM}`).expect(200);
    const stats = await agent.get('/sandbox/catalog/stats').expect(200);

    // Assert
    expect(after).toEqual(seed);
    expect(item.body.data).toEqual(seedItem.body.data);
    expect(stats.body).toMatchObject({ bbh: seed.bbh, items: 415, packages: 40, publications: 0 });
  });

  it('when two sandboxes start, then they publish the same seed version (stable across restarts)', async () => {
    // Arrange / Act
    const [first, second] = await Promise.all([version(newSandbox()), version(newSandbox())]);

    // Assert
    expect(first).toEqual(second);
  });

  it.each([
    { label: 'an unknown item', body: { sxbm: 'NOPE00000000' }, status: 404 },
    { label: 'a name without an item', body: { sxmc: '新名' }, status: 400 },
    { label: 'an empty name', body: { sxbm: BIRTH_ITEM, sxmc: ' ' }, status: 400 },
    { label: 'a non-string code', body: { sxbm: 42 }, status: 400 },
  ])('when a publication names $label, then it is refused and nothing changes', async ({ body, status }) => {
    // Arrange
    const agent = newSandbox();
    const before = await version(agent);

    // Act
    const res = await agent.post('/sandbox/catalog/publish').send(body);
    const after = await version(agent);

    // Assert
    expect(res.status).toBe(status);
    expect(res.body.error.code).toEqual(expect.any(String));
    expect(after).toEqual(before);
  });
});
