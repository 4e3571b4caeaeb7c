import fs from 'node:fs';
import path from 'node:path';

/**
 * Rules the mini-program's source keeps in one place (STYLE.md, "One rule, one place"), read
 * as text: a rule broken anywhere under miniapp/src fails here with the file and line.
 */
const src = path.resolve(__dirname, '../../miniapp/src');

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

/** `file:line  text` of every line matching `pattern`. */
function offenders(files: string[], pattern: RegExp): string[] {
  return files.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${path.relative(src, f)}:${i + 1}  ${line.trim()}`] : [])),
  );
}

describe('miniapp/src', () => {
  it('writes no API URL by hand: every call goes through call(endpoint, input) with the contract’s path', () => {
    // a string or template literal that starts with /api ('/api/…', `/api/${…}`)
    expect(offenders(filesUnder(src, /\.(ts|tsx)$/), /['"`]\/api(\/|['"`?])/)).toEqual([]);
  });

  describe('styles: colours, text sizes and radii come from styles/tokens.scss', () => {
    const tokens = path.join(src, 'styles/tokens.scss');
    const scss = filesUnder(src, /\.scss$/).filter((f) => f !== tokens);

    it('finds the style sheets and the tokens file', () => {
      expect(scss.length).toBeGreaterThan(20);
      expect(fs.readFileSync(tokens, 'utf8')).toContain('$color-brand: #1a7a43;');
    });

    it('app.config.ts (no SCSS there) repeats $color-brand for the title bar and the chosen tab', () => {
      const brand = fs.readFileSync(tokens, 'utf8').match(/\$color-brand: (#[0-9a-f]{6});/)![1];
      const config = fs.readFileSync(path.join(src, 'app.config.ts'), 'utf8');
      expect(config.match(/navigationBarBackgroundColor: '([^']+)'/)![1]).toBe(brand);
      expect(config.match(/selectedColor: '([^']+)'/)![1]).toBe(brand);
    });

    it('writes no colour by hand (hex, rgb(), hsl(); rgba($token, a) is fine)', () => {
      expect(offenders(scss, /#[0-9a-fA-F]{3,8}\b|\b(rgba?|hsla?)\(\s*\d/)).toEqual([]);
    });

    it('writes no text size or corner radius by hand', () => {
      expect(offenders(scss, /(font-size|radius)[\w-]*\s*:[^;]*\d(px|PX|rpx|rem|em)\b/)).toEqual([]);
    });
  });
});
