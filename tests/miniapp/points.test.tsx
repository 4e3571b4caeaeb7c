import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { TLedgerItem, TRedemption, TReward } from '../../shared/contracts/points';
import { chinaMonth } from '../../shared/domain/points';
import PointsPage from '../../miniapp/src/pages/points/index';
import ShopPage from '../../miniapp/src/pkg-points/shop/index';
import RedemptionsPage from '../../miniapp/src/pkg-points/redemptions/index';
import LeaderboardPage from '../../miniapp/src/pkg-points/leaderboard/index';
import HandoverPage from '../../miniapp/src/pkg-admin/handover/index';
import PointsAdjustPage from '../../miniapp/src/pkg-admin/points-adjust/index';
import PointsRulesPage from '../../miniapp/src/pkg-admin/points-rules/index';
import RewardsAdminPage from '../../miniapp/src/pkg-admin/rewards/index';
import RequestsPage from '../../miniapp/src/pkg-courtyard/requests/index';
import { setPlatform, type Platform } from '../../miniapp/src/platform';
import { parsePickupCode } from '../../miniapp/src/lib/points';
import { qrMatrix } from '../../miniapp/src/lib/qr';
import Taro, { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS, UUID } from './fixtures';

const uuid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TOWEL = uuid(1);
const SOAP = uuid(2);

function aLedgerItem(n: number, overrides: Partial<TLedgerItem> = {}): TLedgerItem {
  return {
    id: uuid(100 + n),
    amount: 5,
    reason: '扫码报满（首报）',
    reasonCode: 'rule:bin_report_first',
    source: { kind: 'bin_report', id: uuid(200 + n) },
    note: null,
    person: { id: IDS.person, name: '王秀英' },
    createdAt: new Date(Date.UTC(2025, 10, 20 - n, 2)).toISOString(),
    ...overrides,
  };
}

function aReward(id: string, name: string, price: number, stock: number, overrides: Partial<TReward> = {}): TReward {
  return {
    id,
    villageId: IDS.village,
    name,
    pictureUrl: null,
    price,
    stock,
    perPersonLimit: null,
    startsAt: null,
    endsAt: null,
    active: true,
    open: true,
    ...overrides,
  };
}

function aRedemption(overrides: Partial<TRedemption> = {}): TRedemption {
  return {
    id: uuid(300),
    reward: { id: TOWEL, name: '毛巾' },
    person: { id: IDS.person, name: '王秀英' },
    points: 20,
    pickupCode: 'ABCD2345',
    state: 'reserved',
    expiresAt: '2025-12-06T02:00:00.000Z',
    createdAt: '2025-11-22T02:00:00.000Z',
    closedAt: null,
    ...overrides,
  };
}

