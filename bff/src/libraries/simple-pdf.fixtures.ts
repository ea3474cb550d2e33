/**
 * Checks of the PDFs simple-pdf writes, without a PDF library: for the BFF's unit tests and, through
 * '@suijing/bff/libraries/simple-pdf.fixtures' (test/support/pdf.ts), the integration tests.
 */

/** The texts a content stream shows, decoded from its UniGB-UCS2-H hex strings. */
export function shownTexts(pdf: Buffer): string[] {
  const body = pdf.toString('latin1');
  return [...body.matchAll(/<([0-9A-F]+)> Tj/g)].map((match) =>
    Buffer.from(match[1] ?? '', 'hex')
      .swap16()
      .toString('utf16le'),
  );
}

/**
 * Reads the file the way a viewer does: startxref -> the xref table -> each
 * object at its offset, and the content stream's /Length. Throws on any flaw.
 */
export function checkStructure(pdf: Buffer): { objects: number } {
  const body = pdf.toString('latin1');
  if (!body.startsWith('%PDF-1.7\n')) throw new Error('no PDF header');
  if (!body.endsWith('%%EOF\n')) throw new Error('no %%EOF');
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(body);
  const xrefAt = Number(startxref?.[1]);
  if (body.slice(xrefAt, xrefAt + 5) !== 'xref\n') throw new Error(`startxref ${xrefAt} does not point at xref`);
  const header = /^xref\n0 (\d+)\n/.exec(body.slice(xrefAt));
  const count = Number(header?.[1]);
  const entries = body
    .slice(xrefAt + (header?.[0].length ?? 0))
    .split('\n')
    .slice(0, count);
  if (entries[0] !== '0000000000 65535 f ') throw new Error('bad free entry');
  for (let number = 1; number < count; number += 1) {
    const entry = /^(\d{10}) 00000 n $/.exec(entries[number] ?? '');
    if (!entry) throw new Error(`bad xref entry ${number}: ${entries[number] ?? ''}`);
    const offset = Number(entry[1]);
    const at = body.slice(offset, offset + 20);
    if (!at.startsWith(`${number} 0 obj\n`)) throw new Error(`object ${number} is not at ${offset}: ${at}`);
  }
  const trailer = /trailer\n<< \/Size (\d+) \/Root 1 0 R/.exec(body);
  if (Number(trailer?.[1]) !== count) throw new Error('trailer /Size differs from the xref');
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(body);
  if (!stream) throw new Error('no content stream');
  const start = (stream.index ?? 0) + stream[0].length;
  const length = Number(stream[1]);
  if (body.slice(start + length, start + length + 10) !== '\nendstream') throw new Error('stream /Length is wrong');
  return { objects: count - 1 };
}
