import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../shared/errors';
import BinEditPage from '../../miniapp/src/pkg-admin/bins-edit/index';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS } from './fixtures';

const CODE = 'ABCDEFGH2345';
const v = (path: string) => `/api/villages/${IDS.village}/${path}`;
const id = (n: number) => `dddddddd-0000-4000-8000-00000000000${n}`;
const GUIHUA = { id: IDS.courtyard, name: '桂花院' };
const HEHUA = { id: id(9), name: '荷花院' }; // no bin is in it yet: only the courtyards list knows it
const cleaner = (n: number, name: string, phone: string | null = `1380000000${n}`) => ({ id: id(n), name, phone });

const bin = (overrides = {}) => ({
  id: 'b1',
  label: '03号桶',
  code: CODE,
  state: 'active',
  lat: 29.5612,
  lng: 106.4621,
  courtyard: GUIHUA,
  cleaners: [{ id: id(1), name: '李师傅' }],
  scene: `b=${CODE}`,
  h5Url: `https://x.cn/#/pkg-scan/bin/index?scene=b%3D${CODE}`,
  ...overrides,
});

function village(items = [bin()]) {
  fakeApi
    .on('GET', '/api/me', aMe([grants.cadre]))
    .on('GET', v('bins'), { village: { id: IDS.village, name: '石坝村' }, items })
    .on('GET', v('courtyards'), { items: [GUIHUA, HEHUA] })
    .on('GET', v('cleaners'), { items: [cleaner(1, '李师傅'), cleaner(2, '王师傅'), cleaner(3, '王师傅', null)] });
}

const typeInto = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the bin edit page', () => {
  beforeEach(() => {
    fakeTaro.signIn();
  });

  test('offers every courtyard and cleaner of the village, and saves only the assignment that changed', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-edit/index', { code: CODE });
    village();
    fakeApi.on('PATCH', `/api/bins/${CODE}`, (req) => ({ body: bin({ courtyard: HEHUA, cleaners: [], ...(req.body as object) }) }));
    render(<BinEditPage />);

    const hehua = await screen.findByTestId(`bin-edit-courtyard-${HEHUA.id}`);
    expect(hehua.textContent).toBe('荷花院');
    expect(screen.getByTestId(`bin-edit-courtyard-${GUIHUA.id}`).getAttribute('data-on')).toBe('true');
    // the form is filled from the bin; its cleaner is ticked, namesakes are told apart by phone
    await waitFor(() => expect(screen.getByTestId(`bin-edit-cleaner-${id(1)}`).getAttribute('data-checked')).toBe('true'));
    expect(screen.getByTestId(`bin-edit-cleaner-${id(2)}`).textContent).toBe('王师傅 · 尾号0002');
    expect(screen.getByTestId(`bin-edit-cleaner-${id(3)}`).textContent).toBe('王师傅');
    expect(fakeApi.calls('GET', v('courtyards'))).toHaveLength(1);
    expect(fakeApi.calls('GET', v('cleaners'))).toHaveLength(1);

    fireEvent.click(hehua);
    fireEvent.click(screen.getByTestId(`bin-edit-cleaner-${id(1)}`));
    fireEvent.click(screen.getByTestId(`bin-edit-cleaner-${id(2)}`));
    fireEvent.click(screen.getByTestId('bin-edit-save'));

    await waitFor(() => expect(fakeApi.calls('PATCH', `/api/bins/${CODE}`)).toHaveLength(1));
    expect(fakeApi.calls('PATCH', `/api/bins/${CODE}`)[0].body).toEqual({ courtyardId: HEHUA.id, cleanerIds: [id(2)] });
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })));
  });

  test('adds a new bin with a courtyard and cleaners picked from the lists', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-edit/index');
    village([]);
    fakeApi.on('POST', v('bins'), { status: 201, body: bin() });
    render(<BinEditPage />);

    fireEvent.click(await screen.findByTestId(`bin-edit-courtyard-${HEHUA.id}`));
    fireEvent.click(screen.getByTestId(`bin-edit-cleaner-${id(3)}`));
    fireEvent.click(screen.getByTestId(`bin-edit-cleaner-${id(1)}`));
    typeInto('bin-edit-label', '67号桶');
    typeInto('bin-edit-lat', '29.5601');
    typeInto('bin-edit-lng', '106.4611');
    fireEvent.click(screen.getByTestId('bin-edit-save'));

    await waitFor(() => expect(fakeApi.calls('POST', v('bins'))).toHaveLength(1));
    expect(fakeApi.calls('POST', v('bins'))[0].body).toEqual({
      label: '67号桶',
      lat: 29.5601,
      lng: 106.4611,
      courtyardId: HEHUA.id,
      cleanerIds: [id(3), id(1)],
    });
  });

  test('allows at most five cleaners on a bin', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-edit/index');
    village([]);
    fakeApi.on('GET', v('cleaners'), { items: [1, 2, 3, 4, 5, 6].map((n) => cleaner(n, `保洁员${n}`)) });
    render(<BinEditPage />);
    await screen.findByTestId(`bin-edit-cleaner-${id(6)}`);

    for (const n of [1, 2, 3, 4, 5, 6]) fireEvent.click(screen.getByTestId(`bin-edit-cleaner-${id(n)}`));

    expect(screen.getByTestId(`bin-edit-cleaner-${id(6)}`).getAttribute('data-checked')).toBe('false');
    expect(screen.getByTestId('bin-edit-error').textContent).toContain('一个桶最多 5 位保洁员');
  });

  test('says so when the village has no cleaners yet', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-edit/index');
    village([]);
    fakeApi.on('GET', v('cleaners'), { items: [] });
    render(<BinEditPage />);

    expect((await screen.findByTestId('bin-edit-no-cleaners')).textContent).toContain('本村还没有保洁员');
  });

  test('shows why the lists did not load and loads them again on request', async () => {
    fakeTaro.setRoute('/pkg-admin/bins-edit/index');
    village([]);
    let fail = true;
    fakeApi.on('GET', v('courtyards'), () => (fail ? fakeApi.error('INTERNAL', 500, ERRORS.INTERNAL[1]) : { body: { items: [GUIHUA, HEHUA] } }));
    render(<BinEditPage />);

    expect((await screen.findByTestId('bin-edit-choices-error')).textContent).toContain('系统繁忙');
    fail = false;
    fireEvent.click(screen.getByTestId('bin-edit-choices-retry'));

    await screen.findByTestId(`bin-edit-courtyard-${HEHUA.id}`);
    expect(screen.queryByTestId('bin-edit-choices-error')).toBeNull();
  });
});
