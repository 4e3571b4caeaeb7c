import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NotificationsAdminPage from '../../miniapp/src/pkg-admin/notifications/index';
import type { TStaffReach } from '../../shared/contracts/notifications';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS } from './fixtures';

const reachUrl = `/api/villages/${IDS.village}/reachability`;
const listUrl = `/api/villages/${IDS.village}/notifications`;

let n = 0;
function person(
  name: string,
  reach: TStaffReach['reach'],
  channels: Partial<TStaffReach['channels']> = {},
  roles: TStaffReach['roles'] = ['cleaner'],
): TStaffReach {
  n++;
  return {
    personId: `44444444-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name,
    roles,
    channels: { miniProgram: true, longTerm: [], credits: {}, oa: 'unlinked', phone: null, ...channels },
    reach,
  };
}

/** As the server answers: unreachable people first. */
const staff = () => [
  person('刘保洁', 'inbox_only', { miniProgram: false }),
  person('周保洁', 'inbox_only', { oa: 'stale' }),
  person('吴院长', 'sms', { oa: 'not_following', phone: '139****5678' }, ['courtyard_head']),
  person('郑保洁', 'credits', { credits: { bin_task: 2, sos: 1 }, phone: '138****0000' }),
  person('王书记', 'push', { longTerm: ['bin_task'], oa: 'following', phone: '137****1111' }, ['village_cadre', 'courtyard_head']),
];
const counts = { inbox_only: 2, sms: 1, credits: 1, push: 1 };

describe('工作人员能否收到通知 on the failed-notifications page', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-admin/notifications/index');
    fakeApi.on('GET', '/api/me', aMe([grants.cadre])).on('GET', listUrl, { items: [] });
  });

  test('highlights the people nothing reaches at the top, with what to ask of them', async () => {
    fakeApi.on('GET', reachUrl, { items: staff(), counts, channelsOn: { oa: true, sms: true } });
    render(<NotificationsAdminPage />);

    const alert = await screen.findByTestId('reach-unreachable');
    expect(screen.getByTestId('reach-section').textContent).toContain('工作人员能否收到通知');
    expect(alert.getAttribute('data-count')).toBe('2');
    expect(alert.textContent).toContain('2 人收不到通知');
    const [liu, zhou] = within(alert).getAllByTestId('reach-item');
    expect(liu.getAttribute('data-name')).toBe('刘保洁');
    expect(liu.getAttribute('data-reach')).toBe('inbox_only');
    expect(liu.textContent).toContain('保洁员');
    expect(liu.textContent).toContain('收不到，只有站内消息');
    expect(liu.textContent).toContain('没用微信登录小程序');
    expect(liu.textContent).toContain('未关注公众号');
    expect(liu.textContent).toContain('没有能收短信的手机号');
    expect(within(liu).getByTestId('reach-todo').textContent).toBe('可以：请其关注公众号；用微信登录小程序，并点「允许」订阅提醒；登记一个能收短信的手机号');
    expect(zhou.textContent).toContain('公众号消息发不到');
    expect(within(zhou).getByTestId('reach-todo').textContent).toContain('请其重新关注公众号；在小程序里点「允许」订阅提醒');

    // the others below, in the server's order, each in plain words
    const others = within(screen.getByTestId('reach-others')).getAllByTestId('reach-item');
    expect(others.map((e) => e.getAttribute('data-name'))).toEqual(['吴院长', '郑保洁', '王书记']);
    expect(others[0].textContent).toContain('只能收短信');
    expect(others[0].textContent).toContain('短信 139****5678');
    expect(others[0].textContent).toContain('公众号已取消关注');
    expect(others[1].textContent).toContain('只剩3次提醒');
    expect(others[1].textContent).toContain('一次性订阅 清运任务 剩2次');
    expect(others[1].textContent).toContain('一次性订阅 一键呼叫 剩1次');
    expect(within(others[1]).getByTestId('reach-todo').textContent).toMatch(/^提醒次数用完就收不到了。可以：请其关注公众号/);
    expect(others[2].textContent).toContain('村干部、院长');
    expect(others[2].textContent).toContain('能及时收到');
    expect(others[2].textContent).toContain('长期订阅 清运任务');
    expect(others[2].textContent).toContain('公众号已关注');
    expect(within(others[2]).queryByTestId('reach-todo')).toBeNull();
    const ok = within(others[2])
      .getAllByTestId('reach-chip')
      .map((c) => c.getAttribute('data-ok'));
    expect(ok).toEqual(['true', 'true', 'true']);

    expect(screen.getByTestId('reach-summary').textContent).toBe('共 5 人 · 2 人收不到 · 1 人只能收短信 · 1 人只剩几次提醒 · 1 人能及时收到');
  });

  test('leaves out the 公众号 and SMS where this deployment does not run them', async () => {
    fakeApi.on('GET', reachUrl, {
      items: [person('刘保洁', 'inbox_only', { miniProgram: false, phone: '139****5678' })],
      counts: { inbox_only: 1, sms: 0, credits: 0, push: 0 },
      channelsOn: { oa: false, sms: false },
    });
    render(<NotificationsAdminPage />);

    const item = await screen.findByTestId('reach-item');
    expect(item.textContent).not.toContain('公众号');
    expect(item.textContent).not.toContain('短信');
    expect(within(item).getByTestId('reach-todo').textContent).toBe('可以：用微信登录小程序，并点「允许」订阅提醒');
  });

  test('says so when the village has no staff, and shows a refusal as an error', async () => {
    fakeApi.on('GET', reachUrl, { items: [], counts: { inbox_only: 0, sms: 0, credits: 0, push: 0 }, channelsOn: { oa: true, sms: true } });
    const { unmount } = render(<NotificationsAdminPage />);
    expect((await screen.findByTestId('reach-empty')).textContent).toBe('本村还没有工作人员');
    expect(screen.queryByTestId('reach-unreachable')).toBeNull();
    unmount();

    fakeApi.on('GET', reachUrl, fakeApi.error('FORBIDDEN', 403, '没有权限'));
    render(<NotificationsAdminPage />);
    const error = await screen.findByTestId('reach-error');
    expect(error.getAttribute('data-code')).toBe('FORBIDDEN');
  });

  test('loads again with the list on 刷新, not twice on opening', async () => {
    fakeApi.on('GET', reachUrl, { items: staff(), counts, channelsOn: { oa: true, sms: true } });
    render(<NotificationsAdminPage />);
    await screen.findByTestId('reach-unreachable');
    expect(fakeApi.calls('GET', reachUrl)).toHaveLength(1);

    fireEvent.click(screen.getByTestId('notifications-refresh'));
    await waitFor(() => expect(fakeApi.calls('GET', reachUrl)).toHaveLength(2));
    expect(fakeApi.unhandled).toEqual([]);
  });
});
