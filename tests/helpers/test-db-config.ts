import os from 'node:os';
import path from 'node:path';

/** Which database the db project runs on: TEST_DB=server uses DATABASE_URL, else PGlite. */
export function testDbKind(): 'pglite' | 'server' {
  if (process.env.TEST_DB === 'server') {
    if (!process.env.DATABASE_URL) throw new Error('TEST_DB=server needs DATABASE_URL');
    return 'server';
  }
  return 'pglite';
}

/** The migrated + seeded PGlite image built once per run in globalSetup. */
export function pgliteDumpPath(): string {
  return path.join(os.tmpdir(), `xyj-test-pglite-${process.env.JEST_RUN_ID}.tar`);
}
