import fs from 'node:fs';
import path from 'node:path';

/**
 * The H5 build emits code shared between pages once (splitChunks in miniapp/config/index.ts,
 * decision 002). Taro's default copied its H5 component library, pulled in by `Image`, into
 * every page chunk that used it (45 of 50 chunks). Figures: bench/h5-size.ts.
 */
const H5 = path.resolve(__dirname, '../../dist/h5');

describe('the H5 build', () => {
  it('defines Taro’s H5 image component in one chunk, not once per page', () => {
    if (!fs.existsSync(path.join(H5, 'index.html'))) throw new Error('dist/h5 missing: run npm run build:h5 first');
    const js = fs.readdirSync(path.join(H5, 'js')).filter((f) => f.endsWith('.js'));
    const withImage = js.filter((f) => fs.readFileSync(path.join(H5, 'js', f), 'utf8').includes('taro-image-core'));
    expect(withImage).toHaveLength(1);
  }, 30_000);
});
