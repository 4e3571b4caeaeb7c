import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../shared/errors';
import { MEDIA_MAX_BYTES } from '../../shared/domain/media';
import BinScanPage from '../../miniapp/src/pkg-scan/bin/index';
import CleanerTasksPage from '../../miniapp/src/pkg-clean/tasks/index';
import { MediaImage } from '../../miniapp/src/components/media-image';
import { forgetShownPhotos, SHRINK_STEPS } from '../../miniapp/src/lib/photo';
import { pendingEntries, stopOutbox } from '../../miniapp/src/lib/outbox';
import { PlatformCancelled, setPhotoHost, setPlatform, type PhotoHost, type Platform, type TDevicePhoto } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, UUID } from './fixtures';

const CODE = 'ABCDEFGH2345';
const binUrl = `/api/bins/${CODE}`;
const reportUrl = `/api/bins/${CODE}/report`;
const PHOTO = 'cccccccc-0000-4000-8000-000000000001';
const KB = 1024;

const binView = () => ({
  bin: { id: 'b1', label: '03号桶', village: { id: 'v1', name: '石坝村' }, courtyard: null },
  openReport: null,
  reportedByMe: false,
});
const report = {
  report: { id: 'r1', bin: { id: 'b1', label: '03号桶' }, state: 'open', kind: 'full', reporters: 1, openedAt: '2025-11-20T02:00:00.000Z', closedAt: null },
  joined: false,
};

/** base64 of `bytes` bytes. */
const b64 = (bytes: number) => Buffer.alloc(bytes, 7).toString('base64');

/**
 * A phone: its album gives `srcs`, and each shrink gives the next size of `sizes` (the last
 * one from then on), so a test can make the first pass too big.
 */
function phone({
  sizes = [150 * KB],
  srcs = ['wxfile://tmp/bin.jpg'],
  choose,
}: { sizes?: number[]; srcs?: string[]; choose?: () => Promise<TDevicePhoto[]> } = {}) {
  const left = [...sizes];
  const host = {
    choosePhotos: jest.fn(choose ?? (async (count: number) => srcs.slice(0, count).map((src) => ({ src })))),
    shrinkPhoto: jest.fn(async (_photo: TDevicePhoto, _opts: { maxSide: number; quality: number }) => ({
      base64: b64(left.length > 1 ? left.shift()! : left[0]),
    })),
    photoSrc: jest.fn(async (m: { contentType: string; base64: string }) => `data:${m.contentType};base64,${m.base64}`),
  } satisfies PhotoHost;
  setPhotoHost(host);
  return host;
}

const uploaded = (size = 150 * KB) => ({ status: 201, body: { id: PHOTO, contentType: 'image/jpeg', size } });

afterEach(() => {
  stopOutbox();
  forgetShownPhotos();
});

