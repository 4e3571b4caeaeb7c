import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '../../miniapp/src/pages/me/index';
import ConsentPage from '../../miniapp/src/pkg-privacy/consent/index';
import DeletionsPage from '../../miniapp/src/pkg-admin/deletions/index';
import { LEGAL_VERSION } from '../../shared/domain/privacy';
import Taro, { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS } from './fixtures';

const old = { current: LEGAL_VERSION, agreedVersion: '2020-01-01', agreedAt: '2020-01-01T00:00:00.000Z', agreed: false };

describe('协议更新, 我的数据 and 注销申请', () => {
  beforeEach(() => fakeTaro.signIn());

  test('a person who agreed to an older version is sent to 协议更新 before going on', async () => {
    fakeTaro.setRoute('/pages/me/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager], { consent: old }));
    render(<MePage />);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pkg-privacy/consent/index' }));
    expect(screen.queryByTestId('me-person')).toBeNull();
  });

  test('协议更新 refuses without the tick, then records the version in force and goes on', async () => {
    fakeTaro.setRoute('/pkg-privacy/consent/index', { redirect: encodeURIComponent('/pkg-request/mine/index') });
    fakeApi.on('POST', '/api/me/consent', { ...old, agreedVersion: LEGAL_VERSION, agreed: true });
    render(<ConsentPage />);
    fireEvent.click(screen.getByTestId('consent-agree'));
    expect((await screen.findByTestId('consent-error')).getAttribute('data-code')).toBe('CONSENT_REQUIRED');
    expect(fakeApi.calls('POST', '/api/me/consent')).toEqual([]);
    fireEvent.click(screen.getByTestId('consent-check-box'));
    fireEvent.click(screen.getByTestId('consent-agree'));
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pkg-request/mine/index' }));
    expect(fakeApi.calls('POST', '/api/me/consent')[0].body).toEqual({ version: LEGAL_VERSION });
  });

  test('我的 shows 我的数据 to everyone and 注销申请 to cadres only', async () => {
    fakeTaro.setRoute('/pages/me/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
    const { unmount } = render(<MePage />);
    await screen.findByTestId('me-my-data');
    expect(screen.queryByTestId('me-deletions')).toBeNull();
    unmount();
    fakeApi.on('GET', '/api/me', aMe([grants.cadre]));
    render(<MePage />);
    fireEvent.click(await screen.findByTestId('me-deletions'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-admin/deletions/index' });
  });

  test('a cadre confirms a deletion request and the list reloads', async () => {
    const id = 'dddddddd-0000-4000-8000-000000000001';
    const url = `/api/villages/${IDS.village}/deletion-requests`;
    fakeTaro.setRoute('/pkg-admin/deletions/index');
    fakeApi
      .on('GET', '/api/me', aMe([grants.cadre]))
      .on('GET', url, { items: [{ id, name: '赵注销', requestedAt: '2026-12-01T02:00:00.000Z' }] })
      .on('POST', `${url}/${id}/confirm`, () => {
        fakeApi.on('GET', url, { items: [] });
        return { body: { id, state: 'confirmed', requestedAt: '2026-12-01T02:00:00.000Z', decidedAt: '2026-12-01T03:00:00.000Z' } };
      });
    render(<DeletionsPage />);
    expect((await screen.findByTestId('deletion-item')).textContent).toContain('赵注销');
    fireEvent.click(screen.getByTestId('deletion-confirm'));
    await screen.findByTestId('deletions-empty');
    expect(fakeApi.calls('POST', `${url}/${id}/confirm`)).toHaveLength(1);
  });
});
