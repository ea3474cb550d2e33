import { Vocabulary, type VocabularyWord } from './vocabulary';

/** How much each word stands for, as the engine would weigh it from the catalog's volumes. */
const WEIGHTS = new Map([
  ['护照', 900],
  ['户政', 30],
  ['驾驶证', 500],
  ['身份证', 800],
  ['户口簿', 200],
  ['补领', 100],
  ['签注', 300],
  ['前柱', 1],
  ['证', 5],
]);
const CATALOG_WORDS = ['护照', '户政', '驾驶证', '身份证', '户口簿', '补领', '签注'];

function vocabulary(
  words: VocabularyWord[] = CATALOG_WORDS.map((word) => ({ word, correctable: true })),
  known: string[] = ['普通护照首次申领', '户政业务咨询'],
) {
  return new Vocabulary((word) => WEIGHTS.get(word) ?? 0, words, known);
}

const correctable = (...words: string[]): VocabularyWord[] => words.map((word) => ({ word, correctable: true }));

describe('vocabulary: Latin input', () => {
  it('when full pinyin of a word is typed, then that word is read', () => {
    expect(vocabulary().fromLatin('huzhao', { prefix: false })).toEqual(['护照']);
  });

  it('when initials are typed, then every word with them is read, the best known first', () => {
    // Act
    const readings = vocabulary().fromLatin('hz', { prefix: false });

    // Assert
    expect(readings).toEqual(['护照', '户政']);
  });

  it('when the start of a word’s pinyin is typed, then it is read only while suggesting (prefix)', () => {
    // Arrange
    const words = vocabulary();

    // Act
    const searching = words.fromLatin('jiash', { prefix: false });
    const suggesting = words.fromLatin('jiash', { prefix: true });

    // Assert
    expect(searching).toEqual([]);
    expect(suggesting).toEqual(['驾驶证']);
  });

  it('when the start of a word’s initials is typed while suggesting, then the word is read', () => {
    expect(vocabulary().fromLatin('sf', { prefix: true })).toEqual(['身份证']);
  });

  it('when one letter is typed while suggesting, then no prefix reading is tried', () => {
    expect(vocabulary().fromLatin('q', { prefix: true })).toEqual([]);
  });

  it('when Latin letters read as no word, then nothing is read', () => {
    expect(vocabulary().fromLatin('xyzzy', { prefix: true })).toEqual([]);
  });

  it('when pinyin of several words is typed without spaces, then it splits into those words', () => {
    expect(vocabulary().splitPinyin('shenfenzhengbuling')).toEqual(['身份证', '补领']);
  });

  it('when part of run-together pinyin reads as no word, then it does not split at all', () => {
    expect(vocabulary().splitPinyin('shenfenzhengxyz')).toEqual([]);
  });

  it('when initials of several words are typed together, then they split into those words', () => {
    expect(vocabulary().splitPinyin('sfzbl')).toEqual(['身份证', '补领']);
  });

  it('when words are not two or more Chinese characters, then they are not read from Latin input', () => {
    // Arrange
    const words = vocabulary(correctable('证', 'id', ...CATALOG_WORDS));

    // Act / Assert
    expect(words.fromLatin('zheng', { prefix: false })).toEqual([]);
    expect(words.fromLatin('z', { prefix: false })).toEqual([]);
    expect(words.fromLatin('id', { prefix: false })).toEqual([]);
  });
});

describe('vocabulary: correcting slips', () => {
  it('when one character of a word of three or more is wrong, then it is corrected', () => {
    expect(vocabulary().correct('户口薄')).toBe('户口簿');
  });

  it('when a two-character word is typed with a homophone, then it is corrected', () => {
    expect(vocabulary().correct('户照')).toBe('护照');
  });

  it('when the slip is inside a sentence, then only the word is corrected and the rest is kept', () => {
    expect(vocabulary().correct('我的驾史证丢了')).toBe('我的驾驶证丢了');
  });

  it('when the text is known (a word or part of a known text), then it is left untouched', () => {
    // Arrange
    const words = vocabulary();

    // Act / Assert
    expect(words.correct('护照')).toBe('护照');
    expect(words.correct('首次申领')).toBe('首次申领');
    expect(words.isKnown('首次申领')).toBe(true);
  });

  it('when nothing known is close, then the text is left as typed', () => {
    expect(vocabulary().correct('火箭发射')).toBe('火箭发射');
  });

  it('when a two-character word differs by a character that does not sound the same, then it is not corrected', () => {
    // 护昭 is left to the thesaurus's miswritings: two characters are too few to guess from one alone.
    expect(vocabulary().correct('护士')).toBe('护士');
  });

  it('when two words sound like the slip, then the better known one is chosen', () => {
    // Arrange: 签注 and 前柱 both read qianzhu
    const words = vocabulary(correctable(...CATALOG_WORDS, '前柱'));

    // Act
    const corrected = words.correct('千注');

    // Assert
    expect(corrected).toBe('签注');
  });

  it('when the only close word may not be corrected into, then the slip is left as typed', () => {
    // Arrange
    const words = vocabulary([{ word: '护照', correctable: false }]);

    // Act
    const corrected = words.correct('户照');

    // Assert
    expect(corrected).toBe('户照');
    expect(words.fromLatin('huzhao', { prefix: false })).toEqual(['护照']);
  });
});
