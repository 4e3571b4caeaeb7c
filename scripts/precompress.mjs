// Run by `npm run build:h5` after Taro: writes file.br and file.gz beside each compressible
// asset of the H5 build, once at the highest levels (too slow per request, free at build time).
// The host serves them by Accept-Encoding (functions/_lib/static.ts); a variant that would not
// save a tenth is not written.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist/h5');
const COMPRESSIBLE = /\.(js|css|html|json|svg|ico|ttf)$/;

function* files(dir) {
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, ent.name);
    if (ent.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.test(ent.name)) yield p;
  }
}

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`precompress: no H5 build in ${root}`);
  process.exit(1);
}
const started = Date.now();
let before = 0;
let after = 0;
let count = 0;
for (const file of files(root)) {
  const raw = fs.readFileSync(file);
  const variants = {
    '.br': zlib.brotliCompressSync(raw, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
    '.gz': zlib.gzipSync(raw, { level: 9 }),
  };
  for (const [ext, out] of Object.entries(variants)) {
    if (out.length <= raw.length * 0.9) fs.writeFileSync(file + ext, out);
    else fs.rmSync(file + ext, { force: true });
  }
  before += raw.length;
  after += Math.min(raw.length, variants['.br'].length);
  count++;
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`precompress: ${count} files, ${kb(before)} → ${kb(after)} brotli, ${((Date.now() - started) / 1000).toFixed(1)} s`);
