import type { Segmenter } from './segmenter';
import { normalizeText, scriptRuns } from './text-normalizer';
import type { Thesaurus } from './thesaurus';
import type { Vocabulary } from './vocabulary';

/** One way a concept of the query may be written in the catalog, and how much a match on it counts. */
export interface Alternative {
  text: string;
  weight: number;
}

/** One thing the person asked about ("身份证", "丢了"), with the catalog words it may mean. */
export interface Concept {
  said: string;
  alternatives: Alternative[];
  /** A problem or verb word (丢了, 预约): it refines what else was asked, it finds nothing alone. */
  generic: boolean;
}

export interface UnderstoodQuery {
  /** What the search understood, for the person to see. */
  terms: string[];
  concepts: Concept[];
}

export interface Understanding {
  thesaurus: Thesaurus;
  segmenter: Segmenter;
  vocabulary: Vocabulary;
}

/** How many readings of one Latin token are tried (hz: 护照, 户政 …). */
const MAX_LATIN_READINGS = 4;
/** The word as said counts a little less than what the thesaurus says it means. */
const SAID_WEIGHT = 0.8;

/**
 * From what was typed to what to look for: normalise, correct slips,
 * segment, drop intent and filler words (办, 怎么, 我要 …) while something
 * else remains, and expand each word through the thesaurus; Latin input is
 * read as English, pinyin or initials. `prefix` reads the last Latin token
 * as the start of a word (suggestions while typing).
 */
export function understand(raw: string, context: Understanding, options: { prefix: boolean }): UnderstoodQuery {
  const runs = scriptRuns(normalizeText(raw));
  const concepts: Array<Concept & { filler: boolean }> = [];
  runs.forEach((run, index) => {
    const last = index === runs.length - 1;
    const found = run.han ? hanConcepts(run.text, context) : latinConcepts(run.text, context, options.prefix && last);
    concepts.push(...found);
  });
  const meaningful = concepts.filter((concept) => !concept.filler);
  const kept = meaningful.length > 0 ? meaningful : concepts;
  // Two words meaning the same (丢了 … 补办) are one concept, not twice the weight.
  const unique = new Map<string, Concept>();
  for (const { said, alternatives, generic } of kept) {
    const meaning = alternatives
      .filter((alternative) => alternative.text !== said)
      .map((alternative) => alternative.text)
      .sort()
      .join('|');
    const key = meaning || said;
    if (!unique.has(key)) unique.set(key, { said, alternatives, generic });
  }
  return { terms: [...unique.values()].map((concept) => concept.said), concepts: [...unique.values()] };
}

/** A word of several characters that neither the thesaurus nor the catalog knows whole. */
function isUnknown(word: string, { thesaurus, vocabulary }: Understanding): boolean {
  return word.length >= 3 && !thesaurus.meaningsOf(word) && !vocabulary.isKnown(word);
}

/** The known words inside an unknown one, or the word itself when none is known. */
function finerWords(word: string, context: Understanding): string[] {
  const parts = context.segmenter
    .cutFine(word)
    .filter((part) => part.length >= 2 && (context.thesaurus.meaningsOf(part) || context.vocabulary.isKnown(part)));
  // cutForSearch also returns overlapping words; keep those not inside a longer kept one.
  const outer = parts.filter((part) => !parts.some((other) => other !== part && other.includes(part)));
  return outer.length > 0 ? outer : [word];
}

function hanConcepts(text: string, context: Understanding) {
  const { thesaurus, segmenter, vocabulary } = context;
  const corrected = vocabulary.correct(thesaurus.fixMiswritings(text));
  return segmenter
    .cut(corrected)
    .flatMap((word) => (isUnknown(word, context) ? finerWords(word, context) : [word]))
    .map((word) => concept(word, thesaurus));
}

function latinConcepts(text: string, context: Understanding, prefix: boolean) {
  const { thesaurus, vocabulary } = context;
  const tokens = text.split(' ');
  const whole = tokens.join('');
  // Pinyin typed with spaces between syllables (wei zhang fa kuan) reads as one run.
  if (tokens.length > 1 && tokens.every((token) => !thesaurus.meaningsOf(token))) {
    const words = vocabulary.splitPinyin(whole);
    if (words.length > 0) return words.map((word) => concept(word, thesaurus));
  }
  const concepts: Array<Concept & { filler: boolean }> = [];
  for (let start = 0; start < tokens.length;) {
    // The longest English phrase the thesaurus knows from here (vehicle license, lost and found).
    const phrase = longestPhrase(tokens, start, thesaurus);
    if (phrase) {
      const words = tokens.slice(start, phrase);
      concepts.push({ ...concept(words.join(''), thesaurus), said: words.join(' ') });
      start = phrase;
      continue;
    }
    const token = tokens[start] ?? '';
    concepts.push(...latinToken(token, context, prefix && start === tokens.length - 1));
    start += 1;
  }
  return concepts;
}

/** Where the longest known phrase of two or more tokens starting at `start` ends, if there is one. */
function longestPhrase(tokens: readonly string[], start: number, thesaurus: Thesaurus): number | undefined {
  for (let end = tokens.length; end >= start + 2; end -= 1) {
    if (thesaurus.meaningsOf(tokens.slice(start, end).join(''))) return end;
  }
  return undefined;
}

function latinToken(token: string, { thesaurus, vocabulary }: Understanding, prefix: boolean) {
  if (thesaurus.isFiller(token) || thesaurus.meaningsOf(token) || /^\d+$/.test(token)) {
    return [concept(token, thesaurus)];
  }
  const readings = vocabulary.fromLatin(token, { prefix });
  if (readings.length > 0) {
    const top = readings.slice(0, MAX_LATIN_READINGS);
    const best = Math.max(1, vocabulary.weightOf(top[0] ?? ''));
    const alternatives = top.flatMap((word) =>
      expand(word, thesaurus).map((alternative) => ({
        text: alternative.text,
        weight: alternative.weight * (0.7 + (0.3 * vocabulary.weightOf(word)) / best),
      })),
    );
    return [{ said: token, filler: false, generic: false, alternatives }];
  }
  const words = vocabulary.splitPinyin(token);
  if (words.length > 0) return words.map((word) => concept(word, thesaurus));
  return [concept(token, thesaurus)];
}

function concept(word: string, thesaurus: Thesaurus): Concept & { filler: boolean } {
  return {
    said: word,
    filler: thesaurus.isFiller(word),
    generic: thesaurus.isGeneric(word),
    alternatives: expand(word, thesaurus),
  };
}

/** The word itself and, when the thesaurus knows it, what it means. */
function expand(word: string, thesaurus: Thesaurus): Alternative[] {
  const meanings = thesaurus.meaningsOf(word);
  if (!meanings) return [{ text: word, weight: 1 }];
  // A word that means itself (许可) is the catalog's word already.
  const said = { text: word, weight: meanings.includes(word) ? 1 : SAID_WEIGHT };
  return [said, ...weighted(meanings.filter((meaning) => meaning !== word))];
}

function weighted(words: readonly string[]): Alternative[] {
  return words.map((text) => ({ text, weight: 1 }));
}
