// node --test scripts/jest-tally.test.mjs (npm test runs it as one check).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tallyJest } from './jest-tally.mjs';

function aReport(overrides = {}) {
  return {
    numPassedTests: 10,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    testResults: [{ name: '/repo/a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] }],
    ...overrides,
  };
}

test('when jest wrote no report, then the run counts one failure and passes nothing', () => {
  const tally = tallyJest(undefined, { exitCode: 1, floor: 5 });
  assert.deepEqual([tally.passed, tally.failed], [0, 1]);
});

test('when every test passed above the floor with exit code 0, then nothing failed', () => {
  const tally = tallyJest(aReport(), { exitCode: 0, floor: 10 });
  assert.deepEqual([tally.passed, tally.failed, tally.problems], [10, 0, []]);
});

test('when jest exits non-zero with no failed test, then that exit counts as a failure', () => {
  const tally = tallyJest(aReport(), { exitCode: 1, floor: 10 });
  assert.equal(tally.failed, 1);
  assert.match(tally.problems[0], /exited with code 1/);
});

test('when the run counts fewer tests than the floor, then it fails', () => {
  const tally = tallyJest(aReport({ numPassedTests: 9 }), { exitCode: 0, floor: 10 });
  assert.equal(tally.failed, 1);
  assert.match(tally.problems[0], /below the floor of 10/);
});

test('when a test is skipped, then the run fails', () => {
  const tally = tallyJest(aReport({ numPendingTests: 1 }), { exitCode: 0, floor: 10 });
  assert.equal(tally.failed, 1);
});

test('when a suite failed to run, then it counts once and its failure explains the exit code', () => {
  const broken = { name: '/repo/b.test.ts', status: 'failed', assertionResults: [] };
  const report = aReport({ testResults: [...aReport().testResults, broken] });
  const tally = tallyJest(report, { exitCode: 1, floor: 10 });
  assert.equal(tally.failed, 1);
  assert.match(tally.problems[0], /b\.test\.ts/);
});
