import fs from 'node:fs';
import { openDb, type DbHandle } from '../../db/client';
import { setDb } from '../../functions/_lib/db';
import { parseEnv, setEnv, type TEnv } from '../../functions/runtime/env';
import { pgliteDumpPath, testDbKind } from './test-db-config';

/** The environment tests run the app with; override per file as needed. */
export function testEnv(overrides: Record<string, string> = {}): TEnv {
  return parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ALLOW_DEV_LOGIN: '1',
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'test-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    WECHAT_TIMEOUT_MS: '1500',
    DISPATCH_KICK: '0',
    // every test signs in from 127.0.0.1 (on the server all test files share its counter), and
    // tests write far faster than a person; tests/api/limits.test.ts sets the real limits
    SIGNIN_LIMIT_PER_MINUTE: '100000',
    WRITE_LIMIT_PER_MINUTE: '100000',
    ...overrides,
  });
}

/**
 * Opens this test file's database: a private copy of the migrated, seeded PGlite image, or
 * the shared server database (tests there create their own organisation trees).
 */
export async function openTestDb(): Promise<DbHandle> {
  if (testDbKind() === 'server')
    return openDb({ url: process.env.DATABASE_URL, poolSize: 20, pooler: process.env.DB_POOLER === 'transaction' ? 'transaction' : 'none' });
  const image = fs.readFileSync(pgliteDumpPath());
  return openDb({ dataDir: 'memory://', loadDataDir: new Blob([image]) });
}

/** beforeAll/afterAll wiring: the app (route handlers, services) uses this database and env. */
export function useTestDb(envOverrides: Record<string, string> = {}): { handle: () => DbHandle } {
  let h: DbHandle | undefined;
  beforeAll(async () => {
    h = await openTestDb();
    setDb(h);
    setEnv(testEnv(envOverrides));
  });
  afterAll(async () => {
    setDb(undefined);
    setEnv(undefined);
    await h?.close();
  });
  return {
    handle: () => {
      if (!h) throw new Error('test database not open yet (use inside tests/hooks)');
      return h;
    },
  };
}
