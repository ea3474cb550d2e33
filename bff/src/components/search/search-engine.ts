import { understand, type Alternative, type Concept, type Understanding } from './query-understanding';
import { jiebaSegmenter, type Segmenter } from './segmenter';
import { compactCatalogText } from './text-normalizer';
import { shippedThesaurus, type Thesaurus } from './thesaurus';
import { Vocabulary } from './vocabulary';

/** What the engine needs to know of an item or a 一件事 package. */
export interface SearchDocSource {
  kind: 'item' | 'package';
  code: string;
  name: string;
  /** The item's family (主项); a package is its own family. */
  family: string;
  situation?: string;
  aliases: readonly string[];
  /** Police type, life events: words that find it without naming it. */
  keywords: readonly string[];
  /** A package's member items: they find the package, but only together with the rest of the query. */
  members: readonly string[];
  /** The guide's or package's summary text: matched, but counts least. */
  summary: string;
  /** Cases a month: how often it is handled. */
  volume: number;
  /** The family's main item (its first 情形), preferred among equals. */
  main: boolean;
}

/** A document found, with its score. */
export interface Match {
  doc: number;
  score: number;
}

export interface SearchOutcome {
  terms: string[];
  matches: Match[];
}

type Field = 'name' | 'family' | 'aliases' | 'keywords' | 'members' | 'summary';

/** BM25F field weights: the name says most, the summary least. */
const FIELD_WEIGHTS: Readonly<Record<Field, number>> = {
  name: 3,
  family: 2,
  aliases: 2.5,
  keywords: 1.5,
  members: 1,
  summary: 0.4,
};
/** Fields that can carry a match on their own; a match only in the summary must cover every concept. */
const TITLE_FIELDS: readonly Field[] = ['name', 'family', 'aliases', 'keywords'];
const K1 = 1.2;
const PARTIAL_MATCH = 0.6;
const B = 0.5;
/** How much the hot counts lift a result: the most handled item gets up to this share on top. */
const POPULARITY_SHARE = 0.35;
const MAIN_ITEM_LIFT = 1.03;
/** Results scoring below this share of the best are noise, not answers. */
const RELATIVE_CUTOFF = 0.2;

interface Doc {
  fields: Record<Field, string[]>;
  /** Each field's total length, for BM25's length normalisation. */
  lengths: Record<Field, number>;
  /** Every field joined: one test tells whether a word occurs in the document at all. */
  text: string;
  prior: number;
}

const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/**
 * The search over one catalog version: a BM25F text score over name,
 * family, aliases, keywords and summary for every concept of the query (the
 * best of its alternatives), scaled by how many of the concepts matched and
 * blended with how often the item is handled.
 */
export class SearchEngine {
  private readonly docs: Doc[];
  private readonly averages: Record<Field, number>;
  /** The documents each character occurs in: a word is looked for only where its rarest character is. */
  private readonly postings: ReadonlyMap<string, readonly number[]>;
  private readonly understanding: Understanding;

