import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NotificationsAdminPage from '../../miniapp/src/pkg-admin/notifications/index';
import { failureSummary } from '../../miniapp/src/lib/templates';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS, UUID } from './fixtures';

const failed = (id: string, overrides = {}) => ({
  id,
  recipient: { id: IDS.person, name: '孙重发' },
  template: 'join_request_decided',
  state: 'failed',
  pushState: 'failed',
  attempts: 1,
  lastError: 'WeChat refused the message (errcode 47003: argument invalid!)',
  createdAt: '2025-11-20T02:00:00.000Z',
  deliveredAt: null,
  ...overrides,
});
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'aaaaaaaa-0000-4000-8000-000000000002';
const listUrl = `/api/villages/${IDS.village}/notifications`;

describe('the failed-notifications page', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-admin/notifications/index');
    fakeApi.on('GET', '/api/me', aMe([grants.cadre]));
  });

  test('lists the village’s failed notifications in Chinese and resends one', async () => {
    fakeApi
      .on('GET', listUrl, { items: [failed(A), failed(B, { template: 'bin_task', lastError: 'gave up after 5 attempts: network: TimeoutError' })] })
      .on('POST', `/api/notifications/${A}/retry`, failed(A, { state: 'pending', pushState: null, attempts: 0 }));
    render(<NotificationsAdminPage />);

    const [first, second] = await screen.findAllByTestId('notification-item');
    expect(fakeApi.calls('GET', listUrl)[0].query).toEqual({ state: 'failed' });
    expect(first.textContent).toContain('孙重发');
    expect(first.textContent).toContain('审核结果通知');
    expect(first.textContent).toContain('已尝试 1 次');
    expect(first.textContent).toContain('微信拒收：提醒内容不符合微信的格式要求');
    expect(second.textContent).toContain('清运任务');
    expect(second.textContent).toContain('试了 5 次都没有发出去（网络或微信服务暂时不通）');

    fireEvent.click(within(first).getByTestId('notification-retry'));

    await within(first).findByTestId('notification-resent');
    expect(first.getAttribute('data-state')).toBe('pending');
    expect(fakeApi.calls('POST', `/api/notifications/${A}/retry`)[0].headers['Idempotency-Key']).toMatch(UUID);
  });

  test('says why when the notification was no longer failed, then refreshes the list', async () => {
    let items = [failed(A)];
    fakeApi
      .on('GET', listUrl, () => ({ body: { items } }))
      .on('POST', `/api/notifications/${A}/retry`, () => {
        items = [];
        return fakeApi.error('NOTIFICATION_NOT_FAILED', 409, '该通知未失败，无需重发');
      });
    render(<NotificationsAdminPage />);

    fireEvent.click(await screen.findByTestId('notification-retry'));

    const error = await screen.findByTestId('notification-error');
    expect(error.getAttribute('data-code')).toBe('NOTIFICATION_NOT_FAILED');
    expect(error.textContent).toBe('该通知未失败，无需重发');
    await waitFor(() => expect(screen.getByTestId('notifications-empty')).toBeTruthy(), { timeout: 3000 });
  });

  test('is not offered to people without a village staff role', async () => {
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
    render(<NotificationsAdminPage />);

    expect((await screen.findByTestId('notifications-not-staff')).textContent).toContain('村干部');
    expect(fakeApi.calls('GET', /notifications$/)).toHaveLength(0);
  });

  test('turns the technical failure notes into words a cadre can act on', () => {
    expect(failureSummary('unknown template foo')).toBe('未知的通知类型，无法发送');
    expect(failureSummary('WeChat refused the message (errcode 40003: invalid openid)')).toBe('微信拒收：对方的微信身份无效');
    expect(failureSummary('gave up after 3 attempts: errcode -1: system busy')).toBe('试了 3 次都没有发出去（微信系统繁忙）');
    expect(failureSummary(null)).toBeNull();
  });
});