describe('the 积分 tab', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pages/points/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('shows the balance in big digits and the statement with ± amounts, and loads older entries', async () => {
    const first = [
      aLedgerItem(1, { amount: -20, reason: '积分兑换', reasonCode: 'redeem', source: { kind: 'redemption', id: uuid(9) } }),
      aLedgerItem(2, { amount: 10, reason: '人工加分', reasonCode: 'manual_award', note: '帮邻居收稻谷' }),
    ];
    fakeApi
      .on('GET', '/api/points/me', (req) =>
        req.query.cursor === 'c2'
          ? { body: { balance: 135, items: [aLedgerItem(3)], nextCursor: null } }
          : { body: { balance: 135, items: first, nextCursor: 'c2' } },
      )
      .on('GET', '/api/redemptions/mine', { items: [aRedemption()] });
    render(<PointsPage />);

    const balance = await screen.findByTestId('points-balance');
    await waitFor(() => expect(balance.textContent).toBe('135'));
    const [spent, award] = screen.getAllByTestId('ledger-item');
    expect(spent.textContent).toContain('积分兑换');
    expect(spent.textContent).toContain('-20');
    expect(award.textContent).toContain('+10');
    expect(award.textContent).toContain('帮邻居收稻谷');
    expect((await screen.findByTestId('points-waiting')).textContent).toBe('1 件待领取');

    fireEvent.click(screen.getByTestId('points-more'));

    await waitFor(() => expect(screen.getAllByTestId('ledger-item')).toHaveLength(3));
    expect(fakeApi.calls('GET', '/api/points/me').map((r) => r.query)).toEqual([{ limit: '20' }, { limit: '20', cursor: 'c2' }]);
    expect(screen.queryByTestId('points-more')).toBeNull();

    fireEvent.click(screen.getByTestId('points-shop'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-points/shop/index' });
  });

  test('reloads the balance every time the tab shows (after a redemption elsewhere)', async () => {
    let balance = 100;
    fakeApi.on('GET', '/api/points/me', () => ({ body: { balance, items: [], nextCursor: null } })).on('GET', '/api/redemptions/mine', { items: [] });
    render(<PointsPage />);
    await waitFor(() => expect(screen.getByTestId('points-balance').textContent).toBe('100'));
    expect(screen.getByTestId('points-empty')).toBeTruthy();

    balance = 80;
    await fakeTaro.show();

    await waitFor(() => expect(screen.getByTestId('points-balance').textContent).toBe('80'));
  });
});

describe('积分超市', () => {
  const rewardsUrl = `/api/villages/${IDS.village}/rewards`;
  let balance: number;
  let towelStock: number;

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-points/shop/index');
    balance = 100;
    towelStock = 60;
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', '/api/points/me', () => ({ body: { balance, items: [], nextCursor: null } }))
      .on('GET', rewardsUrl, () => ({ body: { items: [aReward(SOAP, '洗衣粉', 30, 40), aReward(TOWEL, '毛巾', 20, towelStock)] } }));
  });

  const towel = async () => (await screen.findAllByTestId('reward-item')).find((el) => el.getAttribute('data-name') === '毛巾')!;

  test('redeeming asks first, then shows the pickup code large and as a QR code, and the new balance and stock', async () => {
    fakeApi.on('POST', `/api/rewards/${TOWEL}/redeem`, () => {
      balance -= 20;
      towelStock -= 1;
      return { status: 201, body: aRedemption() };
    });
    render(<ShopPage />);
    await waitFor(() => expect(screen.getByTestId('shop-balance').getAttribute('data-balance')).toBe('100'));

    fireEvent.click(within(await towel()).getByTestId('reward-redeem'));

    const result = await screen.findByTestId('redeem-result');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('用 20 积分兑换「毛巾」') }));
    expect(within(result).getByTestId('redeem-pickup-code').textContent).toBe('ABCD 2345');
    const qr = within(result).getByTestId('redeem-pickup-qr');
    expect(qr.getAttribute('data-text')).toBe('ABCD2345');
    expect(qr.getAttribute('data-modules')).toBe('21');
    expect(result.textContent).toContain('12月6日');
    const [redeem] = fakeApi.calls('POST', `/api/rewards/${TOWEL}/redeem`);
    expect(redeem.headers['Idempotency-Key']).toMatch(UUID);

    // what the page shows afterwards is what the server has now
    await waitFor(() => expect(screen.getByTestId('shop-balance').getAttribute('data-balance')).toBe('80'));
    expect(within(await towel()).getByTestId('reward-stock').textContent).toBe('还剩 59 件');

    fireEvent.click(screen.getByTestId('redeem-view-mine'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-points/redemptions/index?id=${uuid(300)}` });
  });

  test('INSUFFICIENT_POINTS shows its Chinese message and what to do, and the balance is fetched again', async () => {
    fakeApi.on('POST', `/api/rewards/${TOWEL}/redeem`, () => {
      balance = 5; // spent on another phone meanwhile
      return fakeApi.error('INSUFFICIENT_POINTS', 409, '积分不足');
    });
    render(<ShopPage />);
    await waitFor(() => expect(screen.getByTestId('shop-balance').getAttribute('data-balance')).toBe('100'));

    fireEvent.click(within(await towel()).getByTestId('reward-redeem'));

    const error = await screen.findByTestId('redeem-error');
    expect(error.getAttribute('data-code')).toBe('INSUFFICIENT_POINTS');
    expect(within(error).getByTestId('redeem-error-message').textContent).toBe('积分不足');
    expect(within(error).getByTestId('redeem-error-hint').textContent).toContain('攒够了再来换');
    expect(screen.queryByTestId('redeem-result')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('shop-balance').getAttribute('data-balance')).toBe('5'));
    const button = within(await towel()).getByTestId('reward-redeem') as HTMLButtonElement;
    expect(button.textContent).toBe('积分不够');
    expect(button.disabled).toBe(true);
    expect((await towel()).textContent).toContain('还差 15 积分');
  });

  test('nothing is sent when the person changes their mind', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });
    render(<ShopPage />);

    fireEvent.click(within(await towel()).getByTestId('reward-redeem'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(fakeApi.calls('POST', /redeem$/)).toHaveLength(0);
  });
});

describe('我的兑换', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-points/redemptions/index');
  });

  test('shows state labels and the pickup code of 待领取, and a cancel gives the points back', async () => {
    let items = [
      aRedemption({
        id: uuid(301),
        reward: { id: SOAP, name: '洗衣粉' },
        state: 'handed_over',
        closedAt: '2025-11-21T02:00:00.000Z',
        createdAt: '2025-11-20T02:00:00.000Z',
      }),
      aRedemption(),
    ];
    let balance = 80;
    fakeApi
      .on('GET', '/api/redemptions/mine', () => ({ body: { items } }))
      .on('GET', '/api/points/me', () => ({ body: { balance, items: [], nextCursor: null } }))
      .on('POST', `/api/redemptions/${uuid(300)}/cancel`, () => {
        items = items.map((r) => (r.id === uuid(300) ? { ...r, state: 'cancelled' as const, closedAt: '2025-11-22T03:00:00.000Z' } : r));
        balance = 100;
        return { body: items.find((r) => r.id === uuid(300)) };
      });
    render(<RedemptionsPage />);

    const [waiting, done] = await screen.findAllByTestId('redemption-item');
    expect(within(waiting).getByTestId('redemption-state').textContent).toBe('待领取');
    expect(within(waiting).getByTestId('redemption-pickup-code').getAttribute('data-code')).toBe('ABCD2345');
    expect(within(waiting).getByTestId('redemption-pickup-qr')).toBeTruthy();
    expect(within(done).getByTestId('redemption-state').textContent).toBe('已领取');
    expect(within(done).queryByTestId('redemption-pickup')).toBeNull();

    fireEvent.click(within(waiting).getByTestId('redemption-cancel'));

    await waitFor(() => expect(screen.getByTestId('redemptions-balance').getAttribute('data-balance')).toBe('100'));
    const states = screen.getAllByTestId('redemption-item').map((el) => el.getAttribute('data-state'));
    expect(states.sort()).toEqual(['cancelled', 'handed_over']);
    expect(screen.queryByTestId('redemption-cancel')).toBeNull();
    expect(fakeApi.calls('POST', /\/cancel$/)[0].headers['Idempotency-Key']).toMatch(UUID);
  });
});

describe('排行榜', () => {
  const boardUrl = `/api/villages/${IDS.village}/leaderboard`;
  const row = (n: number, name: string, total: number, id = uuid(400 + n)) => ({ rank: n, id, name, total });

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-points/leaderboard/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager])).on('GET', boardUrl, (req) =>
      req.query.board === 'person'
        ? {
            body: {
              board: 'person',
              period: req.query.period,
              items: [row(1, '李大爷', 90), row(2, '王秀英', 50, IDS.person), row(3, '张婶', 45)],
              me: { id: IDS.person, rank: 2, total: 50 },
            },
          }
        : { body: { board: req.query.board, period: req.query.period, items: [row(1, '桂花院1号', 300)], me: { id: 'h1', rank: null, total: 0 } } },
    );
  });

  test('highlights my rank on this month’s person board, and says 暂无排名 where I have none', async () => {
    render(<LeaderboardPage />);

    await waitFor(() => expect(screen.getByTestId('board-me-rank').textContent).toBe('第 2 名'));
    await waitFor(() => expect(screen.getAllByTestId('board-item')).toHaveLength(3));
    const mine = screen.getAllByTestId('board-item').map((el) => el.getAttribute('data-mine'));
    expect(mine).toEqual(['false', 'true', 'false']);
    expect(screen.getAllByTestId('board-item')[1].className).toContain('board-row--mine');
    expect(fakeApi.calls('GET', boardUrl)[0].query).toMatchObject({ board: 'person', period: chinaMonth(new Date()) });

    fireEvent.click(screen.getByTestId('board-tab-household'));

    await waitFor(() => expect(screen.getByTestId('board-me-rank').textContent).toBe('暂无排名'));
    expect(screen.getAllByTestId('board-item').map((el) => el.getAttribute('data-mine'))).toEqual(['false']);
  });

  test('the courtyard board switches between 总分 and 户均, and 总榜 asks for all time', async () => {
    render(<LeaderboardPage />);
    await screen.findByTestId('board-me');

    fireEvent.click(screen.getByTestId('board-tab-courtyard'));
    fireEvent.click(await screen.findByTestId('board-by-perHousehold'));
    fireEvent.click(screen.getByTestId('board-period-all'));

    await waitFor(() => expect(fakeApi.calls('GET', boardUrl).at(-1)!.query).toMatchObject({ board: 'courtyard', by: 'perHousehold', period: 'all' }));
    fireEvent.click(screen.getByTestId('board-open-screen'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-points/board/index?villageId=${IDS.village}&period=all` });
  });
});

