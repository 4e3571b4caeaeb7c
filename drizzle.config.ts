import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from db/schema; migrations are committed and never edited after landing.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
