import fs from 'node:fs';
import path from 'node:path';
import { allContracts } from '../../shared/contracts';
import * as endpoints from '../../shared/contracts/endpoints';
import { renderEndpoints } from '../../shared/contracts/render-endpoints';

/**
 * The mini-program calls the API through shared/contracts/endpoints.ts (method + path, no zod).
 * It is generated; tsc holds each line to its contract's literal method and path, and this
 * test catches a contract added, renamed or removed since the file was written.
 */
describe('the client endpoint table', () => {
  it('is what `npm run contracts:endpoints` writes from the contracts today', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../shared/contracts/endpoints.ts'), 'utf8');
    expect(committed).toBe(renderEndpoints());
  });

  it('has every contract’s method and path, and nothing else', () => {
    const table = Object.values(endpoints).map((e) => `${e.method} ${e.path}`).sort();
    expect(table).toEqual(allContracts.map((c) => `${c.method} ${c.path}`).sort());
  });
});
