import { checkStructure, shownTexts } from './simple-pdf.fixtures';
import { onePagePdf, textWidth, ucs2Hex } from './simple-pdf';

describe('one-page PDF with STSong-Light', () => {
  it('when Chinese text and lines are written, then every xref offset, the stream length and the texts are right', () => {
    // Arrange
    const items = [
      { kind: 'text' as const, x: 70, y: 760, size: 20, text: '电子缴费票据' },
      { kind: 'line' as const, from: [70, 700] as [number, number], to: [525, 700] as [number, number], width: 1 },
      { kind: 'text' as const, x: 70, y: 680, size: 12, text: '合计：￥120.00 (ABC)' },
    ];

    // Act
    const pdf = onePagePdf(items, { title: '票据', producer: '穗警通' });

    // Assert
    expect(checkStructure(pdf)).toEqual({ objects: 8 });
    expect(shownTexts(pdf)).toEqual(['电子缴费票据', '合计：￥120.00 (ABC)']);
    const body = pdf.toString('latin1');
    expect(body).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(body).toContain('/Registry (Adobe) /Ordering (GB1)');
    expect(body).not.toMatch(/\(电/);
  });

  it('when a character is outside the BMP, then it becomes "?" rather than a broken code unit', () => {
    // Act
    const hex = ucs2Hex('a😀中');

    // Assert
    expect(hex).toBe('0061003F4E2D');
  });

  it('when text is measured, then ASCII is half and CJK full width of the size', () => {
    // Assert
    expect(textWidth('AB中', 10)).toBe(20);
  });
});
