import fs from 'node:fs';
import path from 'node:path';

/**
 * WeChat's 隐私授权 in the weapp build (no simulator runs offline, so the output is read):
 * the privacy check is on, the button template forwards WeChat's agree event, and the app
 * registers the listener and offers the open-type button.
 */
const out = path.resolve(__dirname, '../../dist/weapp');
const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');
const allJs = (dir: string): string =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? allJs(path.join(dir, e.name)) : e.name.endsWith('.js') ? fs.readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');

describe('the weapp build asks for WeChat’s 隐私授权', () => {
  it('turns the privacy check on and lists the 用户协议/隐私政策 pages', () => {
    const app = JSON.parse(read('app.json')) as { __usePrivacyCheck__?: boolean; subPackages?: { root: string; pages: string[] }[] };
    expect(app.__usePrivacyCheck__).toBe(true);
    const privacy = (app.subPackages ?? []).find((s) => s.root.replace(/\/$/, '') === 'pkg-privacy');
    expect(privacy?.pages).toEqual(['terms/index', 'policy/index', 'consent/index', 'my-data/index']);
  });

  it('forwards the agree event of an open-type button and registers onNeedPrivacyAuthorization', () => {
    expect(read('base.wxml')).toMatch(/bindagreeprivacyauthorization/i);
    const js = allJs(out);
    expect(js).toContain('agreePrivacyAuthorization');
    expect(js).toContain('onNeedPrivacyAuthorization');
    expect(js).toContain('requirePrivacyAuthorize');
  });
});