describe('a photo with 扫码报满', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-scan/bin/index', { code: CODE });
    fakeApi.on('GET', binUrl, binView());
  });

  test('shrinks the chosen photo on the phone, uploads it and sends its id with the report', async () => {
    const host = phone();
    fakeApi.on('POST', '/api/media', uploaded()).on('POST', reportUrl, { status: 201, body: report });
    render(<BinScanPage />);
    await screen.findByTestId('bin-place');

    fireEvent.click(screen.getByTestId('bin-photo-add'));

    const item = await screen.findByTestId('bin-photo-item');
    await waitFor(() => expect(item.getAttribute('data-state')).toBe('done'));
    expect(host.choosePhotos).toHaveBeenCalledWith(1);
    expect(host.shrinkPhoto).toHaveBeenCalledTimes(1);
    expect(host.shrinkPhoto).toHaveBeenCalledWith({ src: 'wxfile://tmp/bin.jpg' }, { maxSide: 1280, quality: 0.7 });
    const [upload] = fakeApi.calls('POST', '/api/media');
    expect(upload.body).toEqual({ dataBase64: b64(150 * KB) });
    expect(upload.headers['Idempotency-Key']).toMatch(UUID);
    expect(item.querySelector('img')!.getAttribute('src')).toBe('wxfile://tmp/bin.jpg');
    expect(screen.queryByTestId('bin-photo-add')).toBeNull(); // one photo at most here

    fireEvent.click(screen.getByTestId('bin-report'));

    expect((await screen.findByTestId('bin-report-result')).getAttribute('data-outcome')).toBe('new');
    expect(fakeApi.calls('POST', reportUrl)[0].body).toEqual({ kind: 'full', photoId: PHOTO });
    expect(screen.queryByTestId('bin-photo-left-out')).toBeNull();
  });

  test('shrinks a photo again, smaller, while it is over the server’s 700 KB', async () => {
    const host = phone({ sizes: [900 * KB, 720 * KB, 400 * KB] });
    fakeApi.on('POST', '/api/media', uploaded(400 * KB));
    render(<BinScanPage />);

    fireEvent.click(await screen.findByTestId('bin-photo-add'));

    await waitFor(() => expect(screen.getByTestId('bin-photo-item').getAttribute('data-state')).toBe('done'));
    expect(host.shrinkPhoto.mock.calls.map((c) => c[1])).toEqual(SHRINK_STEPS.slice(0, 3));
    const sent = fakeApi.calls('POST', '/api/media');
    expect(sent).toHaveLength(1);
    expect(Buffer.from((sent[0].body as { dataBase64: string }).dataBase64, 'base64').length).toBeLessThanOrEqual(MEDIA_MAX_BYTES);
  });

  test('says 照片太大 when no size fits, uploads nothing and reports without the photo', async () => {
    phone({ sizes: [2000 * KB] });
    fakeApi.on('POST', reportUrl, { status: 201, body: report });
    render(<BinScanPage />);

    fireEvent.click(await screen.findByTestId('bin-photo-add'));

    const error = await screen.findByTestId('bin-photo-error');
    expect(error.getAttribute('data-code')).toBe('MEDIA_TOO_LARGE');
    expect(error.textContent).toContain('照片太大');
    expect(screen.getByTestId('bin-photo-item').getAttribute('data-state')).toBe('failed');
    expect(fakeApi.calls('POST', '/api/media')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('bin-report'));

    await screen.findByTestId('bin-report-result');
    expect(fakeApi.calls('POST', reportUrl)[0].body).toEqual({ kind: 'full' });
    expect(screen.getByTestId('bin-photo-left-out').textContent).toContain('照片没有传上去');
  });

  test('shows the server’s refusal of a photo in Chinese', async () => {
    phone();
    fakeApi.on('POST', '/api/media', fakeApi.error('MEDIA_INVALID', 400, ERRORS.MEDIA_INVALID[1]));
    render(<BinScanPage />);

    fireEvent.click(await screen.findByTestId('bin-photo-add'));

    const error = await screen.findByTestId('bin-photo-error');
    expect(error.getAttribute('data-code')).toBe('MEDIA_INVALID');
    expect(error.textContent).toBe('只能上传 JPG、PNG 或 WebP 照片');
  });

  test('says 上传失败 when the upload gets no answer, and a tap on the photo retries it with the same key', async () => {
    phone();
    let online = false;
    fakeApi.on('POST', '/api/media', () => {
      if (!online) throw new Error('request:fail timeout');
      return uploaded();
    });
    render(<BinScanPage />);

    fireEvent.click(await screen.findByTestId('bin-photo-add'));

    const error = await screen.findByTestId('bin-photo-error');
    expect(error.textContent).toContain('照片上传失败');
    const item = screen.getByTestId('bin-photo-item');
    expect(item.getAttribute('data-state')).toBe('failed');
    expect(item.textContent).toContain('点此重试');

    online = true;
    fireEvent.click(within(item).getByTestId('bin-photo-tap'));

    await waitFor(() => expect(item.getAttribute('data-state')).toBe('done'));
    expect(screen.queryByTestId('bin-photo-error')).toBeNull();
    const [first, second] = fakeApi.calls('POST', '/api/media');
    expect(second.headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
    expect(second.body).toEqual(first.body);
  });

  test('offline, keeps the report without the photo (the outbox holds no photo bytes) and says so', async () => {
    phone();
    fakeApi
      .on('POST', '/api/media', () => {
        throw new Error('request:fail timeout');
      })
      .on('POST', reportUrl, () => {
        throw new Error('request:fail timeout');
      });
    render(<BinScanPage />);
    fireEvent.click(await screen.findByTestId('bin-photo-add'));
    await screen.findByTestId('bin-photo-error');

    fireEvent.click(screen.getByTestId('bin-report'));

    const result = await screen.findByTestId('bin-report-result');
    expect(result.getAttribute('data-outcome')).toBe('queued');
    expect(screen.getByTestId('bin-photo-left-out')).toBeTruthy();
    expect(pendingEntries()).toEqual([expect.objectContaining({ path: reportUrl, body: { kind: 'full' } })]);
  });

  test('waits for a photo still uploading before it sends the report', async () => {
    phone();
    let answer: (a: ReturnType<typeof uploaded>) => void = () => undefined;
    fakeApi.on('POST', '/api/media', () => new Promise((resolve) => (answer = resolve))).on('POST', reportUrl, { status: 201, body: report });
    render(<BinScanPage />);
    fireEvent.click(await screen.findByTestId('bin-photo-add'));
    await waitFor(() => expect(screen.getByTestId('bin-photo-item').getAttribute('data-state')).toBe('uploading'));
    expect(screen.getByTestId('bin-photo').getAttribute('data-busy')).toBe('true');

    fireEvent.click(screen.getByTestId('bin-report'));
    await waitFor(() => expect(screen.getByTestId('bin-report').getAttribute('data-loading')).toBe('true'));
    expect(fakeApi.calls('POST', reportUrl)).toHaveLength(0);

    await act(async () => answer(uploaded()));

    await screen.findByTestId('bin-report-result');
    expect(fakeApi.calls('POST', reportUrl)[0].body).toEqual({ kind: 'full', photoId: PHOTO });
  });

  test('× takes the photo off again, and closing the album changes nothing', async () => {
    let cancel = false;
    phone({ choose: async () => (cancel ? Promise.reject(new PlatformCancelled()) : [{ src: 'wxfile://tmp/a.jpg' }]) });
    fakeApi.on('POST', '/api/media', uploaded()).on('POST', reportUrl, { status: 201, body: report });
    render(<BinScanPage />);
    fireEvent.click(await screen.findByTestId('bin-photo-add'));
    await waitFor(() => expect(screen.getByTestId('bin-photo-item').getAttribute('data-state')).toBe('done'));

    fireEvent.click(screen.getByTestId('bin-photo-remove'));
    expect(screen.queryByTestId('bin-photo-item')).toBeNull();
    cancel = true;
    fireEvent.click(screen.getByTestId('bin-photo-add'));
    await act(async () => undefined);
    expect(screen.queryByTestId('bin-photo-item')).toBeNull();
    expect(screen.queryByTestId('bin-photo-error')).toBeNull();

    fireEvent.click(screen.getByTestId('bin-report'));

    await screen.findByTestId('bin-report-result');
    expect(fakeApi.calls('POST', reportUrl)[0].body).toEqual({ kind: 'full' });
  });

  test('says so when the camera or album could not be opened', async () => {
    phone({ choose: () => Promise.reject({ errMsg: 'chooseMedia:fail auth deny' }) });
    render(<BinScanPage />);

    fireEvent.click(await screen.findByTestId('bin-photo-add'));

    expect((await screen.findByTestId('bin-photo-error')).textContent).toBe('没有打开相机或相册，请再试一次');
  });
});

