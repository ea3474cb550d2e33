import { SearchEngine, type SearchDocSource } from './search-engine';
import { Thesaurus, type ThesaurusData } from './thesaurus';

const THESAURUS: ThesaurusData = {
  about: 'test',
  review: 'test',
  fillers: ['怎么', '办理', '我', '要'],
  synonyms: [
    { kind: 'colloquial', say: ['宝宝', '上户口'], means: ['出生登记', '新生儿'] },
    { kind: 'problem', say: ['丢了', '补办'], means: ['补领', '遗失'] },
    { kind: 'english', say: ['passport'], means: ['普通护照'] },
  ],
  miswritings: {},
  keywords: {},
};

function doc(overrides: Partial<SearchDocSource> & Pick<SearchDocSource, 'code' | 'name'>): SearchDocSource {
  return {
    kind: 'item',
    family: overrides.name,
    aliases: [],
    keywords: [],
    members: [],
    summary: '',
    volume: 100,
    main: true,
    ...overrides,
  };
}

/** Filler documents, so that words are rare enough to count (BM25's idf). */
const OTHERS: SearchDocSource[] = [
  doc({ code: 'o1', name: '养犬登记', summary: '养犬人办理养犬登记证' }),
  doc({ code: 'o2', name: '公章刻制备案', summary: '刻制公章前备案' }),
  doc({ code: 'o3', name: '机动车注册登记', summary: '新车上牌' }),
  doc({ code: 'o4', name: '居住证申领', summary: '来穗人员居住满半年' }),
];

function engine(docs: SearchDocSource[]) {
  const sources = [...docs, ...OTHERS];
  return { search: new SearchEngine(sources, new Thesaurus(THESAURUS)), sources };
}

/** The codes of the results, best first. */
function found(docs: SearchDocSource[], query: string, options: { prefix?: boolean } = {}): string[] {
  const { search, sources } = engine(docs);
  return search.search(query, options).matches.map((match) => sources[match.doc]?.code ?? '?');
}

