import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../shared/errors';
import HomePage from '../../miniapp/src/pages/index/index';
import MePage from '../../miniapp/src/pages/me/index';
import SosPage from '../../miniapp/src/pkg-request/sos/index';
import { setPhoneCaller } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aCall, aMe, grants, IDS, UUID } from './fixtures';

const CALL = 'eeeeeeee-0000-4000-8000-000000000001';
const HEAD = { id: 'eeeeeeee-0000-4000-8000-000000000500', name: '张三', phone: '13900002222' };

/** 首页 also asks these; they do not matter here. */
function quietHome() {
  fakeApi
    .on('GET', '/api/inbox/unread-count', { unread: 0 })
    .on('GET', '/api/requests/queue', { items: [] })
    .on('GET', '/api/join-requests/mine', { items: [] })
    .on('GET', /^\/api\/courtyards\/.*\/join-requests$/, { items: [] })
    .on('GET', '/api/sos/active', { items: [] });
}

afterEach(() => {
  jest.useRealTimers();
  setPhoneCaller();
});

describe('首页 · 一键呼叫', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pages/index/index');
    quietHome();
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('the first tap only arms the button; the second raises the call with an Idempotency-Key and opens it', async () => {
    fakeApi.on('GET', '/api/sos/mine', { available: true, enabledByMe: false, call: null }).on('POST', '/api/sos', { status: 201, body: aCall() });
    render(<HomePage />);

    const button = await screen.findByTestId('home-sos');
    expect(button.textContent).toContain('一键呼叫');
    fireEvent.click(button);

    expect(button.getAttribute('data-armed')).toBe('true');
    expect(button.textContent).toContain('再按一次确认呼叫');
    expect(fakeApi.calls('POST', '/api/sos')).toHaveLength(0);

    fireEvent.click(button);

    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-request/sos/index?id=${CALL}` }));
    const raised = fakeApi.calls('POST', '/api/sos');
    expect(raised).toHaveLength(1);
    expect(raised[0].headers['Idempotency-Key']).toMatch(UUID);
    // the live call replaces the button
    expect((await screen.findByTestId('home-sos-live-status')).textContent).toBe('正在通知院长和联户党员');
    expect(screen.queryByTestId('home-sos')).toBeNull();
  });

  test('an armed button calms down after five seconds, and the next tap arms it again', async () => {
    jest.useFakeTimers();
    fakeApi.on('GET', '/api/sos/mine', { available: true, enabledByMe: true, call: null });
    render(<HomePage />);
    const button = await screen.findByTestId('home-sos');

    fireEvent.click(button);
    expect(button.getAttribute('data-armed')).toBe('true');
    act(() => jest.advanceTimersByTime(4900));
    expect(button.getAttribute('data-armed')).toBe('true');
    act(() => jest.advanceTimersByTime(200));
    expect(button.getAttribute('data-armed')).toBe('false');
    expect(button.textContent).toContain('一键呼叫');

    fireEvent.click(button);
    expect(button.getAttribute('data-armed')).toBe('true');
    expect(fakeApi.calls('POST', '/api/sos')).toHaveLength(0);
  });

  test('a refusal is shown in Chinese and the button stays', async () => {
    fakeApi
      .on('GET', '/api/sos/mine', { available: true, enabledByMe: false, call: null })
      .on('POST', '/api/sos', fakeApi.error('SOS_NO_COURTYARD', 409, ERRORS.SOS_NO_COURTYARD[1]));
    render(<HomePage />);
    const button = await screen.findByTestId('home-sos');

    fireEvent.click(button);
    fireEvent.click(button);

    const error = await screen.findByTestId('home-sos-error');
    expect(error.getAttribute('data-code')).toBe('SOS_NO_COURTYARD');
    expect(error.textContent).toBe('请先加入院落，一键呼叫才能通知到院长');
    expect(screen.getByTestId('home-sos').getAttribute('data-armed')).toBe('false');
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  test('no button for someone who has not got it; a call waiting on me shows as a banner', async () => {
    fakeApi
      .on('GET', '/api/sos/mine', { available: false, enabledByMe: false, call: null })
      .on('GET', '/api/sos/active', { items: [aCall({ mine: false, caller: { id: 'x', name: '赵奶奶' } })] });
    render(<HomePage />);

    const banner = await screen.findByTestId('home-sos-active');
    expect(banner.textContent).toContain('赵奶奶 一键呼叫求助');
    expect(banner.textContent).toContain('石坝村桂花院3号');
    expect(screen.queryByTestId('home-sos')).toBeNull();
    fireEvent.click(banner);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-request/sos/index?id=${CALL}` });
  });
  test('a head who also has the button keeps it on top; someone else’s call sits below it', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager, grants.head]))
      .on('GET', '/api/sos/mine', { available: true, enabledByMe: true, call: null })
      .on('GET', '/api/sos/active', { items: [aCall({ mine: false, caller: { id: 'x', name: '赵奶奶' } })] });
    render(<HomePage />);

    const banner = await screen.findByTestId('home-sos-active');
    const own = screen.getByTestId('home-sos');
    // the own button comes first in the page, the banner after it
    expect(own.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(own.contains(banner)).toBe(false);
  });
});