describe('a photo with the cleaner’s confirmation', () => {
  const R1 = 'aaaaaaaa-0000-4000-8000-000000000001';
  const stop = {
    order: 1,
    reportId: R1,
    bin: { id: 'b1', label: '03号桶', lat: 29.56, lng: 106.46, courtyard: null },
    kind: 'full',
    reporters: 1,
    openedAt: '2025-11-20T02:00:00.000Z',
    legMeters: 100,
  };
  const scanner = (text: string): Platform => ({
    canWechatLogin: true,
    canScan: true,
    canSubscribe: true,
    login: async () => ({ code: 'c' }),
    scanCode: async () => ({ result: text }),
    requestSubscribeMessage: async () => ({}),
  });

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-clean/tasks/index');
    fakeApi.on('GET', '/api/me', aMe([grants.cleaner]));
  });

  test('sends the photo’s id with 确认清运', async () => {
    let open = [stop];
    fakeApi
      .on('GET', '/api/cleaner/tasks', () => ({ body: { start: { lat: 29.56, lng: 106.46, from: 'depot' }, stops: open, totalMeters: 100 } }))
      .on('POST', '/api/media', uploaded())
      .on('POST', `/api/bin-reports/${R1}/clean`, () => {
        open = [];
        return { body: { ...report.report, state: 'cleaned', closedAt: '2025-11-20T03:00:00.000Z' } };
      });
    setPlatform(scanner(`b=${CODE}`));
    phone();
    render(<CleanerTasksPage />);
    const card = await screen.findByTestId('task-stop');

    fireEvent.click(within(card).getByTestId('task-photo-add'));
    await waitFor(() => expect(within(card).getByTestId('task-photo-item').getAttribute('data-state')).toBe('done'));
    fireEvent.click(within(card).getByTestId('task-clean'));

    await screen.findByTestId('tasks-empty');
    expect(fakeApi.calls('POST', `/api/bin-reports/${R1}/clean`)[0].body).toEqual({ code: CODE, photoId: PHOTO });
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认清运' }));
  });

  test('confirms without a photo that did not upload, and the toast says so', async () => {
    fakeApi
      .on('GET', '/api/cleaner/tasks', { start: { lat: 29.56, lng: 106.46, from: 'depot' }, stops: [stop], totalMeters: 100 })
      .on('POST', '/api/media', fakeApi.error('INTERNAL', 500, ERRORS.INTERNAL[1]))
      .on('POST', `/api/bin-reports/${R1}/clean`, { body: { ...report.report, state: 'cleaned', closedAt: '2025-11-20T03:00:00.000Z' } });
    setPlatform(scanner(`b=${CODE}`));
    phone();
    render(<CleanerTasksPage />);
    const card = await screen.findByTestId('task-stop');
    fireEvent.click(within(card).getByTestId('task-photo-add'));
    expect((await within(card).findByTestId('task-photo-error')).textContent).toContain('上传失败');

    fireEvent.click(within(card).getByTestId('task-clean'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认清运（照片未上传）' })));
    expect(fakeApi.calls('POST', `/api/bin-reports/${R1}/clean`)[0].body).toEqual({ code: CODE });
  });
});

