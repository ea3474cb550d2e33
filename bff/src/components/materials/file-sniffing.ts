/** The file types a material may be, told by their first bytes, never by the name or the declared type. */
export type MaterialMime = 'image/jpeg' | 'image/png' | 'application/pdf';

const SIGNATURES: ReadonlyArray<{ mime: MaterialMime; bytes: readonly number[] }> = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export function sniffMime(head: Buffer): MaterialMime | undefined {
  return SIGNATURES.find(({ bytes }) => bytes.every((byte, i) => head[i] === byte))?.mime;
}
