import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm ci` (CI's install) accepts the committed lock only with an inert placeholder for each
 * optional dependency the registry cannot supply (npm/cli#9846); scripts/lock-placeholders.mjs,
 * the root postinstall, puts them back after every `npm install`.
 */
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/lock-placeholders.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('package-lock.json', () => {
  it('has a placeholder for every optional dependency it cannot resolve', () => {
    const r = run('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('gets back, byte for byte, the placeholders that npm install drops', () => {
    const committed = fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8');
    const lock = JSON.parse(committed);
    const placeholders = Object.keys(lock.packages).filter((k) => k && !lock.packages[k].version && !lock.packages[k].link);
    expect(placeholders).toContain('node_modules/@tarojs/binding/node_modules/@tarojs/binding-darwin-arm64');
    for (const k of placeholders) delete lock.packages[k];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xyj-lock-')), 'package-lock.json');
    fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
    const check = run('--check', file);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('@jmfe/npm-usage-stats-tool');
    expect(run(file).status).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(committed);
  });
});
