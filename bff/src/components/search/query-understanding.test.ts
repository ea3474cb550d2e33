import { understand, type UnderstoodQuery, type Understanding } from './query-understanding';
import { jiebaSegmenter } from './segmenter';
import { Thesaurus, type ThesaurusData } from './thesaurus';
import { Vocabulary } from './vocabulary';

const THESAURUS: ThesaurusData = {
  about: 'test',
  review: 'test',
  fillers: ['我', '要', '我要', '怎么', '办理', '办', '在哪', 'how', 'to'],
  synonyms: [
    { kind: 'colloquial', say: ['驾照', '驾驶本'], means: ['驾驶证', '机动车驾驶证'] },
    { kind: 'colloquial', say: ['身份证'], means: ['居民身份证'] },
    { kind: 'problem', say: ['丢了', '补办'], means: ['补领', '遗失'] },
    { kind: 'english', say: ['passport'], means: ['普通护照'] },
    { kind: 'english', say: ['idcard'], means: ['居民身份证'] },
  ],
  miswritings: { 身分证: '身份证' },
  keywords: {},
};

/** The catalog's own words, as an engine would collect them from names and families. */
const CATALOG_WORDS: Array<[string, number]> = [
  ['普通护照', 900],
  ['护照', 900],
  ['户政', 30],
  ['居民身份证', 800],
  ['身份证', 800],
  ['机动车驾驶证', 500],
  ['驾驶证', 500],
  ['补领', 300],
  ['户口簿', 200],
  ['违章', 100],
  ['罚款', 100],
];

function context(): Understanding {
  const thesaurus = new Thesaurus(THESAURUS);
  const segmenter = jiebaSegmenter();
  segmenter.addWords([...CATALOG_WORDS.map(([word]) => word), ...thesaurus.sayWords, ...thesaurus.meantWords]);
  const weights = new Map(CATALOG_WORDS);
  const vocabulary = new Vocabulary(
    (word) => weights.get(word) ?? 0,
    CATALOG_WORDS.map(([word]) => ({ word, correctable: true })),
    [...CATALOG_WORDS.map(([word]) => word), ...thesaurus.fillers],
  );
  return { thesaurus, segmenter, vocabulary };
}

const read = (raw: string, prefix = false) => understand(raw, context(), { prefix });
const texts = (query: UnderstoodQuery, index = 0) => query.concepts[index]?.alternatives.map((a) => a.text) ?? [];

describe('query understanding', () => {
  it('when intent and filler words surround the subject, then only the subject is left', () => {
    // Act
    const query = read('我要怎么办理护照');

    // Assert
    expect(query.terms).toEqual(['护照']);
    expect(query.concepts).toHaveLength(1);
  });

  it('when every word is a filler, then they are kept (something is still searched)', () => {
    // Act
    const query = read('怎么办理');

    // Assert
    expect(query.terms).toEqual(['怎么', '办理']);
  });

  it('when a colloquial word is said, then the catalog words are alternatives and the said word counts less', () => {
    // Act
    const query = read('驾照');

    // Assert
    const alternatives = query.concepts[0]?.alternatives ?? [];
    const weightOf = (text: string) => alternatives.find((a) => a.text === text)?.weight ?? 0;
    expect(query.terms).toEqual(['驾照']);
    expect(weightOf('驾驶证')).toBe(1);
    expect(weightOf('机动车驾驶证')).toBe(1);
    expect(weightOf('驾照')).toBeGreaterThan(0);
    expect(weightOf('驾照')).toBeLessThan(weightOf('驾驶证'));
  });

  it('when a word the thesaurus does not know is said, then it is its only alternative at full weight', () => {
    expect(read('户口簿').concepts).toEqual([
      { said: '户口簿', generic: false, alternatives: [{ text: '户口簿', weight: 1 }] },
    ]);
  });

  it('when traditional or full-width characters are typed, then they are read as simplified', () => {
    expect(read('護照').terms).toEqual(['护照']);
    expect(read('ＰＡＳＳＰＯＲＴ').terms).toEqual(['passport']);
  });

  it('when a known miswriting is typed, then the right word is searched', () => {
    // Act
    const query = read('身分证');

    // Assert
    expect(query.terms).toEqual(['身份证']);
    expect(texts(query)).toContain('居民身份证');
  });

  it('when a catalog word has one wrong character, then it is corrected', () => {
    expect(read('机动车驾史证').terms).toEqual(['机动车驾驶证']);
  });

  it('when two words mean the same thing, then they are one concept, not twice the weight', () => {
    // Act
    const query = read('身份证丢了补办');

    // Assert
    expect(query.terms).toEqual(['身份证', '丢了']);
  });

  it('when a problem word is said, then its concept is generic and the subject is not', () => {
    // Act
    const query = read('身份证丢了');

    // Assert
    expect(query.concepts.map((concept) => [concept.said, concept.generic])).toEqual([
      ['身份证', false],
      ['丢了', true],
    ]);
  });

  it('when an English word is typed, then its catalog words are searched', () => {
    expect(texts(read('passport'))).toContain('普通护照');
  });

  it('when an English phrase is typed with a space, then it is read whole as one concept', () => {
    // Act
    const query = read('ID card');

    // Assert
    expect(query.terms).toEqual(['id card']);
    expect(texts(query)).toContain('居民身份证');
  });

  it('when English filler words surround the subject, then they are dropped', () => {
    expect(read('how to passport').terms).toEqual(['passport']);
  });

  it('when full pinyin is typed, then the word it reads is searched', () => {
    expect(texts(read('huzhao'))).toContain('护照');
  });

  it('when initials are typed, then the words they read are alternatives, the best known weighing most', () => {
    // Act
    const alternatives = read('hz').concepts[0]?.alternatives ?? [];

    // Assert
    const weightOf = (text: string) => alternatives.find((a) => a.text === text)?.weight ?? 0;
    expect(alternatives.map((a) => a.text)).toEqual(expect.arrayContaining(['护照', '户政']));
    expect(weightOf('护照')).toBeGreaterThan(weightOf('户政'));
  });

  it('when pinyin is still being typed, then it is read as the start of a word only for suggestions', () => {
    // Act
    const searching = read('jiashiz');
    const suggesting = read('jiashiz', true);

    // Assert
    expect(texts(searching)).toEqual(['jiashiz']);
    expect(texts(suggesting)).toContain('驾驶证');
  });

  it('when pinyin of several words is typed together or syllable by syllable, then each word is a concept', () => {
    expect(read('shenfenzhengbuling').terms).toEqual(['身份证', '补领']);
    expect(read('ju min shen fen zheng').terms).toEqual(['居民身份证']);
  });

  it('when a long word is known neither whole nor to the thesaurus, then the known words inside it are searched', () => {
    // Act: jieba keeps 违章罚款 as one word; the catalog only knows 违章 and 罚款
    const query = read('违章罚款');

    // Assert
    expect(query.terms).toEqual(['违章', '罚款']);
  });

  it('when digits are typed, then they are kept as they are', () => {
    expect(read('护照 2024').terms).toEqual(['护照', '2024']);
  });

  it('when the same word is typed twice, then it is one concept', () => {
    expect(read('护照 护照').terms).toEqual(['护照']);
  });

  it('when only punctuation is typed, then nothing is understood', () => {
    expect(read('？！，').concepts).toEqual([]);
  });
});
