import fs from 'node:fs';
import path from 'node:path';

/** The weapp build the package checks read: `TARO_APP_API_BASE=https://… npm run build:weapp`. */
export const weappOut = path.resolve(__dirname, '../../dist/weapp');

export type TWeappApp = {
  subPackages: { root: string; pages: string[]; plugins?: Record<string, { version: string; provider: string }> }[];
  plugins?: Record<string, unknown>;
  preloadRule: Record<string, { packages: string[] }>;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
};

/** The build's app.json. */
export function readWeappApp(): TWeappApp {
  return JSON.parse(fs.readFileSync(path.join(weappOut, 'app.json'), 'utf8')) as TWeappApp;
}

/** Every file below `dir`, without the folders or files `skip` names. */
export function filesUnder(dir: string, skip: (p: string) => boolean = () => false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (skip(p)) return [];
    return e.isDirectory() ? filesUnder(p, skip) : [p];
  });
}

export const sizeOf = (files: string[]) => files.reduce((n, f) => n + fs.statSync(f).size, 0);

const jsOf = (files: string[]) =>
  files
    .filter((f) => f.endsWith('.js'))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

/** All the JavaScript of the main package (what every scan of a QR code downloads first). */
export function mainPackageJs(app: TWeappApp): string {
  const roots = app.subPackages.map((s) => path.join(weappOut, s.root));
  return jsOf(filesUnder(weappOut, (p) => roots.includes(p)));
}

/** All the JavaScript of one subpackage. */
export function subpackageJs(root: string): string {
  return jsOf(filesUnder(path.join(weappOut, root)));
}
