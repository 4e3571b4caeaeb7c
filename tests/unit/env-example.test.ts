import fs from 'node:fs';
import path from 'node:path';
import { ENV_KEYS } from '../../functions/runtime/env';

describe('.env.example', () => {
  it('documents every key the server reads, and nothing else', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '../../.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual([...ENV_KEYS].sort());
  });
});
