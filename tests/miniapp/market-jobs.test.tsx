import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MarketMinePage from '../../miniapp/src/pkg-market/mine/index';
import JobEditPage from '../../miniapp/src/pkg-market/job-edit/index';
import JobPage from '../../miniapp/src/pkg-market/job/index';
import { forgetShownPhotos } from '../../miniapp/src/lib/photo';
import { setPhoneCaller } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, UUID } from './fixtures';
import { JOB, BUYER, aJob, anApplication, typeInto } from './market-fixtures';

/** 找活干 pages: work records on both sides and the job form. */
afterEach(() => {
  forgetShownPhotos();
  setPhoneCaller();
});

describe('工作记录: days and pay, both sides', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('the worker confirms half days and pay in yuan; the answer says both sides agree', async () => {
    fakeTaro.setRoute('/pkg-market/mine/index', { tab: 'applications' });
    const app = anApplication({ records: { worker: null, poster: { days: 2.5, payFen: 37500, at: '2026-04-06T01:00:00.000Z' }, agreed: null } });
    fakeApi.on('GET', '/api/applications/mine', { items: [app] }).on('POST', `/api/applications/${app.id}/work`, (req) => {
      const b = req.body as { days: number; payFen: number };
      return { body: { ...app, records: { ...app.records, worker: { ...b, at: '2026-04-06T02:00:00.000Z' }, agreed: b.days === 2.5 && b.payFen === 37500 } } };
    });
    render(<MarketMinePage />);

    const form = await screen.findByTestId('work-form');
    expect(screen.getByTestId('work-record-poster').textContent).toContain('2.5 天，工钱 ¥375.00');
    fireEvent.click(within(form).getByTestId('work-days-plus'));
    fireEvent.click(within(form).getByTestId('work-days-plus'));
    fireEvent.click(within(form).getByTestId('work-days-plus'));
    fireEvent.click(within(form).getByTestId('work-days-minus'));
    expect((screen.getByTestId('work-days-input') as HTMLInputElement).value).toBe('2');
    fireEvent.click(within(form).getByTestId('work-days-plus'));
    expect((screen.getByTestId('work-days-input') as HTMLInputElement).value).toBe('2.5');
    fireEvent.click(screen.getByTestId('work-pay-suggest')); // ¥150/天 × 2.5
    expect((screen.getByTestId('work-pay') as HTMLInputElement).value).toBe('375');
    fireEvent.click(screen.getByTestId('work-submit'));

    await waitFor(() => expect(screen.getByTestId('work-records').getAttribute('data-agreed')).toBe('true'));
    expect(screen.getByTestId('work-agreed').textContent).toContain('双方记录一致');
    const [sent] = fakeApi.calls('POST', `/api/applications/${app.id}/work`);
    expect(sent.body).toEqual({ days: 2.5, payFen: 37500 });
    expect(sent.headers['Idempotency-Key']).toMatch(UUID);
    expect(screen.queryByTestId('work-form')).toBeNull();
  });

  test('refuses days that are not whole or half days, and says plainly when the records differ', async () => {
    fakeTaro.setRoute('/pkg-market/mine/index', { tab: 'applications' });
    const app = anApplication({ records: { worker: null, poster: { days: 3, payFen: 45000, at: '2026-04-06T01:00:00.000Z' }, agreed: null } });
    fakeApi.on('GET', '/api/applications/mine', { items: [app] }).on('POST', `/api/applications/${app.id}/work`, (req) => ({
      body: {
        ...app,
        records: { ...app.records, worker: { ...(req.body as { days: number; payFen: number }), at: '2026-04-06T02:00:00.000Z' }, agreed: false },
      },
    }));
    render(<MarketMinePage />);

    await screen.findByTestId('work-form');
    typeInto('work-days-input', '2.3');
    typeInto('work-pay', '300');
    fireEvent.click(screen.getByTestId('work-submit'));
    expect((await screen.findByTestId('work-error')).textContent).toBe('天数以半天计，例如 2 或 2.5');
    typeInto('work-days-input', '2');
    typeInto('work-pay', '');
    fireEvent.click(screen.getByTestId('work-submit'));
    await waitFor(() => expect(screen.getByTestId('work-error').textContent).toBe('请填写工钱（元），没有给钱就写 0'));
    expect(fakeApi.calls('POST', `/api/applications/${app.id}/work`)).toHaveLength(0);

    typeInto('work-pay', '300.5');
    fireEvent.click(screen.getByTestId('work-submit'));
    expect((await screen.findByTestId('work-disagreed')).textContent).toContain('双方记录不一致');
    expect(fakeApi.calls('POST', `/api/applications/${app.id}/work`)[0].body).toEqual({ days: 2, payFen: 30050 });
    expect(screen.getByTestId('work-record-worker').textContent).toContain('2 天，工钱 ¥300.50');
  });

  test('the poster hires from the job page, calls the worker and records the work too', async () => {
    fakeTaro.setRoute('/pkg-market/job/index', { id: JOB });
    const called: string[] = [];
    setPhoneCaller(async (p) => void called.push(p));
    let applied = anApplication({ state: 'applied', mine: false });
    fakeApi
      .on('GET', `/api/jobs/${JOB}`, aJob({ mine: true, can: { edit: false, submit: false, review: false, close: true, apply: false } }))
      .on('GET', `/api/jobs/${JOB}/applications`, () => ({ body: { items: [applied] } }))
      .on('POST', `/api/applications/${applied.id}/decide`, () => ({ body: (applied = { ...applied, state: 'accepted' }) }))
      .on('POST', `/api/applications/${applied.id}/work`, (req) => ({
        body: (applied = {
          ...applied,
          records: { worker: null, poster: { ...(req.body as { days: number; payFen: number }), at: '2026-04-06T02:00:00.000Z' }, agreed: null },
        }),
      }));
    render(<JobPage />);

    const item = await screen.findByTestId('application-item');
    fireEvent.click(within(item).getByTestId('application-worker-phone-call'));
    expect(called).toEqual(['13722223333']);
    fireEvent.click(within(item).getByTestId('application-accept'));
    await waitFor(() => expect(screen.getByTestId('application-item').getAttribute('data-state')).toBe('accepted'));
    expect(fakeApi.calls('POST', `/api/applications/${applied.id}/decide`)[0].body).toEqual({ decision: 'accept' });

    typeInto('work-days-input', '4');
    typeInto('work-pay', '600');
    fireEvent.click(screen.getByTestId('work-submit'));
    expect((await screen.findByTestId('work-waiting')).textContent).toBe('等对方确认');
    expect(fakeApi.calls('POST', `/api/applications/${applied.id}/work`)[0].body).toEqual({ days: 4, payFen: 60000 });
  });

  test('a villager applies with a note from the job page', async () => {
    fakeTaro.setRoute('/pkg-market/job/index', { id: JOB });
    let applied = false;
    fakeApi
      .on('GET', `/api/jobs/${JOB}`, () => ({
        body: aJob({ poster: BUYER, can: { edit: false, submit: false, review: false, close: false, apply: !applied } }),
      }))
      .on('GET', '/api/applications/mine', () => ({ body: { items: applied ? [anApplication({ state: 'applied' })] : [] } }))
      .on('POST', `/api/jobs/${JOB}/applications`, () => {
        applied = true;
        return { status: 201, body: anApplication({ state: 'applied' }) };
      });
    render(<JobPage />);

    expect((await screen.findByTestId('job-pay-view')).textContent).toBe('¥150.00/天');
    typeInto('job-apply-note', ' 周末有空 ');
    fireEvent.click(screen.getByTestId('job-apply'));
    expect((await screen.findByTestId('job-my-application')).getAttribute('data-state')).toBe('applied');
    expect(fakeApi.calls('POST', `/api/jobs/${JOB}/applications`)[0].body).toEqual({ note: '周末有空' });
    expect(screen.queryByTestId('job-apply-form')).toBeNull();
  });
});

