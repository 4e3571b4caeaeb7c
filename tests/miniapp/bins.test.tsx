import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../shared/errors';
import BinScanPage from '../../miniapp/src/pkg-scan/bin/index';
import CleanerTasksPage from '../../miniapp/src/pkg-clean/tasks/index';
import { BinReportCard } from '../../miniapp/src/components/bin-cards';
import { pendingEntries, stopOutbox } from '../../miniapp/src/lib/outbox';
import { setPlatform, type Platform } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS, UUID } from './fixtures';

const CODE = 'ABCDEFGH2345';
const OTHER = 'ZZZZ22223333';
const binUrl = `/api/bins/${CODE}`;
const reportUrl = `/api/bins/${CODE}/report`;

const binView = (open: { reporters: number } | null = null, reportedByMe = false, mine: { last: string; next: string | null } | null = null) => ({
  bin: { id: 'b1', label: '03号桶', village: { id: IDS.village, name: '石坝村' }, courtyard: { id: IDS.courtyard, name: '桂花院' } },
  openReport: open ? { id: 'r1', reporters: open.reporters, openedAt: '2025-11-20T02:00:00.000Z', kind: 'full' } : null,
  reportedByMe,
  myLastReportAt: mine?.last ?? null,
  myNextReportAt: mine?.next ?? null,
});
const report = (reporters: number, joined: boolean) => ({
  report: { id: 'r1', bin: { id: 'b1', label: '03号桶' }, state: 'open', kind: 'full', reporters, openedAt: '2025-11-20T02:00:00.000Z', closedAt: null },
  joined,
});

/** A host with a camera: each scan answers the next text in `results`. */
function scanner(...results: string[]): Platform {
  return {
    canWechatLogin: true,
    canScan: true,
    canSubscribe: true,
    login: async () => ({ code: 'c' }),
    scanCode: async () => ({ result: results.shift() ?? '' }),
    requestSubscribeMessage: async () => ({}),
  };
}

afterEach(() => stopOutbox());