describe('排行榜 for 镇街管理员', () => {
  test('lists the villages of their township and shows the chosen one’s board', async () => {
    const township = uuid(600);
    const [v1, v2] = [
      { id: uuid(601), name: '石坝村' },
      { id: uuid(602), name: '柳河村' },
    ];
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-points/leaderboard/index');
    fakeApi
      .on('GET', '/api/me', aMe([{ role: 'township_staff', roleLabel: '镇街管理员', scopeType: 'township', scopeId: township, scopeName: '龙兴镇' }]))
      .on('GET', `/api/townships/${township}/villages`, { items: [v1, v2] })
      .on('GET', /\/leaderboard$/, (req) => ({ body: { board: 'person', period: req.query.period, items: [], me: null } }));
    render(<LeaderboardPage />);

    fireEvent.click(await screen.findByTestId(`leaderboard-village-${v2.id}`));

    await waitFor(() =>
      expect(fakeApi.calls('GET', /\/leaderboard$/).map((r) => r.path)).toEqual([`/api/villages/${v1.id}/leaderboard`, `/api/villages/${v2.id}/leaderboard`]),
    );
    expect(screen.getByTestId(`leaderboard-village-${v2.id}`).className).toContain('chip--on');
    await waitFor(() => expect(screen.getByTestId('board-me-rank').textContent).toBe('暂无排名'));
  });
});

