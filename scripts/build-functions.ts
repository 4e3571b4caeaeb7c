/**
 * npm run build:functions — production JavaScript for the API (decision 021), with esbuild:
 *   dist/functions/api.<route>.js   each functions/api route bundled on its own (what one function
 *                                   ships; bench/start.ts reports the sizes)
 *   dist/functions/host/server.mjs  the single-server host with every route, an ES module split in
 *                                   chunks: a route's chunk is imported on its first request; start
 *                                   it with `node dist/functions/host/server.mjs` (npm run serve:built)
 *   dist/functions/migrations/      the committed SQL, which the database client finds beside the bundles
 *                                   (and a copy in host/, beside the host's chunks)
 * db/client.ts finds the migrations from its own folder (`__dirname`), hence the two copies.
 * PGlite (WASM, data files) stays in node_modules; production uses the server (DATABASE_URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { listRouteFiles } from '../functions/_lib/routes';

const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_OUT = path.join(ROOT, 'dist/functions');
/** the single-server host: server.mjs and its chunks */
export const HOST_OUT = path.join(FUNCTIONS_OUT, 'host');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // pg's optional native binding and the embedded database's WASM are loaded from node_modules
  external: ['pg-native', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** `api/courtyards/[courtyardId]/invites.ts` → `api.courtyards.[courtyardId].invites` */
export const bundleName = (file: string) => 'api.' + file.replace(/\.ts$/, '').split('/').join('.');

/** `hostOnly`: skip the per-route bundles (a quick rebuild of the host). */
export async function buildFunctions(opts: { hostOnly?: boolean } = {}): Promise<{ ms: number; files: string[] }> {
  const t0 = Date.now();
  const routes = listRouteFiles();
  if (!opts.hostOnly) fs.rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  fs.mkdirSync(FUNCTIONS_OUT, { recursive: true });
  fs.cpSync(path.join(ROOT, 'db/migrations'), path.join(FUNCTIONS_OUT, 'migrations'), { recursive: true });

  // one function per route, fully minified: the size a function ships
  if (!opts.hostOnly)
    await build({
      ...common,
      entryPoints: Object.fromEntries(routes.map((r) => [bundleName(r.file), path.join(ROOT, 'functions/api', r.file)])),
      outdir: FUNCTIONS_OUT,
      minify: true,
    });

  // the host: an ES module split into chunks, each route behind an `import()`, so a start reads and
  // compiles only the host's own code (the host, the database client, the dispatcher); a route's
  // code, and whatever only it needs, is read on its first request. Names kept (whitespace and
  // syntax minified only) so a logged stack still reads. exceljs (1.2 MB, only the spreadsheet
  // routes) is imported from node_modules by the chunk that needs it
  const table = routes.map((r) => `  { file: ${JSON.stringify(r.file)}, load: () => import(${JSON.stringify(`./functions/api/${r.file}`)}) },`).join('\n');
  fs.rmSync(HOST_OUT, { recursive: true, force: true });
  await build({
    ...common,
    format: 'esm',
    splitting: true,
    stdin: {
      contents: `import { routeTable } from './functions/_lib/routes';\nimport { serveMain } from './functions/_lib/serve';\n\nserveMain({ routes: routeTable([\n${table}\n]) });\n`,
      resolveDir: ROOT,
      sourcefile: 'server-entry.ts',
      loader: 'ts',
    },
    outdir: HOST_OUT,
    entryNames: 'server',
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    // the bundled CommonJS (pg, drizzle's helpers) calls require, and db/client.ts finds the
    // migrations from __dirname: give every chunk both, as node gives a CommonJS file
    banner: {
      js: "import { createRequire as __xyjRequire } from 'node:module'; import { fileURLToPath as __xyjPath } from 'node:url'; import { dirname as __xyjDir } from 'node:path'; const require = __xyjRequire(import.meta.url); const __filename = __xyjPath(import.meta.url); const __dirname = __xyjDir(__filename);",
    },
    external: [...(common.external ?? []), 'exceljs'],
    minifyWhitespace: true,
    minifySyntax: true,
  });
  fs.cpSync(path.join(ROOT, 'db/migrations'), path.join(HOST_OUT, 'migrations'), { recursive: true });
  return { ms: Date.now() - t0, files: fs.readdirSync(FUNCTIONS_OUT) };
}

if (require.main === module) {
  buildFunctions({ hostOnly: process.argv.includes('--host-only') }).then(
    ({ ms, files }) => console.log(`built ${files.filter((f) => f.endsWith('.js')).length} bundles in dist/functions (${ms} ms)`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