describe('the scan page', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    // a mini-program code opens the page with the scene still URL-encoded
    fakeTaro.setRoute('/pkg-scan/bin/index', { scene: 'b%3DABCDEFGH2345' });
  });

  test('shows the bin from the QR scene and, for the first report, says the cleaner was told', async () => {
    fakeApi.on('GET', binUrl, binView()).on('POST', reportUrl, { status: 201, body: report(1, false) });
    render(<BinScanPage />);

    expect((await screen.findByTestId('bin-place')).textContent).toBe('石坝村 · 桂花院');
    expect(screen.getByTestId('bin-label').textContent).toBe('03号桶');
    expect(screen.queryByTestId('bin-open')).toBeNull();

    fireEvent.click(screen.getByTestId('bin-kind-overflow'));
    fireEvent.click(screen.getByTestId('bin-report'));

    const result = await screen.findByTestId('bin-report-result');
    expect(result.getAttribute('data-outcome')).toBe('new');
    expect(result.textContent).toContain('已通知保洁员');
    const [sent] = fakeApi.calls('POST', reportUrl);
    expect(sent.body).toEqual({ kind: 'overflow' });
    expect(sent.headers['Idempotency-Key']).toMatch(UUID);
    expect(screen.queryByTestId('bin-report')).toBeNull(); // done: no second tap offered
  });

  test('shows how many already reported and, on joining, that the report was seconded', async () => {
    let view = binView({ reporters: 2 });
    fakeApi
      .on('GET', binUrl, () => ({ body: view }))
      .on('POST', reportUrl, () => {
        view = binView({ reporters: 3 }, true);
        return { status: 200, body: report(3, true) };
      });
    render(<BinScanPage />);

    const open = await screen.findByTestId('bin-open');
    expect(open.textContent).toContain('已有 2 人报告已满');
    expect(open.getAttribute('data-mine')).toBe('false');

    fireEvent.click(screen.getByTestId('bin-report'));

    const result = await screen.findByTestId('bin-report-result');
    expect(result.getAttribute('data-outcome')).toBe('joined');
    expect(result.textContent).toContain('已有人报告，已记下您也遇到了');
    // the page reloads the bin: now it counts me
    await waitFor(() => expect(screen.getByTestId('bin-open').textContent).toContain('已有 3 人报告已满'));
    expect(screen.getByTestId('bin-reported-by-me').textContent).toContain('您已报告');
  });

  test('keeps a report that could not be sent and says it will go out by itself', async () => {
    fakeApi.on('GET', binUrl, binView()).on('POST', reportUrl, () => {
      throw new Error('request:fail timeout');
    });
    render(<BinScanPage />);
    await screen.findByTestId('bin-place');

    fireEvent.click(screen.getByTestId('bin-report'));

    const result = await screen.findByTestId('bin-report-result');
    expect(result.getAttribute('data-outcome')).toBe('queued');
    expect(result.textContent).toContain('已保存，联网后自动上报');
    expect(pendingEntries()).toEqual([expect.objectContaining({ path: reportUrl, label: '03号桶 · 满了' })]);
    expect(screen.getByTestId('bin-report-retry')).toBeTruthy();
  });

  test('can report even when the bin itself did not load on a bad network', async () => {
    fakeApi
      .on('GET', binUrl, () => {
        throw new Error('request:fail timeout');
      })
      .on('POST', reportUrl, { status: 201, body: report(1, false) });
    render(<BinScanPage />);

    await screen.findByTestId('bin-offline');
    fireEvent.click(screen.getByTestId('bin-report'));

    expect((await screen.findByTestId('bin-report-result')).getAttribute('data-outcome')).toBe('new');
  });

  test('shows the message of a final refusal and keeps nothing', async () => {
    fakeApi.on('GET', binUrl, binView({ reporters: 1 }, true)).on('POST', reportUrl, fakeApi.error('REPORT_TOO_SOON', 429, ERRORS.REPORT_TOO_SOON[1]));
    render(<BinScanPage />);
    await screen.findByTestId('bin-reported-by-me');

    fireEvent.click(screen.getByTestId('bin-report'));

    const error = await screen.findByTestId('bin-report-error');
    expect(error.getAttribute('data-code')).toBe('REPORT_TOO_SOON');
    expect(error.textContent).toContain('您刚刚报告过这个垃圾桶');
    expect(pendingEntries()).toEqual([]);
    expect(screen.queryByTestId('bin-report-result')).toBeNull();
  });

  test('on a bin I reported minutes ago shows 您已报告 with the time and when I may report again, and no button that would be refused', async () => {
    const last = new Date(Date.now() - 5 * 60e3);
    const next = new Date(last.getTime() + 30 * 60e3);
    fakeApi.on('GET', binUrl, binView({ reporters: 1 }, true, { last: last.toISOString(), next: next.toISOString() }));
    render(<BinScanPage />);

    const wait = await screen.findByTestId('bin-report-wait');
    expect(wait.textContent).toContain('您已报告');
    const hm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    expect(screen.getByTestId('bin-reported-at').textContent).toContain(hm(last));
    expect(screen.getByTestId('bin-next-report').textContent).toBe(`${new Date(next).getMonth() + 1}月${next.getDate()}日 ${hm(next)} 以后可以再次报告`);
    expect(screen.queryByTestId('bin-report')).toBeNull();
    expect(screen.queryByTestId('bin-kind-full')).toBeNull();
    expect(fakeApi.calls('POST', reportUrl)).toHaveLength(0);
  });

  test('offers the button again once the window has passed, even on a report I joined', async () => {
    fakeApi.on('GET', binUrl, binView({ reporters: 2 }, true, { last: new Date(Date.now() - 40 * 60e3).toISOString(), next: null }));
    render(<BinScanPage />);

    expect((await screen.findByTestId('bin-reported-by-me')).textContent).toContain('您已报告');
    expect(screen.queryByTestId('bin-report-wait')).toBeNull();
    expect(screen.getByTestId('bin-report')).toBeTruthy();
  });

  test('says so when the code belongs to no bin', async () => {
    fakeApi.on('GET', binUrl, fakeApi.error('BIN_NOT_FOUND', 404, ERRORS.BIN_NOT_FOUND[1]));
    render(<BinScanPage />);

    expect((await screen.findByTestId('bin-load-error')).getAttribute('data-code')).toBe('BIN_NOT_FOUND');
    expect(screen.queryByTestId('bin-report')).toBeNull();
  });

  test('sends someone without a session to sign in and back to this bin', async () => {
    fakeTaro.storage.delete('xyj.token');
    render(<BinScanPage />);

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalled());
    const url = (Taro.reLaunch as jest.Mock).mock.calls[0][0].url as string;
    expect(url.startsWith('/pages/login/index?redirect=')).toBe(true);
    expect(decodeURIComponent(url.split('redirect=')[1])).toBe(`/pkg-scan/bin/index?code=${CODE}`);
    expect(fakeApi.calls('GET', binUrl)).toHaveLength(0);
  });
});

