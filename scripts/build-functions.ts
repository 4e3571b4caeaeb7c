/**
 * npm run build:functions — production JavaScript for the API (decision 021), with esbuild:
 *   dist/functions/api.<route>.js   each functions/api route bundled on its own (what one function
 *                                   ships; bench/start.ts reports the sizes)
 *   dist/functions/server.js        the single-server host with every route, each route's code
 *                                   run on its first request; start it with `node dist/functions/server.js`
 *   dist/functions/migrations/      the committed SQL, which the database client finds beside the bundles
 * All in one folder, because db/client.ts finds the migrations from its own folder (`__dirname`).
 * PGlite (WASM, data files) stays in node_modules; production uses the server (DATABASE_URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { listRouteFiles } from '../functions/_lib/routes';

const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_OUT = path.join(ROOT, 'dist/functions');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // pg's optional native binding and the embedded database's WASM are loaded from node_modules
  external: ['pg-native', '@electric-sql/pglite', '@electric-sql/pglite/*'],
  // pg asks at load whether it runs on Cloudflare: with no `navigator` (Node 20; Node 21 has
  // one) it builds a fetch `Response` to find out, loading all of undici — 30 ms of every
  // start. Node 21's answer, fixed at build time in the bundled code only (zod asks too)
  define: { navigator: JSON.stringify({ userAgent: 'Node.js' }) },
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/** `api/courtyards/[courtyardId]/invites.ts` → `api.courtyards.[courtyardId].invites` */
export const bundleName = (file: string) => 'api.' + file.replace(/\.ts$/, '').split('/').join('.');

/** `hostOnly`: skip the per-route bundles (a quick rebuild of server.js). */
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

  // the host: every route behind a lazy require, so a start evaluates none of them; names kept
  // (whitespace and syntax minified only) so a logged stack still reads. exceljs (1.2 MB, only
  // the spreadsheet routes) is required from node_modules when first used: the start parses
  // every byte of server.js, and it was 40% of them
  const table = routes.map((r) => `  { file: ${JSON.stringify(r.file)}, load: () => require(${JSON.stringify(`./functions/api/${r.file}`)}) },`).join('\n');
  await build({
    ...common,
    stdin: {
      contents: `import { routeTable } from './functions/_lib/routes';\nimport { serveMain } from './functions/_lib/serve';\n\nserveMain({ routes: routeTable([\n${table}\n]) });\n`,
      resolveDir: ROOT,
      sourcefile: 'server-entry.ts',
      loader: 'ts',
    },
    outfile: path.join(FUNCTIONS_OUT, 'server.js'),
    external: [...(common.external ?? []), 'exceljs'],
    // `import()` of the externals (PGlite) as `require` (PGlite ships CommonJS too): Node 20 loses
    // a script's dynamic-import hook in functions that come from V8's code cache, so a cached
    // start.js could not open the embedded database
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
  });
  // the launcher that runs server.js with V8's code cache (functions/_lib/start-built.ts)
  await build({ ...common, entryPoints: [path.join(ROOT, 'functions/_lib/start-built.ts')], outfile: path.join(FUNCTIONS_OUT, 'start.js'), sourcemap: false });
  fs.rmSync(path.join(FUNCTIONS_OUT, 'server.js.cache'), { force: true });
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
