import { contractModules, isContract } from './index';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const HEAD = '// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.';

/**
 * The files of shared/contracts/endpoints/ (path → text): one module per contract holding its
 * `{ method, path }` without zod, typed by its contract (a literal method and path, so tsc
 * refuses a line that no longer matches), and an index re-exporting them. One module each,
 * because webpack places whole modules: an endpoint only pkg-market calls then stays in
 * pkg-market instead of joining the main package with the rest. The folder's package.json
 * says the modules have no side effects, so webpack looks through the index to the module
 * each import needs (without it every re-exported module joins the main package). Written by
 * `npm run contracts:endpoints`; tests/unit/endpoints.test.ts fails when they are stale.
 */
export function renderEndpoints(): Record<string, string> {
  const files: Record<string, string> = {};
  const index = [HEAD, '// One module per endpoint (see render-endpoints.ts); the mini-program imports them from here.'];
  for (const [file, mod] of Object.entries(contractModules)) {
    for (const [name, c] of Object.entries(mod as Record<string, unknown>)) {
      if (!isContract(c)) continue;
      files[`${kebab(name)}.ts`] = [
        HEAD,
        "import type { TEndpoint } from '../endpoint';",
        `import type { ${name} as contract } from '../${file}';`,
        '',
        `export const ${name}: TEndpoint<typeof contract> = { method: '${c.method}', path: '${c.path}' };`,
        '',
      ].join('\n');
      index.push(`export { ${name} } from './${kebab(name)}';`);
    }
  }
  files['index.ts'] = index.join('\n') + '\n';
  files['package.json'] = JSON.stringify({ sideEffects: false }, null, 2) + '\n';
  return files;
}
