import data from './thesaurus.json';
import { compactText } from './text-normalizer';
import { shippedThesaurus, Thesaurus, type ThesaurusData } from './thesaurus';

/** A small thesaurus of the same shape as the shipped one. */
function sample(overrides: Partial<ThesaurusData> = {}): ThesaurusData {
  return {
    about: 'test',
    review: 'test',
    fillers: ['怎么', '办理', 'HOW'],
    synonyms: [
      { kind: 'colloquial', say: ['驾照', '車本'], means: ['驾驶证'] },
      { kind: 'problem', say: ['丢了'], means: ['补领', '遗失'] },
      { kind: 'problem', say: ['丢了'], means: ['挂失'] },
      { kind: 'english', say: ['ID Card'], means: ['居民身份证'] },
    ],
    miswritings: { 身分证: '身份证', 驾使证: '驾驶证' },
    keywords: { 出生登记: ['新生儿', '宝宝'] },
    ...overrides,
  };
}

describe('the shipped thesaurus (thesaurus.json)', () => {
  const shipped = data as ThesaurusData;

  it('when it is loaded, then it parses and knows what citizens say', () => {
    // Act
    const thesaurus = shippedThesaurus();

    // Assert
    expect(thesaurus.sayWords.length).toBeGreaterThan(100);
    expect(thesaurus.meaningsOf('驾照')).toEqual(expect.arrayContaining(['驾驶证']));
    expect(shippedThesaurus()).toBe(thesaurus);
  });

  it('when its words are read, then every one is already written the way queries are normalized', () => {
    // Arrange: keyword keys are catalog names, compacted on both sides when looked up
    const words = [
      ...shipped.fillers,
      ...shipped.synonyms.flatMap((entry) => [...entry.say, ...entry.means]),
      ...Object.entries(shipped.miswritings).flat(),
      ...Object.values(shipped.keywords).flat(),
    ];

    // Act
    const unnormalized = words.filter((word) => compactText(word) !== word.replace(/、/g, ''));

    // Assert: only the 、 of an official name (占用、挖掘道路) may go, as it does from the catalog's names
    expect(unnormalized).toEqual([]);
    expect(Object.keys(shipped.keywords).filter((name) => compactText(name) === '')).toEqual([]);
  });

  it('when its said words are compared with its fillers, then none is both', () => {
    // Arrange
    const fillers = new Set(shipped.fillers.map(compactText));

    // Act
    const both = shipped.synonyms.flatMap((entry) => entry.say).filter((word) => fillers.has(compactText(word)));

    // Assert
    expect(both).toEqual([]);
  });

  it('when its entries are read, then each says something and means something non-empty', () => {
    const empty = shipped.synonyms.filter(
      (entry) =>
        entry.say.length === 0 ||
        entry.means.length === 0 ||
        [...entry.say, ...entry.means].some((word) => compactText(word) === ''),
    );

    expect(empty).toEqual([]);
  });

  it('when its miswritings are read, then each maps to a different, correct word of the same length', () => {
    const wrong = Object.entries(shipped.miswritings).filter(
      ([miswritten, right]) => compactText(miswritten) === compactText(right) || miswritten.length !== right.length,
    );

    expect(wrong).toEqual([]);
  });

  it('when a miswriting is fixed, then the fix is not itself a miswriting (fixing is done once)', () => {
    const chained = Object.values(shipped.miswritings).filter((right) =>
      Object.keys(shipped.miswritings).some((miswritten) => right.includes(miswritten)),
    );

    expect(chained).toEqual([]);
  });
});

describe('thesaurus', () => {
  it('when an entry says nothing, then the thesaurus is refused', () => {
    // Arrange
    const bad = sample({ synonyms: [{ kind: 'colloquial', say: [], means: ['驾驶证'] }] });

    // Act / Assert
    expect(() => new Thesaurus(bad)).toThrow();
  });

  it.each<[string, Partial<ThesaurusData>]>([
    ['an empty said word', { synonyms: [{ kind: 'colloquial', say: [''], means: ['驾驶证'] }] }],
    ['an entry meaning nothing', { synonyms: [{ kind: 'colloquial', say: ['驾照'], means: [] }] }],
    ['an unknown kind', { synonyms: [{ kind: 'slang' as 'colloquial', say: ['驾照'], means: ['驾驶证'] }] }],
    ['a one-character miswriting', { miswritings: { 证: '正' } }],
    ['an empty filler', { fillers: [''] }],
  ])('when the data has %s, then the thesaurus is refused', (_what, overrides) => {
    expect(() => new Thesaurus(sample(overrides))).toThrow();
  });

  it('when a said word is asked for, then its meanings come, merged over entries and without repeats', () => {
    // Arrange
    const thesaurus = new Thesaurus(sample());

    // Act
    const lost = thesaurus.meaningsOf('丢了');

    // Assert
    expect(lost).toEqual(['补领', '遗失', '挂失']);
    expect(thesaurus.meaningsOf('驾照')).toEqual(['驾驶证']);
    expect(thesaurus.meaningsOf('护照')).toBeUndefined();
  });

  it('when entries are written in traditional characters or with spaces and capitals, then they are found normalized', () => {
    // Arrange
    const thesaurus = new Thesaurus(sample());

    // Act / Assert
    expect(thesaurus.meaningsOf('车本')).toEqual(['驾驶证']);
    expect(thesaurus.meaningsOf('idcard')).toEqual(['居民身份证']);
    expect(thesaurus.isFiller('how')).toBe(true);
  });

  it('when said words are listed, then the longest come first', () => {
    // Arrange
    const thesaurus = new Thesaurus(sample());

    // Act
    const lengths = thesaurus.sayWords.map((word) => word.length);

    // Assert
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(thesaurus.meantWords).toEqual(expect.arrayContaining(['驾驶证', '补领', '挂失', '居民身份证']));
  });

  it('when a word is a filler or not, then isFiller says so', () => {
    const thesaurus = new Thesaurus(sample());

    expect([thesaurus.isFiller('怎么'), thesaurus.isFiller('办理'), thesaurus.isFiller('护照')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('when a text holds known miswritings, then each is corrected and the rest left as typed', () => {
    // Arrange
    const thesaurus = new Thesaurus(sample());

    // Act
    const fixed = thesaurus.fixMiswritings('身分证和驾使证丢了身分证');

    // Assert
    expect(fixed).toBe('身份证和驾驶证丢了身份证');
    expect(thesaurus.fixMiswritings('护照')).toBe('护照');
  });

  it('when a family has keywords, then keywordsOf gives them (the family normalized too), else nothing', () => {
    // Arrange
    const thesaurus = new Thesaurus(sample());

    // Act / Assert
    expect(thesaurus.keywordsOf('出生登记')).toEqual(['新生儿', '宝宝']);
    expect(thesaurus.keywordsOf('出生登記')).toEqual(['新生儿', '宝宝']);
    expect(thesaurus.keywordsOf('普通护照')).toEqual([]);
  });
});
