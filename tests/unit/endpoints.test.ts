import fs from 'node:fs';
import path from 'node:path';
import { allContracts } from '../../shared/contracts';
import * as endpoints from '../../shared/contracts/endpoints';
import { renderEndpoints } from '../../shared/contracts/render-endpoints';

/**
 * The mini-program calls the API through shared/contracts/endpoints/ (method + path, no zod).
 * It is generated; tsc holds each file to its contract's literal method and path, and this
 * test catches a contract added, renamed or removed since the files were written.
 */
describe('the client endpoint table', () => {
  const dir = path.resolve(__dirname, '../../shared/contracts/endpoints');

  it('is what `npm run contracts:endpoints` writes from the contracts today, file for file', () => {
    const expected = renderEndpoints();
    expect(fs.readdirSync(dir).sort()).toEqual(Object.keys(expected).sort());
    for (const [f, text] of Object.entries(expected)) expect([f, fs.readFileSync(path.join(dir, f), 'utf8')]).toEqual([f, text]);
  });

  it('has every contract’s method and path, and nothing else', () => {
    const table = Object.values(endpoints)
      .map((e) => `${e.method} ${e.path}`)
      .sort();
    expect(table).toEqual(allContracts.map((c) => `${c.method} ${c.path}`).sort());
  });
});
