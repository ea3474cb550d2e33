/**
 * Judging search against the evaluation set (test/search-eval/queries.json):
 * queries written the way citizens ask, each with the item or package codes
 * that rightly answer it. Shared by the evaluation test and `npm run bench`,
 * so the figures in docs/BENCHMARKS.md are the ones the test enforces.
 */

export interface EvaluationQuery {
  q: string;
  style: string;
  /** Codes that rightly answer, best first; empty for a query the catalog cannot serve. */
  answers: string[];
  means: string;
}

export interface EvaluationSet {
  about: string;
  queries: EvaluationQuery[];
}

/** The codes of the first results, in order, for a query. */
export type SearchCodes = (q: string) => Promise<string[]>;

export interface Rates {
  queries: number;
  top1: number;
  top3: number;
  zeroResults: number;
}

export interface EvaluationReport extends Rates {
  byStyle: Record<string, Rates>;
  /** Queries with no answer in the catalog that still found something (they should get the help page). */
  unanswerableWithResults: string[];
  /** Judged queries whose first result was not an answer. */
  misses: Array<{ q: string; means: string; got: string[] }>;
}

/** The targets the issue set: top-1 ≥ 90 %, top-3 ≥ 97 %, zero results ≤ 1 %. */
export const EVALUATION_TARGETS = { top1: 0.9, top3: 0.97, zeroResults: 0.01 } as const;

export async function evaluateSearch(set: EvaluationSet, search: SearchCodes): Promise<EvaluationReport> {
  const counts = new Map<string, { queries: number; top1: number; top3: number; zero: number }>();
  const tally = (style: string) => {
    const entry = counts.get(style) ?? { queries: 0, top1: 0, top3: 0, zero: 0 };
    counts.set(style, entry);
    return entry;
  };
  const unanswerableWithResults: string[] = [];
  const misses: EvaluationReport['misses'] = [];
  for (const query of set.queries) {
    const codes = await search(query.q);
    if (query.answers.length === 0) {
      if (codes.length > 0) unanswerableWithResults.push(query.q);
      continue;
    }
    const right = (code: string) => query.answers.includes(code);
    for (const entry of [tally('all'), tally(query.style)]) {
      entry.queries += 1;
      if (codes.length === 0) entry.zero += 1;
      if (codes[0] !== undefined && right(codes[0])) entry.top1 += 1;
      if (codes.slice(0, 3).some(right)) entry.top3 += 1;
    }
    if (codes[0] === undefined || !right(codes[0]))
      misses.push({ q: query.q, means: query.means, got: codes.slice(0, 3) });
  }
  const rates = ({ queries, top1, top3, zero }: { queries: number; top1: number; top3: number; zero: number }) => ({
    queries,
    top1: top1 / Math.max(1, queries),
    top3: top3 / Math.max(1, queries),
    zeroResults: zero / Math.max(1, queries),
  });
  const { all, ...styles } = Object.fromEntries([...counts].map(([style, entry]) => [style, rates(entry)]));
  return {
    ...(all ?? rates({ queries: 0, top1: 0, top3: 0, zero: 0 })),
    byStyle: styles,
    unanswerableWithResults,
    misses,
  };
}

/** The codes a search answer shows first: an item result is its best variant, a package its own code. */
export function resultCodes(
  results: ReadonlyArray<{ kind: 'item'; item: { code: string } } | { kind: 'package'; package: { code: string } }>,
): string[] {
  return results.map((hit) => (hit.kind === 'item' ? hit.item.code : hit.package.code));
}
