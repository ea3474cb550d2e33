import { createRequire } from 'node:module';

/** opencc-js ships its types as ES module only; its CommonJS build is what this CommonJS package loads. */
interface OpenCC {
  Converter(options: { from: 'hk'; to: 'cn' }): (text: string) => string;
}
const opencc = createRequire(__filename)('opencc-js/t2cn') as OpenCC;

/** Hong Kong and Taiwan writing both occur in queries; the 'hk' table covers the standard traditional forms too. */
const toSimplified = opencc.Converter({ from: 'hk', to: 'cn' });

/**
 * How queries and catalog text are compared: full-width to half-width
 * (NFKC), lower case, traditional to simplified, punctuation and runs of
 * spaces to one space. Spaces are kept: they separate English words.
 */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** normalizeText without spaces: thesaurus words and query words are matched as one string. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/**
 * compactText for the catalog's own text, which is written in simplified
 * characters already: the traditional-to-simplified table (the costly step)
 * is skipped, so an index of the whole catalog builds quickly.
 */
export function compactCatalogText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const HAN = /\p{Script=Han}/u;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

/** A normalized query split into runs of Chinese characters and runs of Latin letters or digits. */
export function scriptRuns(normalized: string): Array<{ text: string; han: boolean }> {
  const runs: Array<{ text: string; han: boolean }> = [];
  for (const match of normalized.matchAll(/\p{Script=Han}+|[a-z0-9]+(?: [a-z0-9]+)*/gu)) {
    runs.push({ text: match[0], han: isHan(match[0][0] ?? '') });
  }
  return runs;
}
