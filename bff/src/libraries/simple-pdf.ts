/**
 * A minimal one-page PDF writer for Chinese text: the standard non-embedded
 * CJK font STSong-Light (Adobe-GB1) with the UniGB-UCS2-H encoding, so a
 * string is its UTF-16BE code units in hex. Every PDF reader supplies the
 * font, so a receipt weighs a few kilobytes and needs no dependency.
 * Only BMP characters (all of GB 18030's common set) are shown; others become "?".
 */

/** A line of text at (x, y) in points from the bottom left of an A4 page (595 x 842). */
export interface PdfText {
  kind: 'text';
  x: number;
  y: number;
  size: number;
  text: string;
}

/** A straight line, for rules and frames. */
export interface PdfLine {
  kind: 'line';
  from: [number, number];
  to: [number, number];
  width: number;
}

export type PdfItem = PdfText | PdfLine;

export const A4 = { width: 595, height: 842 } as const;

/** A string as UniGB-UCS2-H hex: UTF-16BE code units, astral characters replaced. */
export function ucs2Hex(text: string): string {
  let hex = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0');
  }
  return hex.toUpperCase();
}

/** The width of a text in points, as the font draws it (half-width ASCII, full-width otherwise). */
export function textWidth(text: string, size: number): number {
  let units = 0;
  for (const char of text) units += (char.codePointAt(0) ?? 0) < 0x80 ? 500 : 1000;
  return (units / 1000) * size;
}

const num = (value: number): string => String(Math.round(value * 100) / 100);

function contentStream(items: readonly PdfItem[]): string {
  const ops: string[] = [];
  for (const item of items) {
    if (item.kind === 'line') {
      ops.push(
        `${num(item.width)} w ${num(item.from[0])} ${num(item.from[1])} m ${num(item.to[0])} ${num(item.to[1])} l S`,
      );
    } else {
      ops.push(`BT /F1 ${num(item.size)} Tf ${num(item.x)} ${num(item.y)} Td <${ucs2Hex(item.text)}> Tj ET`);
    }
  }
  return ops.join('\n');
}

/**
 * The PDF bytes of one A4 page with these items. Objects are numbered in
 * order and the cross-reference table gives each one's byte offset, which
 * is why the body is built in ASCII only (the text is hex).
 */
export function onePagePdf(items: readonly PdfItem[], info: { title: string; producer: string }): Buffer {
  const content = contentStream(items);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    // CIDs 1-95 are Adobe-GB1's proportional Latin: half width; the rest full width (DW).
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 737 /StemV 58 >>',
    `<< /Title <FEFF${ucs2Hex(info.title)}> /Producer <FEFF${ucs2Hex(info.producer)}> >>`,
  ];
  // The binary comment line tells transfer tools the file is binary.
  let body = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
