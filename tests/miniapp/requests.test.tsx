import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { TRequestDetail, TRequestItem } from '../../shared/contracts/requests';
import { ERRORS } from '../../shared/errors';
import NewRequestPage from '../../miniapp/src/pkg-request/new/index';
import RequestDetailPage from '../../miniapp/src/pkg-request/detail/index';
import RequestQueuePage from '../../miniapp/src/pkg-request/queue/index';
import MyRequestsPage from '../../miniapp/src/pkg-request/mine/index';
import { forgetShownPhotos } from '../../miniapp/src/lib/photo';
import { setPhoneCaller, setPhotoHost, type PhotoHost } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aCall, aMe, grants, IDS, UUID } from './fixtures';

const uuid = (n: number) => `dddddddd-0000-4000-8000-${String(n).padStart(12, '0')}`;
const REQ = uuid(1);
const PHOTO = uuid(900);
const HEAD = { id: uuid(500), name: '李院长' };
const VILLAGER = { id: IDS.person, name: '王秀英' };
const NO = { accept: false, resolve: false, setLevel: false, message: false, confirm: false, reopen: false, withdraw: false };

function anItem(n: number, overrides: Partial<TRequestItem> = {}): TRequestItem {
  return {
    id: uuid(n),
    ticket: `Z25${String(n).padStart(4, '0')}`,
    category: 'infrastructure',
    text: `第${n}件事`,
    state: 'submitted',
    level: 'courtyard',
    requester: VILLAGER,
    courtyard: { id: IDS.courtyard, name: '桂花院' },
    handler: null,
    createdAt: new Date(Date.UTC(2025, 10, 20, 2, n)).toISOString(),
    dueAt: new Date(Date.UTC(2025, 10, 21, 2, n)).toISOString(),
    overdue: false,
    rating: null,
    ...overrides,
  };
}

function aDetail(overrides: Partial<TRequestDetail> = {}): TRequestDetail {
  return {
    ...anItem(1, { id: REQ, text: '村口路灯坏了三天了' }),
    place: '村口小桥',
    photoIds: [],
    requesterPhone: null,
    contacts: [],
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    ratingComment: null,
    can: { ...NO },
    reopenUntil: null,
    ...overrides,
  };
}

/** A phone whose album gives one photo that shrinks to a few bytes. */
function phonePhotos(): PhotoHost {
  const host: PhotoHost = {
    choosePhotos: jest.fn(async (count: number) => [{ src: 'wxfile://tmp/lamp.jpg' }].slice(0, count)),
    shrinkPhoto: jest.fn(async () => ({ base64: Buffer.alloc(3000, 7).toString('base64') })),
    photoSrc: jest.fn(async (m: { contentType: string; base64: string }) => `data:${m.contentType};base64,${m.base64}`),
  };
  setPhotoHost(host);
  return host;
}

afterEach(() => {
  forgetShownPhotos();
  setPhoneCaller();
});

