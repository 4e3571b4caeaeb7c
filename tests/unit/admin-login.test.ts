import { ADMIN_LOGIN_COLLECT_MS, adminLoginState, adminLoginTicketFrom, adminLoginUrl, deviceLabel } from '../../shared/domain/admin-login';

describe('登录设备 labels from a User-Agent', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36', 'Chrome · Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0', 'Edge · Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15', 'Safari · macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47 miniProgram', '微信 · iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; WOW64; rv:115.0) Gecko/20100101 Firefox/115.0', 'Firefox · Windows'],
    ['', '未知设备'],
  ])('%s → %s', (ua, label) => expect(deviceLabel(ua)).toBe(label));
});

describe('reading an admin-login QR', () => {
  const id = 'ABCDEFGHJKMNPQRSTUVW';
  it('takes the mini-program code’s path, the plain QR’s URL and the bare scene, however often encoded', () => {
    expect(adminLoginTicketFrom(`pkg-account/admin-login/index?scene=a%3D${id}`)).toBe(id);
    expect(adminLoginTicketFrom(adminLoginUrl('https://x.example/', id))).toBe(id);
    expect(adminLoginTicketFrom(`a=${id}`)).toBe(id);
    expect(adminLoginTicketFrom(encodeURIComponent(encodeURIComponent(`a=${id}`)))).toBe(id);
  });
  it('leaves bin codes, short ids and letters outside the scene alphabet alone', () => {
    expect(adminLoginTicketFrom('b=ABCDEFGHJKMN')).toBeNull();
    expect(adminLoginTicketFrom('a=ABC')).toBeNull();
    expect(adminLoginTicketFrom(`a=${id.slice(1)}O`)).toBeNull();
  });
});

describe('a ticket’s state at a moment', () => {
  const expiresAt = new Date('2026-01-01T00:02:00Z');
  it('reads a waiting ticket past its expiry as expired, and a confirmation not collected within a minute too', () => {
    expect(adminLoginState({ state: 'scanned', expiresAt, confirmedAt: null }, new Date('2026-01-01T00:01:59Z'))).toBe('scanned');
    expect(adminLoginState({ state: 'scanned', expiresAt, confirmedAt: null }, expiresAt)).toBe('expired');
    const confirmedAt = new Date('2026-01-01T00:01:50Z');
    expect(adminLoginState({ state: 'confirmed', expiresAt, confirmedAt }, new Date(confirmedAt.getTime() + ADMIN_LOGIN_COLLECT_MS - 1))).toBe('confirmed');
    expect(adminLoginState({ state: 'confirmed', expiresAt, confirmedAt }, new Date(confirmedAt.getTime() + ADMIN_LOGIN_COLLECT_MS))).toBe('expired');
    expect(adminLoginState({ state: 'consumed', expiresAt, confirmedAt }, new Date('2027-01-01'))).toBe('consumed');
  });
});
