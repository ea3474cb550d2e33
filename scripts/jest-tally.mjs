// How npm test counts a jest run: from this run's report only, so that a dead or
// shrunken run can never print a green total.

/**
 * @param {object | undefined} report jest's --json report of this run, undefined when none was written
 * @param {{ exitCode: number, floor: number }} run jest's exit code and the fewest tests a whole run may count
 * @returns {{ passed: number, failed: number, problems: string[] }} failed includes one per problem
 */
export function tallyJest(report, { exitCode, floor }) {
  if (!report) return { passed: 0, failed: 1, problems: [`jest wrote no report (exit code ${exitCode})`] };
  // A suite that failed to run has no failed tests of its own: count it once.
  const brokenSuites = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.every((a) => a.status !== 'failed'),
  );
  const skipped = report.numPendingTests + report.numTodoTests;
  const counted = report.numPassedTests + report.numFailedTests;
  const problems = [
    ...brokenSuites.map((suite) => `suite did not run: ${suite.name}`),
    ...(skipped > 0 ? [`${skipped} skipped or todo tests: a test that cannot fail is not a test`] : []),
    ...(counted < floor
      ? [`jest counted ${counted} tests, below the floor of ${floor} (scripts/test-floor.json)`]
      : []),
    ...(exitCode !== 0 && report.numFailedTests === 0 && brokenSuites.length === 0
      ? [`jest exited with code ${exitCode}`]
      : []),
  ];
  return { passed: report.numPassedTests, failed: report.numFailedTests + problems.length, problems };
}
