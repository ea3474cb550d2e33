import { newSandbox, type Agent } from '../../testing/fixtures';

interface PageBody {
  code: string;
  data: { bbh: string; total: number; pageNo: number; pageSize: number; list: { sxbm?: string; yjsbm?: string }[] };
}

async function itemPage(agent: Agent, query: Record<string, string | number>): Promise<PageBody> {
  const res = await agent.get('/catalog/v2/items').query(query).expect(200);
  return res.body as PageBody;
}

describe('catalog sync interface', () => {
  it('when the version is asked, then it answers bbh, fbsj and the counts with the quoted bbh as ETag', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const res = await agent.get('/catalog/v2/version').expect(200);

    // Assert
    expect(res.body).toEqual({
      code: '0000',
      msg: '成功',
      data: { bbh: expect.stringMatching(/^\d{8}\.[0-9A-F]{8}$/), fbsj: '20240528093000', sxzs: '415', yjszs: '40' },
    });
    expect(res.headers['etag']).toBe(`"${res.body.data.bbh}"`);
  });

  it('when items are listed without parameters, then page 1 of 20 comes back ordered by code', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const page = await itemPage(agent, {});

    // Assert
    expect(page.code).toBe('0000');
    expect(page.data).toMatchObject({ total: 415, pageNo: 1, pageSize: 20 });
    const codes = page.data.list.map((item) => item.sxbm ?? '');
    expect(codes).toHaveLength(20);
    expect([...codes].sort()).toEqual(codes);
  });

  it('when all pages of 100 are walked, then every item appears once, the last page is short and past the end is empty', async () => {
    // Arrange
    const agent = newSandbox();

    // Act
    const pages = await Promise.all([1, 2, 3, 4, 5, 6].map((pageNo) => itemPage(agent, { pageNo, pageSize: 100 })));

    // Assert
    expect(pages.map((page) => page.data.list.length)).toEqual([100, 100, 100, 100, 15, 0]);
    const codes = pages.flatMap((page) => page.data.list.map((item) => item.sxbm));
    expect(new Set(codes).size).toBe(415);
    expect(new Set(pages.map((page) => page.data.bbh)).size).toBe(1);
  });

  it.each([
    { label: 'pageSize over 100', query: { pageSize: '101' } },
    { label: 'pageNo 0', query: { pageNo: '0' } },
    { label: 'a negative pageSize', query: { pageSize: '-5' } },
    { label: 'a fractional pageNo', query: { pageNo: '1.5' } },
    { label: 'a word', query: { pageSize: 'abc' } },
    { label: 'a repeated parameter', query: 'pageNo=1&pageNo=2' },
  ])('when the list is asked with $label, then it answers 1002 with HTTP 200', async ({ query }) => {
    // Arrange
    const agent = newSandbox();

    // Act
    const items = await agent.get('/catalog/v2/items').query(query);
    const packages = await agent.get('/catalog/v2/packages').query(query);

    // Assert
    for (const res of [items, packages]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: '1002', msg: '分页参数错误' });
    }
  });

  it('when the client sends back the ETag, then lists and version answer 304 with an empty body', async () => {
    // Arrange
    const agent = newSandbox();
    const { headers } = await agent.get('/catalog/v2/version').expect(200);
    const etag = String(headers['etag']);

    // Act
    const items = await agent.get('/catalog/v2/items').query({ pageNo: 3 }).set('If-None-Match', etag);
    const packages = await agent.get('/catalog/v2/packages').set('If-None-Match', `W/${etag}`);
    const version = await agent.get('/catalog/v2/version').set('If-None-Match', etag);
    const stale = await agent.get('/catalog/v2/items').set('If-None-Match', '"20200101.00000000"');

    // Assert
    for (const res of [items, packages, version]) {
      expect(res.status).toBe(304);
      expect(res.text).toBe('');
    }
    expect(stale.status).toBe(200);
    expect(stale.body.data.list).toHaveLength(20);
  });

  it('when one item or package is asked by code, then its full record comes back; unknown codes answer 2001 and 2002', async () => {
    // Arrange
    const agent = newSandbox();
    const packages = await agent.get('/catalog/v2/packages').query({ pageSize: 100 }).expect(200);
    const pkg = packages.body.data.list[0];
    const member = pkg.cyx.find((m: { sfga: string }) => m.sfga === '1');

    // Act
    const item = await agent.get(`/catalog/v2/items/${member.sxbm}`).expect(200);
    const onePackage = await agent.get(`/catalog/v2/packages/${pkg.yjsbm}`).expect(200);
    const unknownItem = await agent.get('/catalog/v2/items/1144010000750226540799999999999').expect(200);
    const unknownPackage = await agent.get('/catalog/v2/packages/YJS999').expect(200);

    // Assert
    expect(packages.body.data.total).toBe(40);
    expect(item.body.code).toBe('0000');
    expect(item.body.data).toMatchObject({ sxbm: member.sxbm, sxmc: member.sxmc, ssjg: member.blbm });
    expect(item.body.data.bdjg.fz.length).toBeGreaterThan(0);
    expect(onePackage.body.data).toEqual(pkg);
    expect(unknownItem.body).toEqual({ code: '2001', msg: '事项不存在' });
    expect(unknownPackage.body).toEqual({ code: '2002', msg: '一件事不存在' });
  });

  it('when catalog faults are set, then its own 9999 and cut-off bodies come back', async () => {
    // Arrange
    const agent = newSandbox();
    await agent.put('/sandbox/faults/catalog').send({ errorRate: 1 }).expect(200);

    // Act
    const failed = await agent.get('/catalog/v2/version');
    await agent.put('/sandbox/faults/catalog').send({ malformed: true }).expect(200);
    const malformed = await agent
      .get('/catalog/v2/items')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });

    // Assert
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ code: '9999', msg: '系统繁忙，请稍后重试' });
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(String(malformed.body))).toThrow();
  });
});