describe('the 一键呼叫 page', () => {
  const url = `/api/sos/${CALL}`;

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-request/sos/index', { id: CALL });
  });

  test('the caller sees who is coming, can ring them, and 取消（误触） ends the call after asking', async () => {
    const calls: string[] = [];
    setPhoneCaller(async (p) => void calls.push(p));
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', url, aCall({ state: 'acknowledged', responder: HEAD }))
      .on('POST', `${url}/cancel`, aCall({ state: 'cancelled', responder: HEAD, cancelReason: 'mistap', closedAt: '2025-11-20T02:03:00.000Z' }));
    render(<SosPage />);

    expect((await screen.findByTestId('sos-status-text')).textContent).toBe('张三正在赶来');
    fireEvent.click(screen.getByTestId('sos-responder-call'));
    expect(calls).toEqual(['13900002222']);
    expect(screen.getAllByTestId('sos-event')[0].textContent).toContain('发出呼叫');

    fireEvent.click(screen.getByTestId('sos-cancel'));

    await waitFor(() => expect(screen.getByTestId('sos-status').getAttribute('data-state')).toBe('cancelled'));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '取消呼叫' }));
    expect(fakeApi.calls('POST', `${url}/cancel`)[0].body).toEqual({ reason: 'mistap' });
    expect(screen.getByTestId('sos-status-text').textContent).toBe('呼叫已取消');
    expect(screen.queryByTestId('sos-cancel')).toBeNull();
  });

  test('while nobody has answered, the caller can ring those told, 110 and 120', async () => {
    const calls: string[] = [];
    setPhoneCaller(async (p) => void calls.push(p));
    fakeApi.on('GET', '/api/me', aMe([grants.villager])).on(
      'GET',
      url,
      aCall({
        contacts: [
          { ...HEAD, why: '院长' },
          { id: 'p2', name: '李四', phone: '13700003333', why: '联户党员' },
        ],
      }),
    );
    render(<SosPage />);

    const ring = await screen.findAllByTestId('sos-contact-call');
    expect(ring.map((b) => b.textContent)).toEqual(['打电话给院长 张三', '打电话给联户党员 李四']);
    fireEvent.click(ring[1]);
    fireEvent.click(screen.getByTestId('sos-call-110'));
    fireEvent.click(screen.getByTestId('sos-call-120'));
    expect(calls).toEqual(['13700003333', '110', '120']);
    expect(screen.getByTestId('sos-call-110').textContent).toContain('报警');
    expect(screen.getByTestId('sos-call-120').textContent).toContain('急救');
  });

  test('nothing is cancelled when the caller says 继续呼叫', async () => {
    fakeApi.on('GET', '/api/me', aMe([grants.villager])).on('GET', url, aCall({ step: 1, stepLabel: '村干部' }));
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' });
    render(<SosPage />);

    expect((await screen.findByTestId('sos-status-text')).textContent).toBe('还没有人响应，已通知村干部');
    fireEvent.click(screen.getByTestId('sos-cancel'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(fakeApi.calls('POST', `${url}/cancel`)).toHaveLength(0);
  });

  test('a responder sees the caller’s address and phone, says 我去, and then 已处理', async () => {
    const me = aMe([grants.head], {
      person: { id: HEAD.id, name: HEAD.name, phone: HEAD.phone, flags: { livesAlone: false, elderly: false, needsCare: false } },
    });
    const calls: string[] = [];
    setPhoneCaller(async (p) => void calls.push(p));
    fakeApi
      .on('GET', '/api/me', me)
      .on('GET', url, aCall({ mine: false }))
      .on('POST', `${url}/ack`, aCall({ mine: false, state: 'acknowledged', responder: HEAD }))
      .on('POST', `${url}/resolve`, aCall({ mine: false, state: 'resolved', responder: HEAD }));
    render(<SosPage />);

    const caller = await screen.findByTestId('sos-caller');
    expect(caller.textContent).toContain('王秀英');
    expect(within(caller).getByTestId('sos-address').textContent).toBe('地址：石坝村桂花院3号');
    fireEvent.click(within(caller).getByTestId('sos-call'));
    expect(calls).toEqual(['13800001111']);
    expect(screen.queryByTestId('sos-cancel')).toBeNull();
    expect(screen.queryByTestId('sos-resolve')).toBeNull();

    fireEvent.click(screen.getByTestId('sos-ack'));

    await waitFor(() => expect(screen.getByTestId('sos-status').getAttribute('data-state')).toBe('acknowledged'));
    expect(fakeApi.calls('POST', `${url}/ack`)[0].headers['Idempotency-Key']).toMatch(UUID);
    expect(screen.queryByTestId('sos-ack')).toBeNull();

    fireEvent.click(await screen.findByTestId('sos-resolve'));
    await waitFor(() => expect(screen.getByTestId('sos-status').getAttribute('data-state')).toBe('resolved'));
  });

  test('someone else answered first: the 409 is shown and the page shows who is coming', async () => {
    let call = aCall({ mine: false });
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', url, () => ({ body: call }))
      .on('POST', `${url}/ack`, () => {
        call = aCall({ mine: false, state: 'acknowledged', responder: { id: 'other', name: '李党员', phone: null } });
        return fakeApi.error('SOS_ALREADY_ACKNOWLEDGED', 409, ERRORS.SOS_ALREADY_ACKNOWLEDGED[1]);
      });
    render(<SosPage />);

    fireEvent.click(await screen.findByTestId('sos-ack'));

    expect((await screen.findByTestId('sos-error')).textContent).toBe('已有人响应这个呼叫');
    await waitFor(() => expect(screen.getByTestId('sos-status-text').textContent).toBe('李党员正在赶来'));
    expect(screen.queryByTestId('sos-resolve')).toBeNull(); // not mine to close
  });

  test('asks again every few seconds while the call is open', async () => {
    jest.useFakeTimers();
    let call = aCall();
    fakeApi.on('GET', '/api/me', aMe([grants.villager])).on('GET', url, () => ({ body: call }));
    render(<SosPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByTestId('sos-status-text').textContent).toBe('正在通知院长和联户党员');

    call = aCall({ state: 'acknowledged', responder: HEAD });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(4100);
    });
    expect(screen.getByTestId('sos-status-text').textContent).toBe('张三正在赶来');
  });
});

