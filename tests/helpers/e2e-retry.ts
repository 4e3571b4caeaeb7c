/**
 * A browser test that fails runs once more before it counts as failed (decision 023): on a
 * loaded 2-core machine a page can miss a wait by a frame. The first failure is printed, and
 * `npm test` lists every test that needed its second run, so a flaky test is seen, not hidden;
 * a test whose thing is broken fails both runs.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
