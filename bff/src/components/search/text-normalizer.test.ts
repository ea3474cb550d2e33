import { compactCatalogText, compactText, isHan, normalizeText, scriptRuns } from './text-normalizer';

describe('text normalizer', () => {
  it('when letters and digits are typed full-width, then they become half-width', () => {
    // Act
    const normalized = normalizeText('ＩＤ１２３');

    // Assert
    expect(normalized).toBe('id123');
  });

  it('when traditional characters are typed (Hong Kong or Taiwan forms), then they become simplified', () => {
    // Act
    const hongKong = normalizeText('護照遺失補領');
    const taiwan = normalizeText('駕駛證');

    // Assert
    expect(hongKong).toBe('护照遗失补领');
    expect(taiwan).toBe('驾驶证');
  });

  it('when Latin letters are upper case, then they are lower-cased', () => {
    expect(normalizeText('Passport ID Card')).toBe('passport id card');
  });

  it('when punctuation of either width separates words, then it becomes one space and the ends are trimmed', () => {
    // Act
    const normalized = normalizeText('  “护照”，怎么办？！ passport... ');

    // Assert
    expect(normalized).toBe('护照 怎么办 passport');
  });

  it('when spaces (full-width too) and punctuation come in runs, then one space is left', () => {
    expect(normalizeText('id　　 card ,,, 身份证')).toBe('id card 身份证');
  });

  it('when a text is compacted, then it is normalized and its spaces removed', () => {
    expect(compactText('身份證 ＩＤ card')).toBe('身份证idcard');
  });

  it('when catalog text is compacted, then width, case and punctuation go as they do from queries', () => {
    // Act
    const compacted = compactCatalogText('出生登记（国（境）外出生）ＡＢ c');

    // Assert
    expect(compacted).toBe('出生登记国境外出生abc');
    expect(compacted).toBe(compactText('出生登记（国（境）外出生）ＡＢ c'));
  });

  it('when a text is only punctuation, then nothing is left', () => {
    expect(normalizeText('？！…，。')).toBe('');
  });

  it('when a character is Chinese or not, then isHan says so', () => {
    expect([isHan('护'), isHan('a'), isHan('1'), isHan('，')]).toEqual([true, false, false, false]);
  });

  it('when a query mixes Chinese and Latin, then it splits into runs with Latin words of one run together', () => {
    // Act
    const runs = scriptRuns(normalizeText('护照 HZ 12 补领'));

    // Assert
    expect(runs).toEqual([
      { text: '护照', han: true },
      { text: 'hz 12', han: false },
      { text: '补领', han: true },
    ]);
  });

  it('when Chinese and Latin touch without a space, then they are still separate runs', () => {
    expect(scriptRuns('id卡')).toEqual([
      { text: 'id', han: false },
      { text: '卡', han: true },
    ]);
  });
});