describe('我的 · 一键呼叫 switch', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pages/me/index');
    fakeApi.on('GET', '/api/inbox/unread-count', { unread: 0 });
  });

  test('turns the button on for anyone who asks', async () => {
    fakeApi
      .on('GET', '/api/me', aMe([grants.villager]))
      .on('GET', '/api/sos/mine', { available: false, enabledByMe: false, call: null })
      .on('PUT', '/api/me/sos', { available: true, enabledByMe: true });
    render(<MePage />);

    const toggle = await screen.findByTestId('me-sos-switch');
    await waitFor(() => expect(fakeApi.calls('GET', '/api/sos/mine')).toHaveLength(1));
    expect(toggle.getAttribute('data-checked')).toBe('false');

    fireEvent.click(toggle);

    await waitFor(() => expect(screen.getByTestId('me-sos-switch').getAttribute('data-checked')).toBe('true'));
    const [put] = fakeApi.calls('PUT', '/api/me/sos');
    expect(put.body).toEqual({ enabled: true });
    expect(put.headers['Idempotency-Key']).toMatch(UUID);
  });

  test('an elderly person living alone has it on and is told it cannot be turned off', async () => {
    fakeApi
      .on(
        'GET',
        '/api/me',
        aMe([grants.villager], { person: { id: IDS.person, name: '王秀英', phone: null, flags: { livesAlone: true, elderly: true, needsCare: false } } }),
      )
      .on('GET', '/api/sos/mine', { available: true, enabledByMe: false, call: null });
    render(<MePage />);

    const toggle = await screen.findByTestId('me-sos-switch');
    await waitFor(() => expect(fakeApi.calls('GET', '/api/sos/mine')).toHaveLength(1));
    expect(toggle.getAttribute('data-checked')).toBe('true');
    const note = screen.getByTestId('me-sos-note');
    expect(note.getAttribute('data-forced')).toBe('true');
    expect(note.textContent).toContain('您登记为独居老人、高龄老人');
    expect(note.textContent).toContain('不能关闭');

    fireEvent.click(toggle);

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalled());
    expect(fakeApi.calls('PUT', '/api/me/sos')).toHaveLength(0);
    expect(toggle.getAttribute('data-checked')).toBe('true');
  });
});