describe('search engine', () => {
  it('when a word is in one document’s name and in another’s summary, then the name wins', () => {
    // Arrange
    const docs = [
      doc({ code: 'summary', name: '出入境证件办理须知', summary: '申请普通护照须本人到场' }),
      doc({ code: 'name', name: '普通护照首次申领', summary: '首次申请出入境证件' }),
    ];

    // Act
    const codes = found(docs, '普通护照');

    // Assert
    expect(codes[0]).toBe('name');
    expect(codes.indexOf('summary')).not.toBe(0);
  });

  it('when one document matches every concept and another only one, then the one matching all comes first', () => {
    // Arrange: the half match is more popular, it still comes second
    const docs = [
      doc({ code: 'half', name: '普通护照首次申领', volume: 5000 }),
      doc({ code: 'all', name: '普通护照遗失补领', volume: 100 }),
    ];

    // Act
    const codes = found(docs, '普通护照补领');

    // Assert
    expect(codes[0]).toBe('all');
  });

  it('when two documents match the same way, then the more often handled comes first', () => {
    // Arrange
    const docs = [
      doc({ code: 'rare', name: '往来台湾通行证签注', family: '往来台湾通行证', volume: 10 }),
      doc({ code: 'busy', name: '往来港澳通行证签注', family: '往来港澳通行证', volume: 9000 }),
    ];

    // Act
    const codes = found(docs, '通行证签注');

    // Assert
    expect(codes.slice(0, 2)).toEqual(['busy', 'rare']);
  });

  it('when variants of a family match equally, then the family’s main item comes first', () => {
    // Arrange
    const docs = [
      doc({ code: 'variant', name: '普通护照换发', family: '普通护照', situation: '换发', main: false }),
      doc({ code: 'main', name: '普通护照首次', family: '普通护照', situation: '首次', main: true }),
    ];

    // Act
    const codes = found(docs, '普通护照');

    // Assert
    expect(codes.slice(0, 2)).toEqual(['main', 'variant']);
  });

  it('when a document matches only part of the query and only in its summary, then it is not a result', () => {
    // Arrange
    const docs = [
      doc({ code: 'title', name: '普通护照遗失补领' }),
      doc({ code: 'summary-part', name: '出入境证件办理须知', summary: '证件遗失后请先挂失再补领' }),
    ];

    // Act
    const codes = found(docs, '普通护照补领');

    // Assert
    expect(codes).toContain('title');
    expect(codes).not.toContain('summary-part');
  });

  it('when only a summary holds every concept of the query, then that document is found', () => {
    // Arrange
    const docs = [doc({ code: 'guide', name: '出入境证件办理须知', summary: '普通护照补领须本人到场' })];

    // Act
    const codes = found(docs, '普通护照补领');

    // Assert
    expect(codes).toEqual(['guide']);
  });

  it('when a colloquial phrase is searched, then the item named in catalog words is first', () => {
    // Arrange
    const docs = [
      doc({ code: 'birth', name: '出生登记', volume: 300 }),
      doc({ code: 'move', name: '户口迁入', volume: 3000 }),
    ];

    // Act
    const codes = found(docs, '宝宝上户口');

    // Assert
    expect(codes[0]).toBe('birth');
  });

  it('when a package matches, then it is returned like an item', () => {
    // Arrange
    const docs = [
      doc({
        code: 'YJS001',
        kind: 'package',
        name: '新生儿出生一件事',
        keywords: ['出生'],
        members: ['出生登记', '出生医学证明签发', '预防接种证办理'],
        summary: '新生儿出生后的出生医学证明、落户、医保一次办',
      }),
    ];

    // Act
    const codes = found(docs, '新生儿');

    // Assert
    expect(codes).toEqual(['YJS001']);
  });

  it('when filler words surround the subject, then the result is the same as for the subject alone', () => {
    // Arrange
    const docs = [doc({ code: 'passport', name: '普通护照首次申领' }), doc({ code: 'id', name: '居民身份证换领' })];

    // Act / Assert
    expect(found(docs, '我要怎么办理普通护照')).toEqual(found(docs, '普通护照'));
  });

  it('when nothing in the catalog has the words, then there are no matches but the understood terms come back', () => {
    // Arrange
    const { search } = engine([doc({ code: 'passport', name: '普通护照首次申领' })]);

    // Act
    const outcome = search.search('火箭发射');

    // Assert
    expect(outcome.matches).toEqual([]);
    expect(outcome.terms.join('')).toBe('火箭发射');
  });

  it('when only a generic word matches and the subject is unknown, then nothing is found', () => {
    // Arrange: 社保卡 is not a police item; 补办 alone must not list every 补领
    const { search } = engine([doc({ code: 'passport', name: '普通护照遗失补领' })]);

    // Act
    const outcome = search.search('社保卡补办');

    // Assert
    expect(outcome.matches).toEqual([]);
  });

  it('when results are returned, then they are best first and none scores below a fifth of the best', () => {
    // Arrange
    const { search } = engine([
      doc({ code: 'a', name: '普通护照首次申领' }),
      doc({ code: 'b', name: '普通护照遗失补领' }),
      doc({ code: 'c', name: '出入境证件办理须知', summary: '普通护照' }),
    ]);

    // Act
    const { matches } = search.search('普通护照');

    // Assert
    const scores = matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual((scores[0] ?? 0) * 0.2);
  });

  it('when pinyin is being typed for a suggestion, then the item is found before the word is complete', () => {
    // Arrange
    const docs = [doc({ code: 'passport', name: '普通护照首次申领', family: '普通护照' })];

    // Act
    const codes = found(docs, 'putonghuzh', { prefix: true });

    // Assert
    expect(codes[0]).toBe('passport');
  });

  it('when nothing matched, then nearest offers names sharing at least two characters with the words', () => {
    // Arrange
    const { search, sources } = engine([
      doc({ code: 'two', name: '普通护照首次申领' }),
      doc({ code: 'one', name: '居民身份证换领' }),
    ]);

    // Act
    const near = search.nearest('护领', 5).map((index) => sources[index]?.code);

    // Assert: 居民身份证换领 shares only 领
    expect(near).toContain('two');
    expect(near).not.toContain('one');
  });

  it('when the words share one character at most with every name, then nearest offers nothing', () => {
    // Arrange
    const { search } = engine([doc({ code: 'passport', name: '普通护照首次申领' })]);

    // Act / Assert
    expect(search.nearest('火箭发射', 5)).toEqual([]);
  });

  it('when nearest finds more names than asked for, then it stops at the limit', () => {
    // Arrange
    const { search } = engine([]);

    // Act: 登记 is in three names
    const near = search.nearest('登记', 2);

    // Assert
    expect(near).toHaveLength(2);
  });
});