describe('the 扫码报满 card on 首页', () => {
  test('opens the scan page for the bin it scanned, from a mini-program code path too', async () => {
    setPlatform(scanner(`pkg-scan/bin/index?scene=b%3D${CODE}`));
    render(<BinReportCard />);
    fireEvent.click(screen.getByTestId('home-bin-report'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-scan/bin/index?code=${CODE}` }));
  });

  test('does not open anything for a QR that is not a bin', async () => {
    setPlatform(scanner('j=ABCD234567'));
    render(<BinReportCard />);
    fireEvent.click(screen.getByTestId('home-bin-report'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '这不是垃圾桶上的二维码' })));
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('the cleaner’s task page', () => {
  const stop = (order: number, reportId: string, label: string, lat: number, lng: number) => ({
    order,
    reportId,
    bin: { id: `bin-${order}`, label, lat, lng, courtyard: '桂花院' },
    kind: 'full',
    reporters: order,
    openedAt: '2025-11-20T02:00:00.000Z',
    legMeters: 120 * order,
  });
  const R1 = 'aaaaaaaa-0000-4000-8000-000000000001';
  const R2 = 'aaaaaaaa-0000-4000-8000-000000000002';
  const R3 = 'aaaaaaaa-0000-4000-8000-000000000003';

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-clean/tasks/index');
    fakeApi.on('GET', '/api/me', aMe([grants.cleaner]));
  });

  test('lists the stops in the order the route planner gave, with a map and the total distance', async () => {
    // the server's route order, deliberately not the order of labels or coordinates
    fakeApi.on('GET', '/api/cleaner/tasks', {
      start: { lat: 29.5612, lng: 106.4621, from: 'depot' },
      stops: [stop(1, R2, '17号桶', 29.562, 106.46), stop(2, R1, '03号桶', 29.565, 106.465), stop(3, R3, '41号桶', 29.559, 106.47)],
      totalMeters: 1830,
    });
    render(<CleanerTasksPage />);

    const stops = await screen.findAllByTestId('task-stop');
    expect(stops.map((s) => s.getAttribute('data-label'))).toEqual(['17号桶', '03号桶', '41号桶']);
    expect(stops.map((s) => s.getAttribute('data-order'))).toEqual(['1', '2', '3']);
    expect(stops[0].textContent).toContain('1 人报满');
    expect(stops[0].textContent).toContain('距出发点 120 米');
    expect(stops[1].textContent).toContain('距上一站 240 米');
    expect(screen.getByTestId('tasks-summary').textContent).toBe('3 个桶待清运 · 全程约 1.8 公里 · 从村里的收集点出发');
    const map = screen.getByTestId('route-map');
    expect(map.getAttribute('data-stops')).toBe('3');
    const src = map.querySelector('img')!.getAttribute('src')!;
    expect(src.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(src.split(',')[1], 'base64').toString('utf8');
    expect(svg).toContain('<polyline');
    expect(svg.match(/<circle/g)).toHaveLength(3);
    // no device position in jsdom: the server starts at the depot
    expect(fakeApi.calls('GET', '/api/cleaner/tasks')[0].query).toEqual({});
  });

  test('confirms a stop with the scanned code and shows WRONG_BIN’s message when another bin was scanned', async () => {
    let open = [stop(1, R1, '03号桶', 29.562, 106.46)];
    fakeApi
      .on('GET', '/api/cleaner/tasks', () => ({ body: { start: { lat: 29.5612, lng: 106.4621, from: 'depot' }, stops: open, totalMeters: 120 } }))
      .on('POST', `/api/bin-reports/${R1}/clean`, (req) => {
        if ((req.body as { code: string }).code !== CODE) return fakeApi.error('WRONG_BIN', 409, ERRORS.WRONG_BIN[1]);
        open = [];
        return { body: { ...report(1, false).report, state: 'cleaned', closedAt: '2025-11-20T03:00:00.000Z' } };
      });
    // first the wrong bin's sticker (the H5 link form), then the right one (a mini-program code's scene)
    setPlatform(scanner(`https://xyj.example.cn/#/pkg-scan/bin/index?scene=b%3D${OTHER}`, `b=${CODE}`));
    render(<CleanerTasksPage />);

    const card = await screen.findByTestId('task-stop');
    fireEvent.click(within(card).getByTestId('task-clean'));

    const error = await within(card).findByTestId('task-error');
    expect(error.getAttribute('data-code')).toBe('WRONG_BIN');
    expect(error.textContent).toContain('扫描的不是这个垃圾桶');
    const [wrong] = fakeApi.calls('POST', `/api/bin-reports/${R1}/clean`);
    expect(wrong.body).toEqual({ code: OTHER });

    fireEvent.click(within(card).getByTestId('task-clean'));

    await screen.findByTestId('tasks-empty');
    const calls = fakeApi.calls('POST', `/api/bin-reports/${R1}/clean`);
    expect(calls[1].body).toEqual({ code: CODE });
    // a refusal is final: the corrected attempt is a new action with a new key
    expect(calls[1].headers['Idempotency-Key']).not.toBe(calls[0].headers['Idempotency-Key']);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认清运' }));
  });
});
