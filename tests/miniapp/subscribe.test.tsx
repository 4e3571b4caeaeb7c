import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MePage from '../../miniapp/src/pages/me/index';
import RequestsPage from '../../miniapp/src/pkg-courtyard/requests/index';
import { askSubscription } from '../../miniapp/src/lib/subscribe';
import { setPlatform, type Platform } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, IDS, UUID } from './fixtures';

const TEMPLATES = { join_request_new: 'TPL_NEW', join_request_decided: 'TPL_DECIDED', bin_task: 'TPL_BIN' };

/** A WeChat host whose subscribe sheet answers as given. */
function wechatAnswering(answer: (ids: string[]) => Record<string, string>): jest.Mock {
  const ask = jest.fn(async (ids: string[]) => answer(ids));
  const host: Platform = {
    canWechatLogin: true,
    canScan: true,
    canSubscribe: true,
    login: async () => ({ code: 'c' }),
    scanCode: async () => ({ result: '' }),
    requestSubscribeMessage: ask,
  };
  setPlatform(host);
  return ask;
}

describe('asking to subscribe', () => {
  test('reports only the template ids the person accepted', async () => {
    wechatAnswering(() => ({ TPL_NEW: 'accept', TPL_DECIDED: 'reject', TPL_BIN: 'accept' }));
    const report = jest.fn(async (accepted: string[]) => ({ credits: Object.fromEntries(accepted.map((id) => [id, 1])) }));

    const outcome = await askSubscription(['join_request_new', 'join_request_decided', 'bin_task'], TEMPLATES, report);

    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith(['TPL_NEW', 'TPL_BIN']);
    expect(outcome).toMatchObject({ kind: 'subscribed', accepted: ['TPL_NEW', 'TPL_BIN'] });
  });

  test('reports nothing when every template is declined or switched off', async () => {
    const report = jest.fn();
    wechatAnswering(() => ({ TPL_BIN: 'reject' }));
    await expect(askSubscription(['bin_task'], TEMPLATES, report)).resolves.toEqual({ kind: 'declined' });
    wechatAnswering(() => ({ TPL_BIN: 'ban' }));
    await expect(askSubscription(['bin_task'], TEMPLATES, report)).resolves.toEqual({ kind: 'banned' });
    await expect(askSubscription(['sos'], TEMPLATES, report)).resolves.toEqual({ kind: 'unavailable' });
    expect(report).not.toHaveBeenCalled();
  });

  describe('on 我的, for a cleaner', () => {
    beforeEach(() => {
      fakeTaro.signIn();
      fakeTaro.setRoute('/pages/me/index');
      fakeApi
        .on('GET', '/api/me', aMe([grants.cleaner], { village: { id: IDS.village, name: '石坝村' } }))
        .on('GET', '/api/inbox/unread-count', { unread: 0 })
        .on('GET', '/api/subscriptions/templates', { templates: TEMPLATES, credits: { bin_task: 1 } });
    });

    test('接收新任务 adds one reminder per accepted tap and shows how many are left', async () => {
      const ask = wechatAnswering((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
      let credits = 1;
      fakeApi.on('POST', '/api/subscriptions', () => ({ body: { credits: { bin_task: ++credits } } }));
      render(<MePage />);

      expect((await screen.findByTestId('me-bin-task-credits')).textContent).toBe('还能收到 1 次提醒');
      fireEvent.click(screen.getByTestId('me-bin-task'));
      await waitFor(() => expect(screen.getByTestId('me-bin-task-credits').textContent).toBe('还能收到 2 次提醒'));
      expect(screen.getByTestId('me-bin-task-result').getAttribute('data-outcome')).toBe('subscribed');

      fireEvent.click(screen.getByTestId('me-bin-task'));
      await waitFor(() => expect(screen.getByTestId('me-bin-task-credits').textContent).toBe('还能收到 3 次提醒'));

      expect(ask).toHaveBeenCalledWith(['TPL_BIN']);
      const reports = fakeApi.calls('POST', '/api/subscriptions');
      expect(reports.map((r) => r.body)).toEqual([{ accepted: ['TPL_BIN'] }, { accepted: ['TPL_BIN'] }]);
      // every tap is a new credit, so every report has its own Idempotency-Key
      expect(reports[0].headers['Idempotency-Key']).toMatch(UUID);
      expect(reports[1].headers['Idempotency-Key']).not.toBe(reports[0].headers['Idempotency-Key']);
    });

    test('in a plain browser says kindly that nothing was subscribed, and reports nothing', async () => {
      render(<MePage />);
      await screen.findByTestId('me-bin-task-credits');

      fireEvent.click(screen.getByTestId('me-bin-task'));

      const result = await screen.findByTestId('me-bin-task-result');
      expect(result.getAttribute('data-outcome')).toBe('unsupported');
      expect(result.textContent).toContain('没有开启订阅');
      expect(screen.getByTestId('me-bin-task-credits').textContent).toBe('还能收到 1 次提醒');
      expect(fakeApi.calls('POST', '/api/subscriptions')).toHaveLength(0);
    });

    test('a browser bridge that offers subscribe messages is used', async () => {
      (window as { __XYJ_PLATFORM__?: unknown }).__XYJ_PLATFORM__ = {
        requestSubscribeMessage: async (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'accept'])),
      };
      fakeApi.on('POST', '/api/subscriptions', { credits: { bin_task: 2 } });
      render(<MePage />);
      await screen.findByTestId('me-bin-task-credits');

      fireEvent.click(screen.getByTestId('me-bin-task'));

      await waitFor(() => expect(screen.getByTestId('me-bin-task-credits').textContent).toBe('还能收到 2 次提醒'));
      expect(fakeApi.calls('POST', '/api/subscriptions')[0].body).toEqual({ accepted: ['TPL_BIN'] });
    });
  });

  test('the head’s 有新申请时通知我 asks for new join requests only', async () => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-courtyard/requests/index');
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', `/api/courtyards/${IDS.courtyard}/join-requests`, { items: [] })
      .on('GET', '/api/subscriptions/templates', { templates: TEMPLATES, credits: {} })
      .on('POST', '/api/subscriptions', { credits: { join_request_new: 1 } });
    const ask = wechatAnswering((ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])));
    render(<RequestsPage />);
    await screen.findByTestId('requests-empty');
    await waitFor(() => expect(fakeApi.calls('GET', '/api/subscriptions/templates')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('requests-subscribe'));

    await waitFor(() => expect(screen.getByTestId('requests-subscribe-credits').textContent).toBe('还能收到 1 次提醒'));
    expect(ask).toHaveBeenCalledWith(['TPL_NEW']);
    expect(fakeApi.calls('POST', '/api/subscriptions')[0].body).toEqual({ accepted: ['TPL_NEW'] });
  });
});
