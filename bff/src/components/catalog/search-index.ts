import { pinyin } from 'pinyin-pro';
import { SEARCH_SYNONYMS } from './search-synonyms';

/** What the index needs to know of an item. */
export interface SearchableItem {
  name: string;
  family: string;
  aliases: readonly string[];
  policeTypeName: string;
  lifeEventNames: readonly string[];
  monthlyVolume: number;
}

interface PinyinKey {
  initials: string;
  full: string;
  /** Name keys rank above alias keys. */
  weight: number;
}

interface Doc {
  name: string;
  family: string;
  aliases: string[];
  categories: string[];
  /** Every character of the name and aliases, for the loose "all characters present" match. */
  chars: Set<string>;
  nameChars: Set<string>;
  pinyin: PinyinKey[];
  /** Popular and short names first among equals. */
  boost: number;
}

/** Full-width to half-width, lower case, no spaces or punctuation: how both sides are compared. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function pinyinKey(text: string, weight: number): PinyinKey {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
  return {
    initials: syllables.map((s) => s[0] ?? '').join(''),
    full: syllables.join(''),
    weight,
  };
}

const LATIN = /^[a-z]+$/;

/**
 * In-memory search over the catalog's items: words anywhere in the name or
 * aliases, pinyin initials or full pinyin (sfz, shenfenzheng), colloquial
 * synonyms, and a loose match when every character of the query appears.
 * Scores are additive over space-separated terms; every term must match.
 */
export class SearchIndex {
  private readonly docs: Doc[];

  constructor(items: readonly SearchableItem[]) {
    this.docs = items.map((item) => {
      const name = normalize(item.name);
      const aliases = item.aliases.map(normalize).filter(Boolean);
      return {
        name,
        family: normalize(item.family),
        aliases,
        categories: [item.policeTypeName, ...item.lifeEventNames].map(normalize),
        chars: new Set([...name, ...aliases.join('')]),
        nameChars: new Set(name),
        pinyin: [pinyinKey(item.name, 1), ...item.aliases.map((alias) => pinyinKey(alias, 0.85))],
        boost: Math.log10(item.monthlyVolume + 1) * 15 - name.length * 0.5,
      };
    });
  }

  /** Indices of the matching items, best first. */
  search(query: string): number[] {
    const terms = query.split(/\s+/).map(normalize).filter(Boolean).map(prepare);
    if (terms.length === 0) return [];
    const scored: Array<{ index: number; score: number }> = [];
    this.docs.forEach((doc, index) => {
      let total = 0;
      for (const term of terms) {
        const score = termScore(doc, term);
        if (score === 0) return;
        total += score;
      }
      scored.push({ index, score: total + doc.boost });
    });
    return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.index);
  }
}

/** A query term and what it may also mean, worked out once per query rather than per item. */
interface PreparedTerm {
  text: string;
  latin: boolean;
  variants: Array<{ text: string; chars: string[]; weight: number }>;
}

function prepare(term: string): PreparedTerm {
  const variants = [{ text: term, chars: [...term], weight: 1 }];
  if (!LATIN.test(term)) {
    for (const [word, replacements] of Object.entries(SEARCH_SYNONYMS)) {
      if (!term.includes(word)) continue;
      // Said exactly, the colloquial word means the catalog's; inside a longer query it is a guess.
      const weight = term === word ? 1 : 0.95;
      for (const replacement of replacements) {
        const text = term.replace(word, replacement);
        variants.push({ text, chars: [...text], weight });
      }
    }
  }
  return { text: term, latin: LATIN.test(term), variants };
}

function termScore(doc: Doc, term: PreparedTerm): number {
  if (term.latin) return Math.max(pinyinScore(doc, term.text), textScore(doc, term.text, [...term.text]));
  let best = 0;
  for (const variant of term.variants) {
    best = Math.max(best, textScore(doc, variant.text, variant.chars) * variant.weight);
    if (best >= 600) break;
  }
  return best;
}

function textScore(doc: Doc, term: string, chars: readonly string[]): number {
  if (doc.name === term) return 1000;
  if (doc.name.startsWith(term)) return 800;
  if (doc.family === term) return 750;
  if (doc.aliases.includes(term)) return 700;
  const at = doc.name.indexOf(term);
  if (at >= 0) return 600 - at;
  if (doc.aliases.some((alias) => alias.includes(term))) return 520;
  if (doc.categories.includes(term)) return 350;
  if (chars.length >= 2) {
    if (chars.every((c) => doc.nameChars.has(c))) return 250;
    if (chars.every((c) => doc.chars.has(c))) return 200;
  }
  return 0;
}

function pinyinScore(doc: Doc, term: string): number {
  let best = 0;
  for (const key of doc.pinyin) {
    let score = 0;
    if (key.initials === term) score = 650;
    else if (key.initials.startsWith(term)) score = 550;
    else if (term.length >= 2 && key.initials.includes(term)) score = 420;
    else if (key.full.startsWith(term)) score = 450;
    else if (term.length >= 3 && key.full.includes(term)) score = 320;
    best = Math.max(best, score * key.weight);
  }
  return best;
}
