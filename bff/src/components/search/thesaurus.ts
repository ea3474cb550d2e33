import { z } from 'zod';
import data from './thesaurus.json';
import { compactText } from './text-normalizer';

const EntrySchema = z.object({
  kind: z.enum(['colloquial', 'destination', 'problem', 'verb', 'category', 'abbreviation', 'english']),
  say: z.array(z.string().min(1)).min(1),
  means: z.array(z.string().min(1)).min(1),
});

const GENERIC_KINDS: ReadonlyArray<z.infer<typeof EntrySchema>['kind']> = ['problem', 'verb', 'category'];

const ThesaurusSchema = z.object({
  about: z.string(),
  review: z.string(),
  fillers: z.array(z.string().min(1)),
  synonyms: z.array(EntrySchema),
  miswritings: z.record(z.string().min(2), z.string().min(2)),
  /** By family, item or package name. */
  keywords: z.record(z.string(), z.array(z.string().min(1))),
});
export type ThesaurusData = z.infer<typeof ThesaurusSchema>;

/**
 * What citizens say and what the catalog calls it, kept as data in
 * thesaurus.json (reviewed by a domain person, not by code review). Every
 * word is normalized the way queries are, so 護照 and ＩＤ ｃａｒｄ find
 * their entries too.
 */
export class Thesaurus {
  readonly fillers: ReadonlySet<string>;
  /** Every said word, longest first, for segmentation and typo checks. */
  readonly sayWords: readonly string[];
  /** Every official word the entries point at. */
  readonly meantWords: readonly string[];
  private readonly meanings = new Map<string, string[]>();
  private readonly generic = new Set<string>();
  private readonly fixes: ReadonlyArray<[string, string]>;
  private readonly keywords: ReadonlyMap<string, readonly string[]>;

  constructor(source: ThesaurusData) {
    const parsed = ThesaurusSchema.parse(source);
    this.fillers = new Set(parsed.fillers.map(compactText));
    for (const entry of parsed.synonyms) {
      const means = entry.means.map(compactText);
      for (const said of entry.say.map(compactText)) {
        if (GENERIC_KINDS.includes(entry.kind)) this.generic.add(said);
        const known = this.meanings.get(said) ?? [];
        this.meanings.set(said, [...new Set([...known, ...means])]);
      }
    }
    this.sayWords = [...this.meanings.keys()].sort((a, b) => b.length - a.length);
    this.meantWords = [...new Set([...this.meanings.values()].flat())];
    this.fixes = Object.entries(parsed.miswritings)
      .map(([wrong, right]): [string, string] => [compactText(wrong), compactText(right)])
      .sort((a, b) => b[0].length - a[0].length);
    this.keywords = new Map(
      Object.entries(parsed.keywords).map(([family, words]) => [compactText(family), words.map(compactText)]),
    );
  }

  /** The catalog's words for what was said, or undefined when the thesaurus does not know the word. */
  meaningsOf(word: string): readonly string[] | undefined {
    return this.meanings.get(word);
  }

  /**
   * Problem, verb and category words (丢了, 预约, 许可) say what to do or what sort of matter,
   * not about what: when only they match, the query is about something the catalog lacks.
   */
  isGeneric(word: string): boolean {
    return this.generic.has(word);
  }

  isFiller(word: string): boolean {
    return this.fillers.has(word);
  }

  /** The text with the known miswritings corrected. */
  fixMiswritings(text: string): string {
    let fixed = text;
    for (const [wrong, right] of this.fixes) {
      if (fixed.includes(wrong)) fixed = fixed.split(wrong).join(right);
    }
    return fixed;
  }

  /** Extra words for an item family, an item (by its full name) or a package. */
  keywordsOf(name: string): readonly string[] {
    return this.keywords.get(compactText(name)) ?? [];
  }
}

let loaded: Thesaurus | undefined;

/** The thesaurus shipped with this build, parsed once per process. */
export function shippedThesaurus(): Thesaurus {
  loaded ??= new Thesaurus(data as ThesaurusData);
  return loaded;
}
