// Real databases, servers and child processes: a loaded machine must not fail a test by the
// clock. (jest reads `testTimeout` only from the top-level config, not from a project's.)
jest.setTimeout(30_000);