describe('人工加减分', () => {
  test('the head picks a person of the courtyard and deducts with a reason; too much is refused in Chinese', async () => {
    const person = { id: uuid(700), name: '赵大爷', household: { id: uuid(701), label: '桂花院5号' }, balance: 12 };
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-admin/points-adjust/index');
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', `/api/courtyards/${IDS.courtyard}/people`, () => ({ body: { items: [person] } }))
      .on('POST', `/api/people/${person.id}/points`, (req) => {
        const { amount } = req.body as { amount: number };
        if (person.balance + amount < 0) return fakeApi.error('INSUFFICIENT_POINTS', 409, '积分不足');
        person.balance += amount;
        return { status: 201, body: { balance: person.balance, entry: aLedgerItem(9, { amount }) } };
      });
    render(<PointsAdjustPage />);

    fireEvent.click(await screen.findByText('赵大爷'));
    fireEvent.click(screen.getByTestId('adjust-kind-deduct'));
    fireEvent.change(screen.getByTestId('adjust-amount'), { target: { value: '20' } });
    fireEvent.change(screen.getByTestId('adjust-reason'), { target: { value: '乱倒垃圾' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));

    const error = await screen.findByTestId('adjust-submit-error');
    expect(error.getAttribute('data-code')).toBe('INSUFFICIENT_POINTS');
    expect(within(error).getByTestId('adjust-submit-error-hint').textContent).toContain('扣的分不能比这个人现有的积分多');
    expect(fakeApi.calls('POST', `/api/people/${person.id}/points`)[0].body).toEqual({ amount: -20, reason: '乱倒垃圾' });

    fireEvent.change(screen.getByTestId('adjust-amount'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));

    await waitFor(() => expect(screen.getByTestId('adjust-person-balance').textContent).toBe('7 分'));
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '给 赵大爷 扣 5 分？原因：乱倒垃圾' }));
    const [first, second] = fakeApi.calls('POST', `/api/people/${person.id}/points`);
    expect(second.body).toEqual({ amount: -5, reason: '乱倒垃圾' });
    expect(second.headers['Idempotency-Key']).not.toBe(first.headers['Idempotency-Key']);
  });
});

