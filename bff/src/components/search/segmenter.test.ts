import { jiebaSegmenter } from './segmenter';

/**
 * The jieba adapter. Its dictionary is shared by the whole process (words are
 * only ever added), so each test uses words of its own.
 */
describe('jieba segmenter', () => {
  it('when base dictionary words are cut, then they come out as words', () => {
    // Arrange
    const segmenter = jiebaSegmenter();

    // Act
    const words = segmenter.cut('我要办理身份证');

    // Assert
    expect(words).toEqual(['我', '要', '办理', '身份证']);
  });

  it('when a domain word is added, then it is no longer split', () => {
    // Arrange
    const segmenter = jiebaSegmenter();
    const before = segmenter.cut('往来港澳通行证签注');

    // Act
    segmenter.addWords(['往来港澳通行证']);
    const after = segmenter.cut('往来港澳通行证签注');

    // Assert
    expect(before).not.toContain('往来港澳通行证');
    expect(after).toEqual(['往来港澳通行证', '签注']);
  });

  it('when words are added through one segmenter, then another one cuts with them too', () => {
    // Arrange
    const first = jiebaSegmenter();
    const second = jiebaSegmenter();

    // Act
    first.addWords(['居民身份网络可信凭证']);

    // Assert
    expect(second.cut('申领居民身份网络可信凭证')).toContain('居民身份网络可信凭证');
  });

  it('when single characters or words with spaces are added, then they are ignored and cutting still works', () => {
    // Arrange
    const segmenter = jiebaSegmenter();

    // Act
    segmenter.addWords(['证', 'id card', '']);
    const words = segmenter.cut('办理身份证');

    // Assert
    expect(words).toEqual(['办理', '身份证']);
  });

  it('when the same words are added again, then the cut is unchanged', () => {
    // Arrange
    const segmenter = jiebaSegmenter();
    segmenter.addWords(['快处快赔']);
    const once = segmenter.cut('交通事故快处快赔');

    // Act
    segmenter.addWords(['快处快赔']);
    const twice = segmenter.cut('交通事故快处快赔');

    // Assert
    expect(once).toContain('快处快赔');
    expect(twice).toEqual(once);
  });
});