describe('a stored photo', () => {
  beforeEach(() => void fakeTaro.signIn());

  test('is fetched by id and shown from its bytes', async () => {
    const host = phone();
    const base64 = b64(10);
    fakeApi.on('GET', `/api/media/${PHOTO}`, { id: PHOTO, contentType: 'image/jpeg', base64 });
    render(<MediaImage id={PHOTO} testId="photo" />);

    const shown = await screen.findByTestId('photo');
    await waitFor(() => expect(shown.getAttribute('data-state')).toBe('ok'));
    expect(screen.getByTestId('photo').querySelector('img')!.getAttribute('src')).toBe(`data:image/jpeg;base64,${base64}`);
    expect(host.photoSrc).toHaveBeenCalledWith({ id: PHOTO, contentType: 'image/jpeg', base64 });

    fireEvent.click(screen.getByTestId('photo'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ urls: [`data:image/jpeg;base64,${base64}`], current: `data:image/jpeg;base64,${base64}` });
  });

  test('says so when it cannot be shown', async () => {
    phone();
    fakeApi.on('GET', `/api/media/${PHOTO}`, fakeApi.error('NOT_FOUND', 404, ERRORS.NOT_FOUND[1]));
    render(<MediaImage id={PHOTO} testId="photo" />);

    await waitFor(() => expect(screen.getByTestId('photo').getAttribute('data-state')).toBe('failed'));
    expect(screen.getByTestId('photo').textContent).toBe('照片加载失败');
  });
});