describe('村干部 · 积分规则 and 商品', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeApi.on('GET', '/api/me', aMe([grants.cadre]));
  });

  test('a rule is changed (empty cap = 不限) and the history shows who changed it', async () => {
    const url = `/api/villages/${IDS.village}/points-rules`;
    let rule = { eventKind: 'tidy_yard', label: '庭院整洁', points: 15, dailyCap: 30 as number | null };
    let changes: unknown[] = [];
    fakeTaro.setRoute('/pkg-admin/points-rules/index');
    fakeApi
      .on('GET', url, () => ({ body: { rules: [rule], changes, redemptionExpiryDays: 7 } }))
      .on('PUT', `${url}/tidy_yard`, (req) => {
        const body = req.body as { points: number; dailyCap: number | null };
        changes = [
          {
            eventKind: 'tidy_yard',
            oldPoints: rule.points,
            newPoints: body.points,
            oldCap: rule.dailyCap,
            newCap: body.dailyCap,
            changedBy: { id: IDS.person, name: '王秀英' },
            changedAt: '2025-11-22T02:00:00.000Z',
          },
        ];
        rule = { ...rule, ...body };
        return { body: rule };
      });
    render(<PointsRulesPage />);

    fireEvent.click(await screen.findByTestId('rule-edit'));
    fireEvent.change(screen.getByTestId('rule-points-input'), { target: { value: '20' } });
    fireEvent.change(screen.getByTestId('rule-cap-input'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('rule-save'));

    await waitFor(() => expect(screen.getByTestId('rule-points').textContent).toBe('20 分'));
    expect(screen.getByTestId('rule-cap').textContent).toBe('每人每天最多 不限');
    expect(fakeApi.calls('PUT', `${url}/tidy_yard`)[0].body).toEqual({ points: 20, dailyCap: null });
    expect(screen.getByTestId('rules-change').textContent).toContain('每次 15 → 20 分；每天最多 30 分 → 不限');
  });

  test('a reward’s stock is changed by sending only what changed', async () => {
    let soap = aReward(SOAP, '洗衣粉', 30, 40);
    fakeTaro.setRoute('/pkg-admin/rewards/index');
    fakeApi
      .on('GET', `/api/villages/${IDS.village}/rewards`, () => ({ body: { items: [soap, aReward(TOWEL, '毛巾', 20, 0, { active: false, open: false })] } }))
      .on('PATCH', `/api/rewards/${SOAP}`, (req) => {
        soap = { ...soap, ...(req.body as Partial<TReward>) };
        return { body: soap };
      });
    render(<RewardsAdminPage />);

    const [first, second] = await screen.findAllByTestId('reward-admin-item');
    expect(within(second).getByTestId('reward-admin-stock').textContent).toBe('库存 0 件 · 已下架');
    fireEvent.click(within(first).getByTestId('reward-edit'));
    fireEvent.change(within(first).getByTestId('reward-edit-stock'), { target: { value: '55' } });
    fireEvent.click(within(first).getByTestId('reward-edit-save'));

    await waitFor(() =>
      expect(within(screen.getAllByTestId('reward-admin-item')[0]).getByTestId('reward-admin-stock').textContent).toBe('库存 55 件 · 兑换中'),
    );
    expect(fakeApi.calls('PATCH', `/api/rewards/${SOAP}`)[0].body).toEqual({ stock: 55 });
  });
});

