import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Splits Chinese text into words; the domain's words are added so they are never split. */
export interface Segmenter {
  cut(text: string): string[];
  /** The shorter words inside a word (违章罚款 → 违章, 罚款), for words the catalog does not know whole. */
  cutFine(word: string): string[];
  addWords(words: Iterable<string>): void;
}

/** A frequency above the base dictionary's common words, so a domain word wins over its parts. */
const DOMAIN_WORD_FREQUENCY = 200000;

let shared: Jieba | undefined;
const added = new Set<string>();

/**
 * jieba (via @node-rs/jieba) with its maintained base dictionary, loaded once
 * per process (about 0.1 s): every catalog version adds its words to the
 * same instance, and words are only ever added, so older versions still cut
 * the same way.
 */
export function jiebaSegmenter(): Segmenter {
  shared ??= Jieba.withDict(dict);
  const jieba = shared;
  return {
    cut: (text) => jieba.cut(text, false),
    cutFine: (word) => jieba.cutForSearch(word, false).filter((part) => part !== word),
    addWords(words) {
      const fresh = [...words].filter((word) => word.length > 1 && !added.has(word) && !/\s/.test(word));
      if (fresh.length === 0) return;
      for (const word of fresh) added.add(word);
      jieba.loadDict(Buffer.from(fresh.map((word) => `${word} ${DOMAIN_WORD_FREQUENCY} n`).join('\n')));
    },
  };
}