describe('我要招工: the job form', () => {
  test('sends pay in fen per the chosen unit, the employer and the dates, and checks the dates', async () => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/job-edit/index');
    fakeApi
      .on('POST', '/api/jobs', {
        status: 201,
        body: aJob({ state: 'draft', mine: true, can: { edit: true, submit: true, review: false, close: true, apply: false } }),
      })
      .on('POST', `/api/jobs/${JOB}/submit`, aJob({ state: 'pending_review', mine: true }));
    render(<JobEditPage />);

    typeInto('job-title', '摘茶叶');
    fireEvent.click(screen.getByTestId('job-employer-cooperative'));
    fireEvent.click(screen.getByTestId('job-submit'));
    expect((await screen.findByTestId('job-edit-error')).textContent).toBe('请写上合作社的名称');
    typeInto('job-employer-name', '石坝茶叶合作社');
    typeInto('job-pay', '12.5');
    fireEvent.click(screen.getByTestId('job-pay-unit-hour'));
    typeInto('job-place', '二组茶园');
    const pick = (testId: string, value: string) =>
      fireEvent.change(screen.getByTestId(testId).querySelector('input[data-picker-input]')!, { target: { value } });
    pick('job-start', '2026-04-03');
    pick('job-end', '2026-04-01');
    typeInto('job-headcount', '5');
    fireEvent.click(screen.getByTestId('job-submit'));
    await waitFor(() => expect(screen.getByTestId('job-edit-error').textContent).toBe('结束日期不能早于开始日期'));
    expect(fakeApi.calls('POST', '/api/jobs')).toHaveLength(0);

    pick('job-end', '2026-04-05');
    fireEvent.click(screen.getByTestId('job-submit'));
    expect((await screen.findByTestId('job-edit-result')).getAttribute('data-state')).toBe('pending_review');
    expect(fakeApi.calls('POST', '/api/jobs')[0].body).toEqual({
      title: '摘茶叶',
      description: '',
      employer: { kind: 'cooperative', name: '石坝茶叶合作社' },
      payFen: 1250,
      payUnit: 'hour',
      place: '二组茶园',
      startDate: '2026-04-03',
      endDate: '2026-04-05',
      headcount: 5,
    });
  });
});
