import fs from 'node:fs';
import { pgliteDumpPath } from './test-db-config';

export default async function globalTeardown(): Promise<void> {
  fs.rmSync(pgliteDumpPath(), { force: true });
}
