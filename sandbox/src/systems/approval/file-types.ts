import type { MaterialType } from './records';

/** Upload limit of the approval system. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const SIGNATURES: ReadonlyArray<{ type: MaterialType; magic: readonly number[] }> = [
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "%PDF-"
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The file's type from its first bytes (never its name or declared type), or undefined when not accepted. */
export function sniffType(content: Buffer): MaterialType | undefined {
  return SIGNATURES.find(({ magic }) => magic.every((byte, index) => content[index] === byte))?.type;
}
