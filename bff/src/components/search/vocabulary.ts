import { pinyinKey } from './pinyin-keys';

/** The longest window checked for a one-character slip. */
const MAX_WINDOW = 8;

/** A word the search knows. */
export interface VocabularyWord {
  word: string;
  /** A slip may be corrected into this word. */
  correctable: boolean;
}

/** How much a word stands for (the volume of the items it names); asked once per word, when needed. */
export type Weigh = (word: string) => number;

/**
 * The words of one catalog version (names, families, aliases, keywords,
 * thesaurus words), indexed for the two kinds of tolerance: reading Latin
 * input as pinyin or initials, and correcting one wrong character in a word
 * of three or more characters or a homophone typed with the wrong character.
 */
export class Vocabulary {
  private readonly weights = new Map<string, number>();
  private readonly correctable = new Set<string>();
  /** Every two characters side by side in a known text: a character inside one is not a slip. */
  private readonly bigrams = new Set<string>();
  /** Every known text, joined by a separator no word contains, for "is this anywhere" questions. */
  private readonly corpus: string;
  /** Words of 3+ characters by each one-character wildcard of them ("驾*证" → 驾驶证). */
  private readonly oneOff = new Map<string, string[]>();
  private readonly byFullPinyin = new Map<string, string[]>();
  private readonly byInitials = new Map<string, string[]>();
  /** Words by full pinyin, sorted, for prefixes typed while suggesting. */
  private readonly pinyinList: Array<{ full: string; initials: string; word: string }> = [];

  private readonly words = new Set<string>();

  /**
   * `quiet` characters (了, 的, 从 … the one-character filler words) are
   * never taken for a slip: 拘留了 stays, it does not become 拘留所.
   */
  constructor(
    private readonly weigh: Weigh,
    words: Iterable<VocabularyWord>,
    knownTexts: Iterable<string>,
    private readonly quiet: ReadonlySet<string> = new Set(),
  ) {
    for (const { word, correctable } of words) {
      if (word.length < 2 || !/^\p{Script=Han}+$/u.test(word)) continue;
      this.words.add(word);
      if (correctable) this.correctable.add(word);
    }
    const texts = [...knownTexts, ...this.words];
    for (const text of texts) {
      for (let i = 0; i + 1 < text.length; i += 1) this.bigrams.add(text.slice(i, i + 2));
    }
    this.corpus = texts.join('|');
    for (const word of this.words) {
      if (word.length >= 3) {
        for (let i = 0; i < word.length; i += 1) push(this.oneOff, wildcard(word, i), word);
      }
      const key = pinyinKey(word);
      push(this.byFullPinyin, key.full, word);
      push(this.byInitials, key.initials, word);
      this.pinyinList.push({ ...key, word });
    }
    this.pinyinList.sort((a, b) => (a.full < b.full ? -1 : a.full > b.full ? 1 : 0));
  }

  weightOf(word: string): number {
    let weight = this.weights.get(word);
    if (weight === undefined) {
      weight = this.weigh(word);
      this.weights.set(word, weight);
    }
    return weight;
  }

  /** Whether the text occurs inside any known word or catalog text. */
  isKnown(text: string): boolean {
    return this.corpus.includes(text);
  }

  /**
   * Chinese text with one-character slips corrected: a character not inside
   * any known word is tried, in windows of 3+ characters, against the words
   * that differ from the window in one place, and in windows of 2+ against
   * the words read the same way (户照 → 护照). The best-known candidate wins.
   */
  correct(text: string): string {
    const covered = this.coverage(text);
    if (covered.every(Boolean)) return text;
    let result = text;
    for (let start = 0; start < result.length; start += 1) {
      if (covered[start] || this.quiet.has(result[start] ?? '')) continue;
      const fix = this.bestFixAround(result, start);
      if (!fix) continue;
      result = result.slice(0, fix.at) + fix.word + result.slice(fix.at + fix.word.length);
      for (let i = fix.at; i < fix.at + fix.word.length; i += 1) covered[i] = true;
    }
    return result;
  }