describe('找院长: the form', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-request/new/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('says what is missing (the kind of thing, then enough words) and sends nothing', async () => {
    render(<NewRequestPage />);
    await screen.findByTestId('request-category-dispute');

    fireEvent.click(screen.getByTestId('request-submit'));
    expect((await screen.findByTestId('request-new-error')).textContent).toBe('请选择是什么事');

    fireEvent.click(screen.getByTestId('request-category-sanitation'));
    fireEvent.change(screen.getByTestId('request-text'), { target: { value: ' 脏 ' } });
    fireEvent.click(screen.getByTestId('request-submit'));
    await waitFor(() => expect(screen.getByTestId('request-new-error').textContent).toBe('请写清楚是什么事'));

    expect(fakeApi.calls('POST', '/api/requests')).toHaveLength(0);
    expect(screen.getByTestId('request-categories').getAttribute('data-value')).toBe('sanitation');
  });

  test('sends the category, the trimmed text, the place and the uploaded photo with an Idempotency-Key, then opens the request', async () => {
    phonePhotos();
    fakeApi
      .on('POST', '/api/media', { status: 201, body: { id: PHOTO, contentType: 'image/jpeg', size: 3000 } })
      .on('POST', '/api/requests', { status: 201, body: aDetail() });
    render(<NewRequestPage />);

    fireEvent.click(await screen.findByTestId('request-category-infrastructure'));
    fireEvent.change(screen.getByTestId('request-text'), { target: { value: '  村口路灯坏了三天了 \n' } });
    fireEvent.change(screen.getByTestId('request-place'), { target: { value: ' 村口小桥 ' } });
    fireEvent.click(screen.getByTestId('request-photos-add'));
    await waitFor(() => expect(screen.getByTestId('request-photos-item').getAttribute('data-state')).toBe('done'));
    fireEvent.click(screen.getByTestId('request-submit'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pkg-request/detail/index?id=${REQ}` }));
    const [sent] = fakeApi.calls('POST', '/api/requests');
    expect(sent.body).toEqual({ category: 'infrastructure', text: '村口路灯坏了三天了', place: '村口小桥', photoIds: [PHOTO] });
    expect(sent.headers['Idempotency-Key']).toMatch(UUID);
  });

  test('leaves the place out when it is empty, and shows the server’s refusal in Chinese', async () => {
    fakeApi.on('POST', '/api/requests', fakeApi.error('REQUEST_NO_COURTYARD', 409, ERRORS.REQUEST_NO_COURTYARD[1]));
    render(<NewRequestPage />);

    fireEvent.click(await screen.findByTestId('request-category-help'));
    fireEvent.change(screen.getByTestId('request-text'), { target: { value: '帮忙买药' } });
    fireEvent.click(screen.getByTestId('request-submit'));

    const error = await screen.findByTestId('request-new-error');
    expect(error.getAttribute('data-code')).toBe('REQUEST_NO_COURTYARD');
    expect(error.textContent).toBe('请先加入院落，再找院长');
    expect(fakeApi.calls('POST', '/api/requests')[0].body).toEqual({ category: 'help', text: '帮忙买药', photoIds: [] });
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  test('someone in no courtyard is asked to join first', async () => {
    fakeApi.on('GET', '/api/me', aMe([]));
    render(<NewRequestPage />);

    expect(await screen.findByTestId('request-new-not-member')).toBeTruthy();
    expect(screen.queryByTestId('request-submit')).toBeNull();
  });
});

describe('事项详情: the buttons follow `can`', () => {
  const url = `/api/requests/${REQ}`;

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-request/detail/index', { id: REQ });
    fakeApi
      .on('GET', `${url}/messages`, { items: [] })
      .on('GET', `${url}/timeline`, {
        items: [
          {
            id: 'e1',
            kind: 'submitted',
            label: '提交事项',
            actor: VILLAGER,
            fromState: null,
            toState: 'submitted',
            fromLevel: null,
            toLevel: 'courtyard',
            note: null,
            at: '2025-11-20T02:01:00.000Z',
          },
        ],
      })
      .on('GET', '/api/subscriptions/templates', { templates: {}, credits: {} });
  });

  const buttons = () =>
    ['request-accept', 'request-resolve-open', 'request-level-open', 'request-confirm-open', 'request-reopen-open', 'request-withdraw'].filter((id) =>
      screen.queryByTestId(id),
    );

  test('a head sees 受理 and 定性, the requester’s phone to ring, and after 受理 the 办结 button', async () => {
    const calls: string[] = [];
    setPhoneCaller(async (p) => void calls.push(p));
    fakeApi
      .on('GET', '/api/me', aMe([grants.head], { person: { ...HEAD, phone: '13900002222', flags: { livesAlone: false, elderly: false, needsCare: false } } }))
      .on('GET', url, aDetail({ requesterPhone: '13800001111', overdue: true, can: { ...NO, accept: true, setLevel: true, message: true } }))
      .on('POST', `${url}/accept`, aDetail({ state: 'accepted', handler: HEAD, can: { ...NO, resolve: true, setLevel: true, message: true } }));
    render(<RequestDetailPage />);

    const detail = await screen.findByTestId('request-detail');
    expect(detail.getAttribute('data-state')).toBe('submitted');
    expect(screen.getByTestId('request-state').textContent).toBe('待受理');
    expect(screen.getByTestId('request-level').textContent).toBe('小事');
    expect(screen.getByTestId('request-overdue').textContent).toBe('超时');
    expect(screen.getByTestId('request-due').textContent).toContain('已超时 · 受理期限');
    expect(screen.getByTestId('request-place-view').textContent).toBe('地点：村口小桥');
    expect(buttons()).toEqual(['request-accept', 'request-level-open']);
    expect(screen.getByTestId('request-reply')).toBeTruthy();
    expect((await screen.findAllByTestId('request-event'))[0].textContent).toContain('提交事项');

    fireEvent.click(screen.getByTestId('request-call'));
    expect(calls).toEqual(['13800001111']);

    fireEvent.click(screen.getByTestId('request-accept'));

    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-state')).toBe('accepted'));
    expect(buttons()).toEqual(['request-resolve-open', 'request-level-open']);
    expect(screen.getByTestId('request-handler').textContent).toBe('办理人：李院长');
    expect(fakeApi.calls('POST', `${url}/accept`)[0].headers['Idempotency-Key']).toMatch(UUID);
    expect(fakeApi.calls('GET', `${url}/timeline`).length).toBeGreaterThanOrEqual(2); // the timeline is read again
  });

  test('the requester sees whom to ring — the 院长 before acceptance, then the handler — never her own phone', async () => {
    const calls: string[] = [];
    setPhoneCaller(async (p) => void calls.push(p));
    let detail = aDetail({ contacts: [{ id: HEAD.id, name: HEAD.name, phone: '13900002222', role: 'courtyard_head' }] });
    fakeApi
      .on(
        'GET',
        '/api/me',
        aMe([grants.villager], { person: { ...VILLAGER, phone: '13800001111', flags: { livesAlone: false, elderly: false, needsCare: false } } }),
      )
      .on('GET', url, () => ({ body: detail }));
    const first = render(<RequestDetailPage />);

    const head = await screen.findByTestId('request-contact');
    expect(head.getAttribute('data-role')).toBe('courtyard_head');
    expect(head.textContent).toContain('院长 李院长 139 0000 2222');
    expect(screen.queryByTestId('request-requester-phone')).toBeNull();
    expect(screen.getByTestId('request-detail').textContent).not.toContain('138 0000 1111');
    fireEvent.click(screen.getByTestId('request-contact-call'));
    expect(calls).toEqual(['13900002222']);

    detail = aDetail({ state: 'accepted', handler: HEAD, contacts: [{ id: HEAD.id, name: HEAD.name, phone: '13900002222', role: 'handler' }] });
    first.unmount();
    render(<RequestDetailPage />);
    await waitFor(() => expect(screen.getByTestId('request-contact').getAttribute('data-role')).toBe('handler'));
    expect(screen.getByTestId('request-contact').textContent).toContain('办理人 李院长');
  });

  test('办结 needs a note; the note is sent', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', url, aDetail({ state: 'accepted', can: { ...NO, resolve: true, message: true } }))
      .on('POST', `${url}/resolve`, aDetail({ state: 'resolved', can: { ...NO, message: true } }));
    render(<RequestDetailPage />);

    fireEvent.click(await screen.findByTestId('request-resolve-open'));
    fireEvent.click(screen.getByTestId('request-resolve-submit'));
    expect((await screen.findByTestId('request-action-error')).textContent).toBe('请写明处理结果');
    expect(fakeApi.calls('POST', `${url}/resolve`)).toHaveLength(0);

    fireEvent.change(screen.getByTestId('request-resolve-note'), { target: { value: ' 已换新灯泡 ' } });
    fireEvent.click(screen.getByTestId('request-resolve-submit'));

    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-state')).toBe('resolved'));
    expect(fakeApi.calls('POST', `${url}/resolve`)[0].body).toEqual({ note: '已换新灯泡' });
    expect(buttons()).toEqual([]);
  });

  test('判断事情大小: moving a 小事 up to 大事 reads 转给村里 (吹哨到村 in small print) and sends the level with the note', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', url, aDetail({ can: { ...NO, accept: true, setLevel: true } }))
      .on('POST', `${url}/level`, aDetail({ state: 'escalated_village', level: 'village', can: { ...NO } }));
    render(<RequestDetailPage />);

    expect((await screen.findByTestId('request-level-open')).textContent).toBe('判断事情大小 / 转给上级');
    fireEvent.click(await screen.findByTestId('request-level-open'));
    const submit = screen.getByTestId('request-level-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true); // still 小事: nothing to change
    fireEvent.click(screen.getByTestId('request-level-township'));
    expect(submit.textContent).toBe('转给镇街（报到镇街）');
    fireEvent.click(screen.getByTestId('request-level-private'));
    expect(submit.textContent).toBe('判断为私事');
    fireEvent.click(screen.getByTestId('request-level-village'));
    expect(submit.textContent).toBe('转给村里（吹哨到村）');
    fireEvent.change(screen.getByTestId('request-level-note'), { target: { value: '要修路，院里办不了' } });
    fireEvent.click(submit);

    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-level')).toBe('village'));
    expect(fakeApi.calls('POST', `${url}/level`)[0].body).toEqual({ level: 'village', note: '要修路，院里办不了' });
    expect(screen.getByTestId('request-state').textContent).toBe('已转给村里');
  });

  test('the requester confirms with stars (required) and a comment', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on(
        'GET',
        url,
        aDetail({ state: 'resolved', handler: HEAD, reopenUntil: '2025-11-29T02:00:00.000Z', can: { ...NO, confirm: true, reopen: true, message: true } }),
      )
      .on('POST', `${url}/confirm`, aDetail({ state: 'closed', handler: HEAD, rating: 4, ratingComment: '很及时', can: { ...NO } }));
    render(<RequestDetailPage />);

    await screen.findByTestId('request-detail');
    expect(buttons()).toEqual(['request-confirm-open', 'request-reopen-open']);
    fireEvent.click(screen.getByTestId('request-confirm-open'));
    fireEvent.click(screen.getByTestId('request-confirm-submit'));
    expect((await screen.findByTestId('request-action-error')).textContent).toBe('请点星星打分');

    fireEvent.click(screen.getByTestId('request-star-4'));
    expect(screen.getByTestId('request-stars').getAttribute('data-value')).toBe('4');
    fireEvent.change(screen.getByTestId('request-confirm-comment'), { target: { value: '很及时' } });
    fireEvent.click(screen.getByTestId('request-confirm-submit'));

    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-state')).toBe('closed'));
    expect(fakeApi.calls('POST', `${url}/confirm`)[0].body).toEqual({ rating: 4, comment: '很及时' });
    expect(screen.getByTestId('request-rating').textContent).toContain('★★★★☆');
    expect(buttons()).toEqual([]);
  });

  test('不满意，重新打开 needs a reason, which is sent', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', url, aDetail({ state: 'resolved', can: { ...NO, confirm: true, reopen: true } }))
      .on('POST', `${url}/reopen`, aDetail({ state: 'accepted', can: { ...NO } }));
    render(<RequestDetailPage />);

    fireEvent.click(await screen.findByTestId('request-reopen-open'));
    fireEvent.click(screen.getByTestId('request-reopen-submit'));
    expect((await screen.findByTestId('request-action-error')).textContent).toBe('请说明哪里不满意');
    fireEvent.change(screen.getByTestId('request-reopen-reason'), { target: { value: '灯又坏了' } });
    fireEvent.click(screen.getByTestId('request-reopen-submit'));
    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-state')).toBe('accepted'));
    expect(fakeApi.calls('POST', `${url}/reopen`)[0].body).toEqual({ reason: '灯又坏了' });
  });

  test('撤回 is offered before acceptance only, and asks first', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', url, aDetail({ can: { ...NO, withdraw: true, message: true } }))
      .on('POST', `${url}/withdraw`, aDetail({ state: 'withdrawn', can: { ...NO } }));
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });
    render(<RequestDetailPage />);

    await screen.findByTestId('request-detail');
    expect(buttons()).toEqual(['request-withdraw']);
    fireEvent.click(screen.getByTestId('request-withdraw'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(fakeApi.calls('POST', `${url}/withdraw`)).toHaveLength(0);

    fireEvent.click(screen.getByTestId('request-withdraw'));
    await waitFor(() => expect(screen.getByTestId('request-detail').getAttribute('data-state')).toBe('withdrawn'));
    expect(screen.getByTestId('request-state').textContent).toBe('已撤回');
  });

  test('a 409 shows its Chinese message and the page reloads to where the request is now', async () => {
    let detail = aDetail({ can: { ...NO, accept: true } });
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', url, () => ({ body: detail }))
      .on('POST', `${url}/accept`, () => {
        detail = aDetail({ state: 'accepted', handler: { id: uuid(501), name: '张副院长' }, can: { ...NO } });
        return fakeApi.error('REQUEST_NOT_WAITING', 409, ERRORS.REQUEST_NOT_WAITING[1]);
      });
    render(<RequestDetailPage />);

    fireEvent.click(await screen.findByTestId('request-accept'));

    const error = await screen.findByTestId('request-action-error');
    expect(error.getAttribute('data-code')).toBe('REQUEST_NOT_WAITING');
    expect(within(error).getByTestId('request-action-error-message').textContent).toBe('该事项已被受理或已结束');
    await waitFor(() => expect(screen.getByTestId('request-handler').textContent).toBe('办理人：张副院长'));
    expect(screen.getByTestId('request-action-error')).toBeTruthy(); // still said after the reload
  });

  test('a reply is sent with its photos and appears in the thread', async () => {
    phonePhotos();
    const mine = { id: 'm1', author: HEAD, mine: true, fromRequester: false, body: '明天上午来修', photoIds: [PHOTO], createdAt: '2025-11-20T03:00:00.000Z' };
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', url, aDetail({ state: 'accepted', can: { ...NO, message: true } }))
      .on('POST', '/api/media', { status: 201, body: { id: PHOTO, contentType: 'image/jpeg', size: 3000 } })
      .on('GET', `/api/media/${PHOTO}`, { id: PHOTO, contentType: 'image/jpeg', base64: 'AAAA' })
      .on('GET', `${url}/messages`, () => ({ body: { items: fakeApi.calls('POST', `${url}/messages`).length ? [mine] : [] } }))
      .on('POST', `${url}/messages`, { status: 201, body: mine });
    render(<RequestDetailPage />);

    fireEvent.click(await screen.findByTestId('request-reply-send'));
    expect((await screen.findByTestId('request-reply-error')).textContent).toBe('请输入内容');

    fireEvent.change(screen.getByTestId('request-reply-text'), { target: { value: '明天上午来修' } });
    fireEvent.click(screen.getByTestId('request-reply-photos-add'));
    await waitFor(() => expect(screen.getByTestId('request-reply-photos-item').getAttribute('data-state')).toBe('done'));
    fireEvent.click(screen.getByTestId('request-reply-send'));

    const message = await screen.findByTestId('request-message');
    expect(message.getAttribute('data-mine')).toBe('true');
    expect(within(message).getByTestId('request-message-body').textContent).toBe('明天上午来修');
    expect(fakeApi.calls('POST', `${url}/messages`)[0].body).toEqual({ body: '明天上午来修', photoIds: [PHOTO] });
    expect((screen.getByTestId('request-reply-text') as HTMLTextAreaElement).value).toBe('');
    expect(screen.queryByTestId('request-reply-photos-item')).toBeNull();
  });
});

describe('待办事项', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-request/queue/index');
    fakeApi.on('GET', '/api/me', aMe([grants.head])).on('GET', '/api/subscriptions/templates', { templates: {}, credits: {} });
  });

  test('puts overdue items first and in red, then the nearest deadline, and tabs ask by state', async () => {
    const later = anItem(2, { dueAt: '2025-11-25T02:00:00.000Z' });
    const sooner = anItem(3, { dueAt: '2025-11-22T02:00:00.000Z', state: 'accepted' });
    const late = anItem(4, { dueAt: '2025-11-19T02:00:00.000Z', overdue: true });
    const lateLonger = anItem(5, { dueAt: '2025-11-18T02:00:00.000Z', overdue: true, state: 'escalated_village', level: 'village' });
    fakeApi.on('GET', '/api/requests/queue', (req) => ({ body: { items: req.query.state === 'waiting' ? [late] : [later, late, sooner, lateLonger] } }));
    render(<RequestQueuePage />);

    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(4));
    const items = screen.getAllByTestId('request-item');
    expect(items.map((i) => i.getAttribute('data-id'))).toEqual([uuid(5), uuid(4), uuid(3), uuid(2)]);
    expect(items.map((i) => i.getAttribute('data-overdue'))).toEqual(['true', 'true', 'false', 'false']);
    expect(items[0].className).toContain('req-item--overdue');
    expect(within(items[0]).getByTestId('request-item-state').textContent).toBe('已转给村里');
    expect(screen.getByTestId('request-queue-summary').textContent).toBe('共 4 件，2 件已超时');
    expect(fakeApi.calls('GET', '/api/requests/queue')[0].query).toEqual({ state: 'open', limit: '50' });

    fireEvent.click(screen.getByTestId('request-queue-waiting'));
    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(1));
    expect(fakeApi.calls('GET', '/api/requests/queue')[1].query.state).toBe('waiting');

    fireEvent.click(screen.getAllByTestId('request-item')[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-request/detail/index?id=${uuid(4)}` });
  });

  test('finds a request by the 工单号 typed in, shows the number on each card, and goes back to the tab', async () => {
    const found = anItem(9, { ticket: 'Z250009', state: 'closed' });
    fakeApi.on('GET', '/api/requests/queue', (req) => ({ body: { items: req.query.q ? [found] : [anItem(2), anItem(3)] } }));
    render(<RequestQueuePage />);
    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(2));
    expect(screen.getAllByTestId('request-item-ticket').map((t) => t.textContent)).toEqual(['工单号 Z250002', '工单号 Z250003']);

    fireEvent.change(screen.getByTestId('request-queue-search-input'), { target: { value: ' 250009 ' } });
    fireEvent.click(screen.getByTestId('request-queue-search-go'));
    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(1));
    expect(fakeApi.calls('GET', '/api/requests/queue')[1].query).toEqual({ state: 'open', limit: '50', q: '250009' });
    expect(screen.getByTestId('request-queue-summary').textContent).toBe('工单号 Z250009');
    expect(screen.getByTestId('request-queue-tabs').getAttribute('data-value')).toBe('search');

    fireEvent.click(screen.getByTestId('request-queue-search-clear'));
    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(2));
    expect(fakeApi.calls('GET', '/api/requests/queue')[2].query).toEqual({ state: 'open', limit: '50' });
    expect(screen.getByTestId('request-queue-tabs').getAttribute('data-value')).toBe('open');
  });

  test('finds an 一键呼叫 by its S number and opens the call', async () => {
    const CALL = uuid(700);
    fakeApi
      .on('GET', '/api/requests/queue', { items: [anItem(2)] })
      .on('GET', '/api/sos/active', { items: [aCall({ id: CALL, state: 'resolved', caller: VILLAGER, mine: false })] });
    render(<RequestQueuePage />);
    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(1));
    fireEvent.change(screen.getByTestId('request-queue-search-input'), { target: { value: 's25-0007' } });
    fireEvent.click(screen.getByTestId('request-queue-search-go'));
    await waitFor(() => expect(screen.getAllByTestId('request-queue-sos')).toHaveLength(1));
    expect(fakeApi.calls('GET', '/api/sos/active')[0].query).toEqual({ q: 's25-0007' });
    expect(fakeApi.calls('GET', '/api/requests/queue')).toHaveLength(1);
    expect(screen.queryAllByTestId('request-item')).toHaveLength(0);
    expect(screen.getByTestId('request-queue-summary').textContent).toBe('工单号 S250007');
    fireEvent.click(screen.getByTestId('request-queue-sos'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-request/sos/index?id=${CALL}` });
  });
});

describe('我的事项', () => {
  test('lists my requests with their state and pages on with the cursor', async () => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-request/mine/index');
    fakeApi.on('GET', '/api/requests/mine', (req) =>
      req.query.cursor === 'c2'
        ? { body: { items: [anItem(8, { state: 'closed', rating: 5 })], nextCursor: null } }
        : { body: { items: [anItem(6, { state: 'resolved' }), anItem(7, { state: 'accepted', handler: HEAD })], nextCursor: 'c2' } },
    );
    render(<MyRequestsPage />);

    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(2));
    expect(screen.getAllByTestId('request-item-state').map((s) => s.textContent)).toEqual(['已办结待确认', '办理中']);

    fireEvent.click(screen.getByTestId('request-mine-more'));

    await waitFor(() => expect(screen.getAllByTestId('request-item')).toHaveLength(3));
    expect(fakeApi.calls('GET', '/api/requests/mine').map((r) => r.query)).toEqual([{ limit: '20' }, { limit: '20', cursor: 'c2' }]);
    expect(screen.queryByTestId('request-mine-more')).toBeNull();
  });
});
