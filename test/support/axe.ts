import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/** The WCAG 2.1 AA rule set: level A and AA rules of WCAG 2.0 and those added in 2.1. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/**
 * Left out: Taro's H5 toast (white on 70 % black, 8:1 when shown) fades out
 * over 0.1 s after 1.5 s, and a check that catches it mid-fade measures a
 * contrast nobody reads.
 */
const TRANSIENT = ['.taro__toast'];

let axeSource: string | undefined;

/** axe-core's browser build, read once per test file. */
function source(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One line per failing element: the rule, its impact, where, and what to fix. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) => {
        const target = node.target.map(String).join(' ');
        const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim();
        return `- ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    at ${target}\n    ${summary}`;
      }),
    )
    .join('\n');
}

/**
 * Runs axe-core's WCAG 2.1 AA rules on the page as it is now and fails with
 * the list of violations. The source goes in through the DevTools protocol
 * (page.evaluate), which the page's Content-Security-Policy does not govern,
 * and only once per document: the H5 app changes pages without reloading.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(source());
  const results = await page.evaluate(
    ({ tags, exclude }) =>
      (window as unknown as { axe: { run: (context: object, options: object) => Promise<AxeResults> } }).axe.run(
        { exclude },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    { tags: [...WCAG_21_AA], exclude: TRANSIENT },
  );
  if (results.violations.length > 0) {
    throw new Error(
      `${name} (${page.url()}): ${results.violations.length} WCAG 2.1 AA rule(s) fail\n${describeViolations(results.violations)}`,
    );
  }
}
