import {
  MAX_QUERY_LENGTH,
  MAX_SUGGESTIONS,
  type ErrorResponse,
  type ItemGuideResponse,
  type SearchHit,
  type SearchResponse,
  type SuggestResponse,
} from '@suijing/shared';
import { eventually } from '../support/eventually';
import { startTestStack, type TestStack } from '../support/stack';

const REFRESH_MS = 60_000;
const HAN = /\p{Script=Han}/u;

/** Search and suggestions over the sandbox catalog, through the public routes. */
describe('search: items and 一件事 packages as citizens ask, suggestions while typing', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const search = async (query: Record<string, string | number>) => {
    const res = await stack.api().get('/api/v1/search').query(query);
    return { status: res.status, body: res.body as SearchResponse & ErrorResponse };
  };
  const suggest = async (q?: string) => {
    const res = await stack
      .api()
      .get('/api/v1/search/suggest')
      .query(q === undefined ? {} : { q });
    return { status: res.status, body: res.body as SuggestResponse & ErrorResponse };
  };
  const nameOf = (hit: SearchHit) => (hit.kind === 'item' ? hit.item.name : hit.package.name);
  const keyOf = (hit: SearchHit) => (hit.kind === 'item' ? `item:${hit.item.code}` : `package:${hit.package.code}`);

  describe('suggestions', () => {
    it('when a partial Chinese query is typed, then at most 8 items and packages are suggested', async () => {
      // Act
      const { status, body } = await suggest('出生');

      // Assert
      expect(status).toBe(200);
      expect(body.suggestions.length).toBeGreaterThan(1);
      expect(body.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      expect(body.suggestions.some((s) => s.kind === 'item' && s.text.includes('出生登记'))).toBe(true);
      expect(body.suggestions.some((s) => s.kind === 'package' && s.text.includes('出生'))).toBe(true);
      expect(body.catalog.stale).toBe(false);
    });

    it('when pinyin is being typed letter by letter, then 护照 items are suggested before the word is complete', async () => {
      // Act
      const answers = [];
      for (const q of ['hu', 'huz', 'huzh', 'huzha', 'huzhao']) answers.push({ q, ...(await suggest(q)) });

      // Assert
      for (const { q, status, body } of answers) {
        expect({ q, status }).toEqual({ q, status: 200 });
        expect(body.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
        expect({ q, first: body.suggestions[0]?.text }).toEqual({ q, first: expect.stringContaining('护照') });
      }
    });

    it('when pinyin of a package is being typed, then the package is suggested with items beside it', async () => {
      // Act
      const { body } = await suggest('xinsh');

      // Assert
      expect(body.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
      expect(body.suggestions.find((s) => s.kind === 'package')?.text).toContain('新生儿');
      expect(body.suggestions.some((s) => s.kind === 'item')).toBe(true);
    });

    it('when an item is suggested, then it carries its family and its code opens the guide', async () => {
      // Arrange
      const { body } = await suggest('sfz');
      const item = body.suggestions.find((s) => s.kind === 'item');
      if (!item) throw new Error('no item suggested for sfz');

      // Act
      const guide = (await stack.api().get(`/api/v1/items/${item.code}`).expect(200)).body as ItemGuideResponse;

      // Assert
      expect(item.family).toBe(guide.item.family);
      expect(guide.item.name).toBe(item.text);
      expect(item.text).toContain('身份证');
    });

    it('when nothing or only spaces are typed, then there are no suggestions and no error', async () => {
      const none = await suggest();
      const blank = await suggest('  ');

      expect(none.status).toBe(200);
      expect(none.body.suggestions).toEqual([]);
      expect(blank.status).toBe(200);
      expect(blank.body.suggestions).toEqual([]);
    });
  });

  describe('search', () => {
    it('when 结婚 is searched, then the 结婚 一件事 package is found', async () => {
      // Act
      const { status, body } = await search({ q: '结婚' });

      // Assert
      expect(status).toBe(200);
      expect(body.results.some((hit) => hit.kind === 'package' && hit.package.name.includes('结婚'))).toBe(true);
      expect(body.help).toBeUndefined();
    });

    it('when 新生儿 is searched, then the package and the 出生登记 family come, the family with its variants', async () => {
      // Act
      const { body } = await search({ q: '新生儿' });

      // Assert
      const pkg = body.results.find((hit) => hit.kind === 'package');
      const birth = body.results.find((hit) => hit.kind === 'item' && hit.item.family === '出生登记');
      expect(pkg?.kind === 'package' && pkg.package.name).toContain('新生儿');
      if (birth?.kind !== 'item' || !birth.family) throw new Error('no 出生登记 family among the results');
      expect(birth.family.name).toBe('出生登记');
      expect(birth.family.situationCount).toBeGreaterThan(1);
      expect(birth.family.matched.length).toBeLessThan(birth.family.situationCount);
      expect(birth.family.matched.every((variant) => variant.family === '出生登记')).toBe(true);
      expect(birth.family.matched.map((variant) => variant.code)).not.toContain(birth.item.code);
    });

    it('when the query is 宝宝上户口, then an 出生登记 item is first', async () => {
      const { body } = await search({ q: '宝宝上户口' });

      const [first] = body.results;
      expect(first?.kind === 'item' && first.item.family).toBe('出生登记');
    });

    it('when intent words surround the subject (我要办护照), then they are dropped and 普通护照 is first', async () => {
      // Act
      const { body } = await search({ q: '我要办护照' });

      // Assert
      expect(body.query).toEqual({ text: '我要办护照', terms: ['护照'] });
      const [first] = body.results;
      expect(first?.kind === 'item' && first.item.family).toBe('普通护照');
    });

    it('when a family matches, then it comes once, labelled with its variants, and no family is repeated', async () => {
      // Act
      const { body } = await search({ q: '护照', pageSize: 50 });

      // Assert
      const items = body.results.flatMap((hit) => (hit.kind === 'item' ? [hit] : []));
      const families = items.map((hit) => hit.item.family);
      expect(new Set(families).size).toBe(families.length);
      const passport = items.find((hit) => hit.item.family === '普通护照');
      expect(passport?.family).toEqual({
        name: '普通护照',
        situationCount: expect.any(Number),
        matched: expect.any(Array),
      });
      expect(passport?.family?.situationCount).toBeGreaterThan(passport?.family?.matched.length ?? 0);
      for (const hit of items) {
        expect(hit.item).toMatchObject({ policeType: { name: expect.any(String) }, onlineDepth: expect.any(String) });
      }
    });

    it('when a traditional, full-width or one-character-wrong query is typed, then the same item comes first', async () => {
      // Act
      const plain = await search({ q: '驾驶证' });
      const variants = await Promise.all(['駕駛證', '驾使证', '驾驶正', 'jiashizheng'].map((q) => search({ q })));

      // Assert
      const first = plain.body.results[0];
      if (!first) throw new Error('nothing for 驾驶证');
      for (const variant of variants)
        expect(variant.body.results[0] && keyOf(variant.body.results[0])).toBe(keyOf(first));
    });

    it('when results are more than a page, then the pages together hold every result once', async () => {
      // Arrange
      const pageSize = 10;
      const first = await search({ q: '登记', pageSize });
      expect(first.body.total).toBeGreaterThan(2 * pageSize);

      // Act
      const pages = [first.body];
      for (let page = 2; pages.at(-1)?.hasMore; page += 1)
        pages.push((await search({ q: '登记', page, pageSize })).body);

      // Assert
      const keys = pages.flatMap((p) => p.results.map(keyOf));
      expect(pages).toHaveLength(Math.ceil(first.body.total / pageSize));
      expect(pages.slice(0, -1).every((p) => p.results.length === pageSize && p.hasMore)).toBe(true);
      expect(pages.at(-1)?.hasMore).toBe(false);
      expect(keys).toHaveLength(first.body.total);
      expect(new Set(keys).size).toBe(keys.length);
      expect(pages.map((p) => p.page)).toEqual(pages.map((_p, i) => i + 1));
    });

    it('when a page after the last is asked for, then it is empty with the same total and no more', async () => {
      const { status, body } = await search({ q: '护照', page: 99 });

      expect(status).toBe(200);
      expect(body.results).toEqual([]);
      expect(body.total).toBeGreaterThan(0);
      expect(body.hasMore).toBe(false);
    });
  });

  describe('when nothing matches', () => {
    it('when no item answers the query, then help comes instead of an empty page: hot items and 12345', async () => {
      // Act
      const { status, body } = await search({ q: '火箭发射' });

      // Assert
      expect(status).toBe(200);
      expect(body.results).toEqual([]);
      expect(body.total).toBe(0);
      expect(body.hasMore).toBe(false);
      expect(body.help?.hot.length).toBeGreaterThan(0);
      expect(body.help?.phones.map((phone) => phone.number)).toContain('12345');
      expect(body.help?.phones.every((phone) => HAN.test(phone.name) && phone.number.length >= 5)).toBe(true);
      expect(body.help?.didYouMean).toEqual(expect.any(Array));
    });

    it('when Latin letters read as nothing, then help comes too', async () => {
      const { body } = await search({ q: 'xyzzyq' });

      expect(body.results).toEqual([]);
      expect(body.help?.hot.length).toBeGreaterThan(0);
      expect(body.help?.phones[0]?.number).toBe('12345');
    });

    it('when a service of another department is asked for, then 您是不是要找 offers items sharing its characters', async () => {
      // Act: 社保卡 is the human resources bureau's, 补办 alone must not list every 补领
      const { body } = await search({ q: '社保卡补办' });

      // Assert
      expect(body.results).toEqual([]);
      const offered = body.help?.didYouMean ?? [];
      expect(offered.length).toBeGreaterThan(0);
      for (const item of offered) {
        const shared = [...new Set('社保卡补办')].filter((char) => item.name.includes(char));
        expect({ name: item.name, shared: shared.length >= 2 }).toEqual({ name: item.name, shared: true });
      }
    });

    it('when most of a query is unknown and only a common word matches, then help comes, not a list of that word', async () => {
      // 火箭发射 is unknown; 许可 alone is in dozens of names and says nothing about rockets
      const { body } = await search({ q: '火箭发射许可' });

      expect(body.results.map(nameOf)).toEqual([]);
      expect(body.help?.phones.map((phone) => phone.number)).toContain('12345');
    });
  });

  describe('bad input', () => {
    it.each([
      ['no q', {}],
      ['an empty q', { q: '' }],
      ['a q of spaces', { q: '   ' }],
      ['a q that is too long', { q: '身'.repeat(MAX_QUERY_LENGTH + 1) }],
    ])('when search is called with %s, then 400 VALIDATION_FAILED names q in Chinese', async (_what, query) => {
      const { status, body } = await search(query);

      expect(status).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields?.map((field) => field.path)).toEqual(['q']);
      expect(body.error.fields?.[0]?.message).toMatch(HAN);
    });

    it.each([
      [{ q: '护照', page: 0 }, 'page'],
      [{ q: '护照', page: 1001 }, 'page'],
      [{ q: '护照', pageSize: 51 }, 'pageSize'],
    ])('when search is called with %j, then 400 VALIDATION_FAILED names %s in Chinese', async (query, field) => {
      const { status, body } = await search(query);

      expect(status).toBe(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields?.map((f) => f.path)).toContain(field);
      expect(body.error.message).toMatch(HAN);
    });

    it('when a suggestion is asked for a query that is too long or with an unknown parameter, then 400', async () => {
      const long = await suggest('身'.repeat(MAX_QUERY_LENGTH + 1));
      const unknown = await stack.api().get('/api/v1/search/suggest').query({ q: '护', limit: 50 });

      expect(long.status).toBe(400);
      expect(long.body.error.code).toBe('VALIDATION_FAILED');
      expect(long.body.error.message).toContain(String(MAX_QUERY_LENGTH));
      expect(unknown.status).toBe(400);
      expect((unknown.body as ErrorResponse).error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('a new catalog version', () => {
    const NEW_NAME = '萌宠芯片备案';

    it('when the catalog publishes a renamed item, then searches keep answering while the index is rebuilt and then find the new name', async () => {
      // Arrange
      const dogs = await search({ q: '养犬登记' });
      const [dog] = dogs.body.results;
      if (dog?.kind !== 'item') throw new Error('no 养犬登记 item');
      const before = await search({ q: NEW_NAME });
      expect(before.body.results[0] && keyOf(before.body.results[0])).not.toBe(`item:${dog.item.code}`);
      await stack.sandbox.publishCatalog({ sxbm: dog.item.code, sxmc: NEW_NAME });

      // Act: keep asking, several at a time, until the new version answers
      await stack.advanceTime(REFRESH_MS);
      const statuses: number[] = [];
      const after = await eventually(
        async () => {
          const answers = await Promise.all([
            search({ q: NEW_NAME }),
            search({ q: '护照' }),
            suggest('hz'),
            search({ q: '养犬' }),
          ]);
          statuses.push(...answers.map((answer) => answer.status));
          return answers[0];
        },
        (answer) => answer?.body.catalog?.version !== dogs.body.catalog.version,
        20_000,
      );

      // Assert
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      expect(after?.body.catalog.version).not.toBe(dogs.body.catalog.version);
      const [first] = after?.body.results ?? [];
      expect(first?.kind === 'item' && first.item).toMatchObject({ code: dog.item.code, name: NEW_NAME });
      const suggested = await suggest(NEW_NAME);
      expect(suggested.body.suggestions[0]).toMatchObject({ kind: 'item', code: dog.item.code, text: NEW_NAME });
    });
  });
});