  constructor(
    sources: readonly SearchDocSource[],
    thesaurus: Thesaurus = shippedThesaurus(),
    segmenter: Segmenter = jiebaSegmenter(),
  ) {
    const maxVolume = Math.max(1, ...sources.map((source) => source.volume));
    this.docs = sources.map((source) => {
      const fields: Record<Field, string[]> = {
        name: [compactCatalogText(source.name)],
        family: [compactCatalogText(source.family)],
        aliases: source.aliases.map(compactCatalogText).filter(Boolean),
        keywords: [
          ...source.keywords.map(compactCatalogText),
          ...thesaurus.keywordsOf(source.family),
          ...thesaurus.keywordsOf(source.name),
        ].filter(Boolean),
        members: source.members.map(compactCatalogText),
        summary: [compactCatalogText(source.summary)],
      };
      return {
        fields,
        lengths: Object.fromEntries(
          FIELDS.map((field) => [field, fields[field].reduce((sum, value) => sum + value.length, 0)]),
        ) as Record<Field, number>,
        text: FIELDS.flatMap((field) => fields[field]).join('|'),
        prior:
          (1 + (POPULARITY_SHARE * Math.log10(1 + source.volume)) / Math.log10(1 + maxVolume)) *
          (source.main ? MAIN_ITEM_LIFT : 1),
      };
    });
    this.postings = postingsOf(this.docs);
    this.averages = averageLengths(this.docs);

    const titles = this.docs.flatMap((doc) => [...doc.fields.name, ...doc.fields.family, ...doc.fields.aliases]);
    const domainWords = new Set([
      ...sources.flatMap((source) =>
        [source.family, source.situation ?? '', ...source.aliases].map(compactCatalogText),
      ),
      ...thesaurus.sayWords,
      ...thesaurus.meantWords,
    ]);
    domainWords.delete('');
    segmenter.addWords(domainWords);
    const nameWords = new Set(titles.flatMap((title) => segmenter.cut(title)));
    // One string per document (fields joined by a separator no word contains) keeps the weighing fast.
    const titleTexts = this.docs.map((doc) =>
      [...doc.fields.name, ...doc.fields.family, ...doc.fields.aliases, ...doc.fields.keywords].join('|'),
    );
    const catalogWords = new Set([...domainWords, ...nameWords].filter((word) => !thesaurus.meaningsOf(word)));
    // Weighed when first needed (a reading or a correction is being chosen), not for every word up front.
    const weigh = (word: string) => this.weightOf(word, sources, titleTexts);
    const vocabulary = new Vocabulary(
      weigh,
      [...domainWords, ...nameWords].map((word) => ({
        word,
        // Typos are corrected towards the catalog's own words only, never into a colloquial one.
        correctable: catalogWords.has(word),
      })),
      [...titles, ...this.docs.flatMap((doc) => [...doc.fields.keywords, ...doc.fields.members]), ...thesaurus.fillers],
      new Set([...thesaurus.fillers].filter((filler) => filler.length === 1)),
    );
    this.understanding = { thesaurus, segmenter, vocabulary };
  }

  get size(): number {
    return this.docs.length;
  }

  /** Documents for the query, best first; `prefix` reads the last Latin token as typed so far. */
  search(query: string, options: { prefix?: boolean } = {}): SearchOutcome {
    const { terms, concepts } = understand(query, this.understanding, { prefix: options.prefix ?? false });
    const scored = concepts.map((concept) => ({ concept, scores: this.conceptScores(concept) }));
    const perConcept = scored.flatMap(({ scores }) => (scores ? [scores] : []));
    // "社保卡补办": only the generic word matched, what it is about is not in the catalog.
    // A word found only in some guide's summary (芯片 in a condition) does not name anything here either.
    const named = ({ scores }: (typeof scored)[number]) => scores?.some((hit) => hit?.titled) ?? false;
    const aboutUnknown = scored.some(
      (entry) => !named(entry) && !entry.concept.generic && [...entry.concept.said].length >= 2,
    );
    const onlyGeneric = scored.some(named) && scored.every((entry) => !named(entry) || entry.concept.generic);
    if (perConcept.length === 0 || (aboutUnknown && onlyGeneric)) return { terms, matches: [] };
    const matches: Match[] = [];
    this.docs.forEach((doc, index) => {
      let total = 0;
      let matched = 0;
      let titled = false;
      for (const scores of perConcept) {
        const hit = scores[index];
        if (!hit) continue;
        total += hit.score;
        matched += 1;
        titled ||= hit.titled;
      }
      if (matched === 0 || (!titled && matched < perConcept.length)) return;
      const coverage = (matched / perConcept.length) ** 1.5;
      matches.push({ doc: index, score: total * coverage * doc.prior });
    });
    matches.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const floor = (matches[0]?.score ?? 0) * RELATIVE_CUTOFF;
    return { terms, matches: matches.filter((match) => match.score >= floor) };
  }