describe('凭码发放', () => {
  const handoverUrl = `/api/villages/${IDS.village}/handover`;
  let waiting: TRedemption[];

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-admin/handover/index');
    waiting = [aRedemption()];
    fakeApi
      .on('GET', '/api/me', aMe([grants.shopkeeper]))
      .on('GET', `/api/villages/${IDS.village}/redemptions`, () => ({ body: { items: waiting } }))
      .on('POST', handoverUrl, (req) => {
        if ((req.body as { pickupCode: string }).pickupCode !== 'ABCD2345') return fakeApi.error('PICKUP_CODE_NOT_FOUND', 404, '取货码不存在，请核对');
        waiting = [];
        return { body: aRedemption({ state: 'handed_over', closedAt: '2025-11-22T05:00:00.000Z' }) };
      });
  });

  test('a scanned code is handed over at once and says what to give to whom', async () => {
    const scanner: Platform = {
      canWechatLogin: false,
      canScan: true,
      canSubscribe: false,
      login: () => Promise.reject(new Error('no')),
      scanCode: () => Promise.resolve({ result: 'abcd2345' }),
      requestSubscribeMessage: () => Promise.resolve({}),
    };
    setPlatform(scanner);
    render(<HandoverPage />);
    await waitFor(() => expect(screen.getAllByTestId('handover-waiting-item')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('handover-scan'));

    const result = await screen.findByTestId('handover-result');
    expect(within(result).getByTestId('handover-reward').textContent).toBe('毛巾');
    expect(within(result).getByTestId('handover-person').textContent).toBe('领取人：王秀英');
    const [call] = fakeApi.calls('POST', handoverUrl);
    expect(call.body).toEqual({ pickupCode: 'ABCD2345' });
    expect(call.headers['Idempotency-Key']).toMatch(UUID);
    await waitFor(() => expect(screen.queryAllByTestId('handover-waiting-item')).toHaveLength(0));
  });

  test('a mistyped code gets PICKUP_CODE_NOT_FOUND in Chinese with a hint', async () => {
    render(<HandoverPage />);
    expect(screen.queryByTestId('handover-scan')).toBeNull(); // a plain browser cannot scan

    fireEvent.change(await screen.findByTestId('handover-code'), { target: { value: 'abcd 2346' } });
    fireEvent.click(screen.getByTestId('handover-submit'));

    const error = await screen.findByTestId('handover-error');
    expect(error.getAttribute('data-code')).toBe('PICKUP_CODE_NOT_FOUND');
    expect(within(error).getByTestId('handover-error-message').textContent).toBe('取货码不存在，请核对');
    expect(within(error).getByTestId('handover-error-hint').textContent).toContain('取货码');
    expect(fakeApi.calls('POST', handoverUrl)[0].body).toEqual({ pickupCode: 'ABCD2346' });
  });

  test('is not offered to villagers', async () => {
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
    render(<HandoverPage />);
    expect((await screen.findByTestId('handover-not-staff')).textContent).toContain('店员');
  });
});

describe('入院申请 opened from a message', () => {
  test('opens the courtyard named in ?courtyardId= and keeps it across reloads', async () => {
    const other = { ...grants.head, scopeId: uuid(500), scopeName: '竹林院' };
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-courtyard/requests/index', { courtyardId: other.scopeId });
    fakeApi
      .on('GET', '/api/me', aMe([grants.head, other]))
      .on('GET', /\/join-requests$/, { items: [] })
      .on('GET', '/api/subscriptions/templates', { templates: {}, credits: {} });
    render(<RequestsPage />);

    await waitFor(() => expect(fakeApi.calls('GET', /\/join-requests$/).map((r) => r.path)).toEqual([`/api/courtyards/${other.scopeId}/join-requests`]));
    expect(screen.getByTestId(`requests-courtyard-${other.scopeId}`).className).toContain('chip--on');

    await fakeTaro.show();
    await waitFor(() => expect(fakeApi.calls('GET', /\/join-requests$/)).toHaveLength(2));
    expect(fakeApi.calls('GET', /\/join-requests$/)[1].path).toBe(`/api/courtyards/${other.scopeId}/join-requests`);
  });
});

describe('pickup codes', () => {
  test('read what a scan or a person gives', () => {
    expect(parsePickupCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(parsePickupCode('p=ABCD2345')).toBe('ABCD2345');
    expect(parsePickupCode('pages/x?p%3Dabcd2345')).toBe('ABCD2345');
  });

  test('fit a version-1 QR code (21 modules) with its three finder patterns', () => {
    const m = qrMatrix('ABCD2345');
    expect(m).toHaveLength(21);
    // a finder pattern's corner and centre are dark, the ring between them light
    for (const [r, c] of [
      [0, 0],
      [0, 14],
      [14, 0],
    ]) {
      expect(m[r][c]).toBe(true);
      expect(m[r + 1][c + 1]).toBe(false);
      expect(m[r + 3][c + 3]).toBe(true);
    }
  });
});
