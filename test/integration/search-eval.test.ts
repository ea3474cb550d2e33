import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVALUATION_TARGETS, evaluateSearch, resultCodes, type EvaluationSet } from '@suijing/bff';
import type { SearchResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';

const EVALUATION_FILE = path.join(__dirname, '..', 'search-eval', 'queries.json');

/**
 * The evaluation set through the real API: each query asked of
 * `GET /api/v1/search` as a citizen would, judged against the codes that
 * rightly answer it. The figures are printed and the targets enforced.
 */
describe('search evaluation: queries written the way citizens ask', () => {
  let stack: TestStack;
  const set = JSON.parse(readFileSync(EVALUATION_FILE, 'utf8')) as EvaluationSet;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  it('when every query of the set is searched, then top-1, top-3 and zero-result rates meet their targets', async () => {
    // Arrange
    const search = async (q: string) => {
      const res = await stack.api().get('/api/v1/search').query({ q, pageSize: 3 });
      expect(res.status).toBe(200);
      return resultCodes((res.body as SearchResponse).results);
    };

    // Act
    const report = await evaluateSearch(set, search);

    // Assert
    const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
    process.stdout.write(
      `search evaluation: ${report.queries} queries, top-1 ${percent(report.top1)}, top-3 ${percent(report.top3)}, ` +
        `zero results ${percent(report.zeroResults)}\n`,
    );
    const met =
      report.top1 >= EVALUATION_TARGETS.top1 &&
      report.top3 >= EVALUATION_TARGETS.top3 &&
      report.zeroResults <= EVALUATION_TARGETS.zeroResults;
    if (!met) {
      const lines = report.misses.map(
        (miss) => `  ${miss.q} → wanted ${miss.means}, got ${miss.got.join(', ') || 'nothing'}`,
      );
      process.stdout.write(`misses:\n${lines.join('\n')}\n`);
    }
    expect(set.queries.length).toBeGreaterThanOrEqual(300);
    expect(report.top1).toBeGreaterThanOrEqual(EVALUATION_TARGETS.top1);
    expect(report.top3).toBeGreaterThanOrEqual(EVALUATION_TARGETS.top3);
    expect(report.zeroResults).toBeLessThanOrEqual(EVALUATION_TARGETS.zeroResults);
  });

  it('when the set is read, then every answer is a code the catalog serves', async () => {
    // Arrange
    const codes = new Set<string>();
    const items = await stack.api().get('/api/v1/items').query({ pageSize: 50 });
    for (let page = 1; ; page += 1) {
      const res = page === 1 ? items : await stack.api().get('/api/v1/items').query({ page, pageSize: 50 });
      for (const item of (res.body as { items: Array<{ code: string }> }).items) codes.add(item.code);
      if (!(res.body as { hasMore: boolean }).hasMore) break;
    }
    const packages = await stack.api().get('/api/v1/packages');
    for (const pkg of (packages.body as { packages: Array<{ code: string }> }).packages) codes.add(pkg.code);

    // Act
    const unknown = set.queries.flatMap((query) => query.answers.filter((code) => !codes.has(code)));

    // Assert
    expect(unknown).toEqual([]);
  });
});