  /**
   * The documents sharing most characters with the query's words, for
   * 您是不是要找 when nothing matched: at least two characters in common.
   */
  nearest(query: string, limit: number): number[] {
    const { concepts } = understand(query, this.understanding, { prefix: false });
    const chars = new Set(concepts.flatMap((concept) => [...concept.said]));
    if (chars.size === 0) return [];
    return this.docs
      .map((doc, index) => {
        const name = doc.fields.name[0] ?? '';
        const shared = [...chars].filter((char) => name.includes(char)).length;
        return { index, score: shared >= 2 ? shared * doc.prior : 0 };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, limit)
      .map((entry) => entry.index);
  }

  /** Per document, the best alternative's BM25F score; undefined when no alternative occurs anywhere. */
  private conceptScores(concept: Concept): Array<{ score: number; titled: boolean } | undefined> | undefined {
    let any = false;
    const best: Array<{ score: number; titled: boolean } | undefined> = new Array(this.docs.length);
    for (const alternative of concept.alternatives) {
      const scores = this.alternativeScores(alternative);
      if (!scores) continue;
      any = true;
      scores.forEach((hit, index) => {
        if (hit && (!best[index] || hit.score > (best[index]?.score ?? 0))) best[index] = hit;
      });
    }
    return any ? best : undefined;
  }

  private alternativeScores(alternative: Alternative) {
    const weighted: Array<{ tf: number; titled: boolean } | undefined> = new Array(this.docs.length);
    let df = 0;
    for (const index of this.candidates(alternative.text)) {
      const doc = this.docs[index];
      if (!doc?.text.includes(alternative.text)) continue;
      let tf = 0;
      let titled = false;
      for (const field of FIELDS) {
        // A field that is exactly the word counts fully, one that contains it somewhat less.
        let count = 0;
        for (const value of doc.fields[field]) {
          count += value === alternative.text ? 1 : value.includes(alternative.text) ? PARTIAL_MATCH : 0;
        }
        if (count === 0) continue;
        tf += (FIELD_WEIGHTS[field] * count) / (1 - B + (B * doc.lengths[field]) / this.averages[field]);
        titled ||= TITLE_FIELDS.includes(field);
      }
      if (tf === 0) continue;
      weighted[index] = { tf, titled };
      df += 1;
    }
    if (df === 0) return undefined;
    const idf = Math.log(1 + (this.docs.length - df + 0.5) / (df + 0.5));
    // Longer words say more than single characters: 驾驶证 over 证.
    const specificity = Math.min(1, 0.4 + 0.2 * [...alternative.text].length);
    return weighted.map((hit) =>
      hit
        ? { score: alternative.weight * specificity * idf * ((hit.tf * (K1 + 1)) / (hit.tf + K1)), titled: hit.titled }
        : undefined,
    );
  }

  /** The documents holding the word's rarest character (all its characters must be there). */
  private candidates(word: string): readonly number[] {
    let rarest: readonly number[] | undefined;
    for (const char of word) {
      const docs = this.postings.get(char);
      if (!docs) return [];
      if (!rarest || docs.length < rarest.length) rarest = docs;
    }
    return rarest ?? [];
  }

  /** How much a word stands for: the volume of the documents whose titles or keywords contain it. */
  private weightOf(word: string, sources: readonly SearchDocSource[], titles: readonly string[]): number {
    let weight = 0;
    titles.forEach((title, index) => {
      if (title.includes(word)) weight += (sources[index]?.volume ?? 0) + 1;
    });
    return weight;
  }
}

/** For each character, the documents whose text holds it, in document order. */
function postingsOf(docs: readonly Doc[]): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  docs.forEach((doc, index) => {
    for (const char of new Set(doc.text)) {
      const list = postings.get(char);
      if (list) list.push(index);
      else postings.set(char, [index]);
    }
  });
  return postings;
}

/** Average field lengths over the documents that have the field (only packages have members). */
function averageLengths(docs: readonly Doc[]): Record<Field, number> {
  const average = (field: Field) => {
    const lengths = docs.map((doc) => doc.lengths[field]).filter((length) => length > 0);
    return Math.max(1, lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length));
  };
  return {
    name: average('name'),
    family: average('family'),
    aliases: average('aliases'),
    keywords: average('keywords'),
    members: average('members'),
    summary: average('summary'),
  };
}
