import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import BinStatsPage from '../../miniapp/src/pkg-admin/bins-stats/index';
import RequestStatsPage from '../../miniapp/src/pkg-request/stats/index';
import { fakeApi, fakeTaro, type TFakeAnswer } from './mocks/taro';
import { aMe, grants, IDS } from './fixtures';

const binStats = (reports: number) => ({
  days: 30,
  village: { reports, cleaned: reports, falseReports: 0, falseRate: 0, medianMinutesToClean: 42 },
  bins: [],
  distance: { days: 0, visitAllMeters: 0, routedMeters: 0, savedPercent: 0 },
});

const figures = (open: number) => ({
  total: open + 2,
  open,
  overdue: 0,
  escalated: 0,
  resolved: 2,
  resolutionRate: 0.5,
  medianHoursToAccept: 1,
  medianHoursToResolve: 5,
  satisfaction: null,
  ratings: 0,
});

beforeEach(() => {
  fakeTaro.signIn();
  fakeApi.on('GET', '/api/me', aMe([grants.cadre]));
});

describe('爱环境统计', () => {
  const url = `/api/villages/${IDS.village}/bin-stats`;

  test('shows the village’s figures and asks again for another period', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-stats/index');
    fakeApi.on('GET', url, (req) => ({ body: binStats(Number(req.query.days)) }));
    render(<BinStatsPage />);

    await waitFor(() => expect(screen.getByTestId('bin-stats-reports').textContent).toBe('30 次'));
    fireEvent.click(screen.getByTestId('bin-stats-days-7'));
    await waitFor(() => expect(screen.getByTestId('bin-stats-reports').textContent).toBe('7 次'));
    expect(fakeApi.calls('GET', url).map((c) => c.query.days)).toEqual(['30', '7']);
  });

  test('keeps the newest period’s figures when an older answer comes late', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-stats/index');
    let releaseFirst: (a: TFakeAnswer) => void = () => {};
    fakeApi.on('GET', url, (req) =>
      req.query.days === '30' ? new Promise<TFakeAnswer>((r) => (releaseFirst = r)) : { body: binStats(Number(req.query.days)) },
    );
    render(<BinStatsPage />);

    await waitFor(() => expect(fakeApi.calls('GET', url)).toHaveLength(1));
    fireEvent.click(screen.getByTestId('bin-stats-days-90'));
    await waitFor(() => expect(screen.getByTestId('bin-stats-reports').textContent).toBe('90 次'));
    await act(async () => releaseFirst({ body: binStats(30) }));
    expect(screen.getByTestId('bin-stats-reports').textContent).toBe('90 次');
  });

  test('pull-down reads the person and the figures again', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-stats/index');
    let reports = 3;
    fakeApi.on('GET', url, () => ({ body: binStats(reports) }));
    render(<BinStatsPage />);
    await waitFor(() => expect(screen.getByTestId('bin-stats-reports').textContent).toBe('3 次'));

    reports = 4;
    const me = fakeApi.calls('GET', '/api/me').length;
    await fakeTaro.pullDown();
    await waitFor(() => expect(screen.getByTestId('bin-stats-reports').textContent).toBe('4 次'));
    expect(fakeApi.calls('GET', '/api/me').length).toBeGreaterThan(me);
  });
});

describe('找院长统计', () => {
  test('a cadre sees the village by courtyard and another period on a tap', async () => {
    const url = `/api/villages/${IDS.village}/request-stats`;
    fakeTaro.setRoute('/pkg-request/stats/index', { villageId: IDS.village });
    fakeApi.on('GET', url, (req) => ({
      body: { days: Number(req.query.days), village: figures(Number(req.query.days)), courtyards: [{ id: IDS.courtyard, name: '一号院', ...figures(1) }] },
    }));
    render(<RequestStatsPage />);

    await waitFor(() => expect(screen.getByTestId('request-stats-open').textContent).toBe('30 件'));
    expect(screen.getByTestId('request-stats-row').getAttribute('data-name')).toBe('一号院');
    fireEvent.click(screen.getByTestId('request-stats-days-7'));
    await waitFor(() => expect(screen.getByTestId('request-stats-open').textContent).toBe('7 件'));
    expect(fakeApi.calls('GET', url).map((c) => c.query.days)).toEqual(['30', '7']);
  });
});
