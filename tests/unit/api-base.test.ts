import { apiBaseFor, DEV_API_BASE } from '../../miniapp/config/api-base';

/** The API address a build bakes in (miniapp/config/index.ts calls this with TARO_ENV, --watch and TARO_APP_API_BASE). */
const release = { platform: 'weapp', watch: false };
const dev = { platform: 'weapp', watch: true };

describe('the API address of a build', () => {
  it('lets a release weapp build take an https address as given', () => {
    expect(apiBaseFor(release, 'https://api.xiaoyuanjia.example')).toBe('https://api.xiaoyuanjia.example');
    expect(apiBaseFor(release, 'https://api.xiaoyuanjia.example:8443/')).toBe('https://api.xiaoyuanjia.example:8443/');
  });

  it.each([
    ['no address', undefined],
    ['an empty one', ''],
    ['plain http', 'http://api.xiaoyuanjia.example'],
    ['the local default', DEV_API_BASE],
    ['no scheme', 'api.xiaoyuanjia.example'],
    ['a credential in the URL', 'https://user:pw@api.xiaoyuanjia.example'],
  ])('refuses a release weapp build with %s, saying which variable to set', (_, value) => {
    expect(() => apiBaseFor(release, value)).toThrow(/TARO_APP_API_BASE must be the https address.*npm run build:weapp/s);
  });

  it('lets a watch build default to the local server or take any address (a phone on the LAN)', () => {
    expect(apiBaseFor(dev, undefined)).toBe('http://localhost:3000');
    expect(apiBaseFor(dev, '')).toBe('http://localhost:3000');
    expect(apiBaseFor(dev, 'http://192.168.1.20:3000')).toBe('http://192.168.1.20:3000');
  });

  it('keeps the H5 build on its own origin unless told otherwise, release or not', () => {
    expect(apiBaseFor({ platform: 'h5', watch: false }, undefined)).toBe('');
    expect(apiBaseFor({ platform: 'h5', watch: true }, undefined)).toBe('');
    expect(apiBaseFor({ platform: 'h5', watch: false }, 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