  /**
   * Chinese words a Latin token may be: full pinyin (huzhao), initials (hz),
   * or, when `prefix`, the start of a word's pinyin (huzh) as typed so far.
   * Best-known first.
   */
  fromLatin(token: string, options: { prefix: boolean }): string[] {
    const found = new Set<string>([...(this.byFullPinyin.get(token) ?? []), ...(this.byInitials.get(token) ?? [])]);
    if (found.size === 0 && options.prefix && token.length >= 2) {
      for (const entry of this.prefixed(token)) found.add(entry.word);
      for (const entry of this.pinyinList) if (entry.initials.startsWith(token)) found.add(entry.word);
    }
    return [...found].sort((a, b) => this.weightOf(b) - this.weightOf(a) || a.length - b.length);
  }

  /** Which characters sit inside a known pair of characters (and so inside a known word). */
  private coverage(text: string): boolean[] {
    const covered = new Array<boolean>(text.length).fill(false);
    for (let i = 0; i + 1 < text.length; i += 1) {
      if (!this.bigrams.has(text.slice(i, i + 2))) continue;
      covered[i] = true;
      covered[i + 1] = true;
    }
    return covered;
  }

  private bestFixAround(text: string, suspect: number): { at: number; word: string } | undefined {
    let best: { at: number; word: string; score: number } | undefined;
    const consider = (at: number, word: string, sameSound: boolean) => {
      if (!this.correctable.has(word)) return;
      const score = this.weightOf(word) * (sameSound ? 2 : 1) * word.length;
      if (!best || score > best.score) best = { at, word, score };
    };
    for (let length = Math.min(MAX_WINDOW, text.length); length >= 2; length -= 1) {
      for (let at = Math.max(0, suspect - length + 1); at <= suspect && at + length <= text.length; at += 1) {
        const window = text.slice(at, at + length);
        const sound = pinyinKey(window).full;
        for (const word of this.byFullPinyin.get(sound) ?? []) if (word !== window) consider(at, word, true);
        if (length < 3) continue;
        for (const word of this.oneOff.get(wildcard(window, suspect - at)) ?? []) {
          consider(at, word, pinyinKey(word).full === sound);
        }
      }
      if (best) return best;
    }
    return undefined;
  }

  private prefixed(prefix: string): Array<{ word: string }> {
    let low = 0;
    let high = this.pinyinList.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.pinyinList[mid]?.full ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const matches: Array<{ word: string }> = [];
    for (let i = low; i < this.pinyinList.length; i += 1) {
      const entry = this.pinyinList[i];
      if (!entry?.full.startsWith(prefix)) break;
      matches.push(entry);
    }
    return matches;
  }

  /**
   * Pinyin or initials of several words typed together (shenfenzhengbuling,
   * wei zhang fa kuan, hzbl): the longest known reading at each step, full
   * pinyin before initials; nothing when some part reads as no word.
   */
  splitPinyin(token: string): string[] {
    return this.split(token, this.byFullPinyin) ?? this.split(token, this.byInitials) ?? [];
  }

  private split(token: string, readings: ReadonlyMap<string, string[]>): string[] | undefined {
    const words: string[] = [];
    let rest = token;
    while (rest.length > 0) {
      let matched = false;
      for (let end = rest.length; end >= 2; end -= 1) {
        const candidates = readings.get(rest.slice(0, end));
        if (!candidates) continue;
        const best = [...candidates].sort((a, b) => this.weightOf(b) - this.weightOf(a))[0];
        if (best) words.push(best);
        rest = rest.slice(end);
        matched = true;
        break;
      }
      if (!matched) return undefined;
    }
    return words;
  }
}

function wildcard(word: string, at: number): string {
  return `${word.slice(0, at)}*${word.slice(at + 1)}`;
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [word]);
  else if (!list.includes(word)) list.push(word);
}
