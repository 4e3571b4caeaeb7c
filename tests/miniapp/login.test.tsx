import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import LoginPage from '../../miniapp/src/pages/login/index';
import Taro, { fakeApi, fakeTaro } from './mocks/taro';
import { UUID } from './fixtures';
import { LEGAL_VERSION } from '../../shared/domain/privacy';

const head = { id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', name: '王院长', role: 'courtyard_head', roleLabel: '院长', scopeName: '桂花院' };
const cadre = { id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: '李干部', role: 'village_cadre', roleLabel: '村干部', scopeName: '石坝村' };

describe('the login page', () => {
  beforeEach(() => fakeTaro.setRoute('/pages/login/index'));

  test('lists the demo people under their roles and signs in as the one tapped', async () => {
    fakeApi
      .on('GET', '/api/auth/dev-people', { people: [head, cadre] })
      .on('POST', '/api/auth/dev-login', () => ({ body: { token: 'tok-head', expiresAt: '2030-01-01T00:00:00Z', person: { id: head.id, name: head.name } } }));
    render(<LoginPage />);

    const headButton = await screen.findByTestId(`dev-person-${head.id}`);
    expect(headButton.textContent).toBe('王院长（桂花院）');
    expect(screen.getByTestId(`dev-person-${cadre.id}`).textContent).toBe('李干部（石坝村）');
    expect(screen.getByText('院长')).toBeTruthy();
    expect(screen.getByText('村干部')).toBeTruthy();
    // no WeChat in a plain browser: only the demo sign-in is offered
    expect(screen.queryByTestId('login-wechat')).toBeNull();

    fireEvent.click(screen.getByTestId('login-consent-box'));
    fireEvent.click(headButton);

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    const [login] = fakeApi.calls('POST', '/api/auth/dev-login');
    expect(login.body).toEqual({ personId: head.id, consentVersion: LEGAL_VERSION });
    expect(login.headers['Idempotency-Key']).toMatch(UUID);
    expect(fakeTaro.storage.get('xyj.token')).toBe('tok-head');
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '欢迎，王院长' }));
  });

  test('returns to the page that asked for a session after signing in', async () => {
    fakeTaro.setRoute('/pages/login/index', { redirect: encodeURIComponent('/pkg-courtyard/join/index?code=ABCD234567') });
    fakeApi
      .on('GET', '/api/auth/dev-people', { people: [head] })
      .on('POST', '/api/auth/dev-login', { token: 'tok', expiresAt: '2030-01-01T00:00:00Z', person: { id: head.id, name: head.name } });
    render(<LoginPage />);

    fireEvent.click(screen.getByTestId('login-consent-box'));
    fireEvent.click(await screen.findByTestId(`dev-person-${head.id}`));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pkg-courtyard/join/index?code=ABCD234567' }));
  });

  test('refuses to sign in until 用户协议 and 隐私政策 are ticked, and says why', async () => {
    fakeApi.on('GET', '/api/auth/dev-people', { people: [head] });
    render(<LoginPage />);

    expect(screen.getByTestId('login-consent').getAttribute('data-checked')).toBe('false');
    fireEvent.click(await screen.findByTestId(`dev-person-${head.id}`));
    const refused = await screen.findByTestId('login-consent-error');
    expect(refused.getAttribute('data-code')).toBe('CONSENT_REQUIRED');
    expect(refused.textContent).toContain('《用户协议》和《隐私政策》');
    expect(fakeApi.calls('POST', '/api/auth/dev-login')).toEqual([]);

    fireEvent.click(screen.getByTestId('login-consent-terms'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-privacy/terms/index' });
    expect(screen.getByTestId('login-consent').getAttribute('data-checked')).toBe('false');
  });

  test('says the demo sign-in is switched off when the server refuses it', async () => {
    fakeApi.on('GET', '/api/auth/dev-people', fakeApi.error('DEV_LOGIN_DISABLED', 404, '演示登录未开启'));
    render(<LoginPage />);

    const error = await screen.findByTestId('dev-login-error');
    expect(error.getAttribute('data-code')).toBe('DEV_LOGIN_DISABLED');
    expect(error.textContent).toContain('演示登录未开启');
    expect(screen.queryByTestId('dev-new-person')).toBeNull();
  });
});
