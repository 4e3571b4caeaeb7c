import { contractModules, isContract } from './index';

const camel = (file: string) => file.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * The text of endpoints.ts: one zod-free `{ method, path }` per contract, typed by its contract
 * (a literal method and path, so tsc refuses a line that no longer matches). Written by
 * `npm run contracts:endpoints`; tests/unit/endpoints.test.ts fails when the file is stale.
 */
export function renderEndpoints(): string {
  const imports: string[] = [];
  const lines: string[] = [];
  for (const [file, mod] of Object.entries(contractModules)) {
    const ns = `${camel(file)}Contracts`;
    const names = Object.keys(mod).filter((k) => isContract((mod as Record<string, unknown>)[k]));
    if (!names.length) continue;
    imports.push(`import type * as ${ns} from './${file}';`);
    lines.push('', `// ${file}.ts`);
    for (const name of names) {
      const c = (mod as Record<string, { method: string; path: string }>)[name];
      lines.push(`export const ${name}: TEndpoint<typeof ${ns}.${name}> = { method: '${c.method}', path: '${c.path}' };`);
    }
  }
  return [
    '// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.',
    '// Each contract’s method and path without its zod schemas, for the mini-program (endpoint.ts).',
    "import type { TEndpoint } from './endpoint';",
    ...imports,
    ...lines,
    '',
  ].join('\n');
}
