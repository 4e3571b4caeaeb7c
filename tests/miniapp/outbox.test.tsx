import { flushOutbox, onOutbox, pendingEntries, sendThroughOutbox, stopOutbox, type TOutboxEvent } from '../../miniapp/src/lib/outbox';
import { fakeApi, fakeTaro } from './mocks/taro';
import { UUID } from './fixtures';

const PATH = '/api/bins/ABCDEFGH2345/report';
const answer = (joined: boolean) => ({
  report: {
    id: 'r1',
    bin: { id: 'b1', label: '03号桶' },
    state: 'open',
    kind: 'full',
    reporters: joined ? 2 : 1,
    openedAt: '2025-11-20T02:00:00.000Z',
    closedAt: null,
  },
  joined,
});

/** The network as a switch: down → Taro.request fails with no answer at all. */
function network() {
  const state = { up: false, status: 201 as number, body: answer(false) as unknown };
  fakeApi.on('POST', PATH, () => {
    if (!state.up) throw new Error('request:fail timeout');
    return { status: state.status, body: state.body };
  });
  return state;
}

describe('the offline outbox', () => {
  beforeEach(() => {
    fakeTaro.signIn();
  });
  afterEach(() => stopOutbox());

  test('keeps a report that got no answer and resends it later with the same Idempotency-Key', async () => {
    const net = network();
    const events: TOutboxEvent[] = [];
    onOutbox((e) => events.push(e));

    const first = await sendThroughOutbox(PATH, { kind: 'overflow' }, '03号桶 · 溢出');

    expect(first.status).toBe('kept');
    const kept = pendingEntries();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ path: PATH, body: { kind: 'overflow' }, label: '03号桶 · 溢出', attempts: 1 });
    expect(kept[0].key).toMatch(UUID);
    // it survives in device storage, not just in memory
    expect(fakeTaro.storage.get('xyj.outbox')).toEqual(kept);

    await flushOutbox(); // still offline: kept, tried again
    expect(pendingEntries()[0].attempts).toBe(2);

    net.up = true;
    await flushOutbox();

    const sent = fakeApi.calls('POST', PATH);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers['Idempotency-Key']))).toEqual(new Set([kept[0].key]));
    expect(sent.every((r) => JSON.stringify(r.body) === JSON.stringify({ kind: 'overflow' }))).toBe(true);
    expect(pendingEntries()).toEqual([]);
    expect(fakeTaro.storage.has('xyj.outbox')).toBe(false);
    expect(events.map((e) => e.type)).toEqual(['kept', 'sent']);
  });

  test('keeps a report the server failed on (5xx) and drops one it refused (4xx), passing the refusal on', async () => {
    const net = network();
    net.up = true;
    net.status = 503;
    net.body = { error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用', requestId: 't' } };
    await expect(sendThroughOutbox(PATH, { kind: 'full' }, '03号桶')).resolves.toMatchObject({ status: 'kept' });
    expect(pendingEntries()).toHaveLength(1);

    net.status = 429;
    net.body = { error: { code: 'REPORT_TOO_SOON', message: '您刚刚报告过这个垃圾桶，保洁员已收到，请稍后再试', requestId: 't' } };
    const events: TOutboxEvent[] = [];
    onOutbox((e) => events.push(e));
    await flushOutbox();

    expect(pendingEntries()).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('refused');
    expect(events[0].type === 'refused' && events[0].error.code).toBe('REPORT_TOO_SOON');

    // a direct send that is refused rejects with the server's error and keeps nothing
    await expect(sendThroughOutbox(PATH, { kind: 'full' }, '03号桶')).rejects.toMatchObject({ code: 'REPORT_TOO_SOON' });
    expect(pendingEntries()).toEqual([]);
  });

  test('a second tap while a report is kept resends that report rather than making another', async () => {
    const net = network();
    await sendThroughOutbox(PATH, { kind: 'full' }, '03号桶');
    const key = pendingEntries()[0].key;

    net.up = true;
    net.status = 200;
    net.body = answer(true);
    const again = await sendThroughOutbox(PATH, { kind: 'smell' }, '03号桶 · 异味');

    expect(again.status).toBe('sent');
    const calls = fakeApi.calls('POST', PATH);
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual([key, key]);
    expect(calls[1].body).toEqual({ kind: 'full' }); // the same request as the first: a retry, not a new report
    expect(pendingEntries()).toEqual([]);
  });

  test('waits for a session before sending what it kept', async () => {
    const net = network();
    await sendThroughOutbox(PATH, { kind: 'full' }, '03号桶');
    fakeTaro.storage.delete('xyj.token');
    net.up = true;

    await flushOutbox();
    expect(fakeApi.calls('POST', PATH)).toHaveLength(1);
    expect(pendingEntries()).toHaveLength(1);

    fakeTaro.signIn();
    await flushOutbox();
    expect(fakeApi.calls('POST', PATH)).toHaveLength(2);
    expect(pendingEntries()).toEqual([]);
  });

  test('tries again by itself on a timer, backing off while the network stays down', async () => {
    jest.useFakeTimers();
    try {
      const net = network();
      await sendThroughOutbox(PATH, { kind: 'full' }, '03号桶');
      expect(fakeApi.calls('POST', PATH)).toHaveLength(1);

      await jest.advanceTimersByTimeAsync(10_000); // first retry after 10 s: still down
      expect(fakeApi.calls('POST', PATH)).toHaveLength(2);
      await jest.advanceTimersByTimeAsync(10_000); // the next wait is longer (30 s)
      expect(fakeApi.calls('POST', PATH)).toHaveLength(2);

      net.up = true;
      await jest.advanceTimersByTimeAsync(20_000);
      const calls = fakeApi.calls('POST', PATH);
      expect(calls).toHaveLength(3);
      expect(new Set(calls.map((c) => c.headers['Idempotency-Key'])).size).toBe(1);
      expect(pendingEntries()).toEqual([]);

      await jest.advanceTimersByTimeAsync(600_000); // nothing kept: no more attempts
      expect(fakeApi.calls('POST', PATH)).toHaveLength(3);
    } finally {
      jest.useRealTimers();
    }
  });

  test('sends what it kept oldest first and stops at the first that still gets no answer', async () => {
    const OTHER = '/api/bins/ZZZZ22223333/report';
    let up = false;
    const down = () => {
      if (!up) throw new Error('request:fail');
      return { status: 201, body: answer(false) };
    };
    fakeApi.on('POST', PATH, down).on('POST', OTHER, down);
    await sendThroughOutbox(PATH, { kind: 'full' }, '03号桶');
    await sendThroughOutbox(OTHER, { kind: 'full' }, '17号桶');
    expect(pendingEntries().map((e) => e.label)).toEqual(['03号桶', '17号桶']);

    fakeApi.requests.length = 0;
    await flushOutbox(); // still down: one attempt, not one per kept report
    expect(fakeApi.requests.map((r) => r.path)).toEqual([PATH]);
    expect(pendingEntries().map((e) => e.label)).toEqual(['03号桶', '17号桶']);

    up = true;
    fakeApi.requests.length = 0;
    await flushOutbox();
    expect(fakeApi.requests.map((r) => r.path)).toEqual([PATH, OTHER]);
    expect(pendingEntries()).toEqual([]);
  });
});
