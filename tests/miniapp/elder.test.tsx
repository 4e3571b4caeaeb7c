import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '../../miniapp/src/pages/index/index';
import MePage from '../../miniapp/src/pages/me/index';
import { elderModeOn, setElderMode } from '../../miniapp/src/lib/elder-mode';
import { appendSpoken } from '../../miniapp/src/pkg-request/components/voice-button';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants } from './fixtures';

/** WeChat's text-size answer, as getAppBaseInfo gives it in the mini-program. */
function wechatTextScale(factor: number | null) {
  const t = Taro as unknown as { getAppBaseInfo?: () => object };
  if (factor === null) delete t.getAppBaseInfo;
  else t.getAppBaseInfo = () => ({ fontSizeScaleFactor: factor, fontSizeSetting: 17 * factor });
}

const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  wechatTextScale(null);
});

describe('长辈模式 on or off', () => {
  test('follows WeChat’s text size (关怀模式 on, one step larger off) until the person chooses in 我的', () => {
    process.env.TARO_ENV = 'weapp';
    wechatTextScale(1.4); // 关怀模式: 23.8 px
    expect(elderModeOn()).toBe(true);
    wechatTextScale(1.06); // one step above standard
    expect(elderModeOn()).toBe(false);
    setElderMode(true);
    expect(elderModeOn()).toBe(true);
    wechatTextScale(1.4);
    setElderMode(false);
    expect(elderModeOn()).toBe(false); // the person's choice wins
  });

  test('a browser exposes no text size: off until switched on', () => {
    process.env.TARO_ENV = 'h5';
    wechatTextScale(1.4);
    expect(elderModeOn()).toBe(false);
  });
});

test('spoken words go after the typed text, never over it, within the box’s limit', () => {
  expect(appendSpoken('院坝里', '门口的路灯坏了', 100)).toBe('院坝里门口的路灯坏了');
  expect(appendSpoken('院坝里', '   ', 100)).toBe('院坝里');
  expect(appendSpoken('', '路灯坏了', 100)).toBe('路灯坏了');
  expect(appendSpoken('12345', '6789', 7)).toBe('1234567');
});

describe('首页 in 长辈模式', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pages/index/index');
    fakeApi
      .on('GET', '/api/inbox/unread-count', { unread: 2 })
      .on('GET', '/api/requests/queue', { items: [] })
      .on('GET', '/api/join-requests/mine', { items: [] })
      .on('GET', /^\/api\/courtyards\/.*\/join-requests$/, { items: [] })
      .on('GET', '/api/sos/active', { items: [] })
      .on('GET', '/api/sos/mine', { available: false, enabledByMe: false, call: null });
  });

  test('a villager switched to 长辈模式 in 我的 gets the three big actions on 首页', async () => {
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
    const me = render(<MePage />);
    const sw = await screen.findByTestId('me-elder-switch');
    expect(sw.getAttribute('data-checked')).toBe('false');
    fireEvent.click(sw);
    expect(sw.getAttribute('data-checked')).toBe('true');
    me.unmount();

    render(<HomePage />);
    const home = await screen.findByTestId('elder-home');
    expect(home.className).toContain('elder');
    expect(screen.getByTestId('elder-bin').textContent).toContain('垃圾桶满了');
    fireEvent.click(screen.getByTestId('elder-ask'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-request/new/index' });
    // 一键呼叫 not turned on: its tile opens 我的, where the switch is
    fireEvent.click(await screen.findByTestId('elder-sos-setup'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(screen.queryByTestId('home-ask-head')).toBeNull();
  });

  test('a courtyard head keeps the usual 首页, larger', async () => {
    fakeApi.on('GET', '/api/me', aMe([grants.villager, grants.head]));
    act(() => setElderMode(true));
    render(<HomePage />);
    const home = await screen.findByTestId('home');
    await waitFor(() => expect(home.getAttribute('data-home')).toBe('head')); // the head's own 工作台
    expect(screen.queryByTestId('elder-home')).toBeNull();
    expect(home.className).toContain('elder');
  });
});
