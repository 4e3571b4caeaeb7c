import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HomePage from '../../miniapp/src/pages/index/index';
import MePage from '../../miniapp/src/pages/me/index';
import InboxPage from '../../miniapp/src/pkg-inbox/inbox/index';
import Taro, { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, anInboxItem, grants, UUID } from './fixtures';

const readState = () => screen.getAllByTestId('inbox-item').map((el) => el.getAttribute('data-read'));

describe('the inbox', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-inbox/inbox/index');
  });

  test('shows unread items apart from read ones, marks one read on tap and follows its link', async () => {
    const fresh = anInboxItem({ title: '新的入院申请', link: '/pkg-courtyard/requests/index' });
    const old = anInboxItem({ template: 'join_request_decided', title: '入院申请已通过', link: '/pages/me/index', read: true });
    fakeApi.on('GET', '/api/inbox', { items: [fresh, old], unread: 1, nextCursor: null }).on('POST', `/api/inbox/${fresh.id}/read`, { unread: 0 });
    render(<InboxPage />);

    await screen.findAllByTestId('inbox-item');
    expect(readState()).toEqual(['false', 'true']);
    expect(screen.getAllByTestId('inbox-item')[0].className).toContain('inbox-item--unread');
    expect(screen.getByTestId('inbox-unread').textContent).toBe('1 条未读');

    fireEvent.click(screen.getByText('新的入院申请'));

    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-courtyard/requests/index' }));
    const [read] = fakeApi.calls('POST', `/api/inbox/${fresh.id}/read`);
    expect(read.headers['Idempotency-Key']).toMatch(UUID);
    expect(readState()).toEqual(['true', 'true']);
    expect(screen.getByTestId('inbox-unread').textContent).toBe('没有未读消息');

    // a read message only opens its page (a tab page is switched to), nothing is sent
    fireEvent.click(screen.getByText('入院申请已通过'));
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
    expect(fakeApi.calls('POST', /\/read$/)).toHaveLength(1);
  });

  test('全部已读 marks every message read and clears the badges on 首页 and 我的', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', '/api/inbox/unread-count', { unread: 2 })
      .on('GET', '/api/inbox', { items: [anInboxItem(), anInboxItem({ title: '事项有新进展', link: null })], unread: 2, nextCursor: null })
      .on('POST', '/api/inbox/read-all', { unread: 0 });
    // Taro keeps the tab pages alive under a pushed page, so all three are mounted at once
    render(
      <>
        <HomePage />
        <MePage />
        <InboxPage />
      </>,
    );

    expect((await screen.findByTestId('home-inbox-badge')).textContent).toBe('2');
    expect((await screen.findByTestId('me-inbox-badge')).textContent).toBe('2');
    await waitFor(() => expect(readState()).toEqual(['false', 'false']));

    fireEvent.click(screen.getByTestId('inbox-read-all'));

    await waitFor(() => expect(readState()).toEqual(['true', 'true']));
    expect(screen.queryByTestId('home-inbox-badge')).toBeNull();
    expect(screen.queryByTestId('me-inbox-badge')).toBeNull();
    expect(screen.getByTestId('home-inbox-text').textContent).toBe('没有未读消息');
    expect(fakeApi.calls('POST', '/api/inbox/read-all')[0].headers['Idempotency-Key']).toMatch(UUID);
    expect((screen.getByTestId('inbox-read-all') as HTMLButtonElement).disabled).toBe(true);
  });

  test('loads older messages with the cursor until there are no more', async () => {
    const first = Array.from({ length: 2 }, () => anInboxItem({ read: true }));
    const older = anInboxItem({ title: '兑换商品可以领取了', template: 'redemption_ready', read: true });
    fakeApi.on('GET', '/api/inbox', (req) =>
      req.query.cursor === 'page-2' ? { body: { items: [older], unread: 0, nextCursor: null } } : { body: { items: first, unread: 0, nextCursor: 'page-2' } },
    );
    render(<InboxPage />);

    fireEvent.click(await screen.findByTestId('inbox-more'));

    await waitFor(() => expect(screen.getAllByTestId('inbox-item')).toHaveLength(3));
    expect(fakeApi.calls('GET', '/api/inbox').map((r) => r.query)).toEqual([{ limit: '20' }, { limit: '20', cursor: 'page-2' }]);
    expect(screen.queryByTestId('inbox-more')).toBeNull();
    expect(screen.getByText('没有更早的消息了')).toBeTruthy();
  });

  test('shows an empty state, and a pull-down brings in what arrived since', async () => {
    let items = [] as ReturnType<typeof anInboxItem>[];
    fakeApi.on('GET', '/api/inbox', () => ({ body: { items, unread: items.length, nextCursor: null } }));
    render(<InboxPage />);

    expect((await screen.findByTestId('inbox-empty')).textContent).toContain('还没有消息');

    items = [anInboxItem({ title: '新的清运任务', template: 'bin_task', priority: 50 })];
    await fakeTaro.pullDown();

    const item = await screen.findByTestId('inbox-item');
    expect(within(item).getByText('紧急')).toBeTruthy();
    expect(screen.queryByTestId('inbox-empty')).toBeNull();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});
