import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ERRORS } from '../../shared/errors';
import ListingEditPage from '../../miniapp/src/pkg-market/listing-edit/index';
import ListingPage from '../../miniapp/src/pkg-market/listing/index';
import MarketMinePage from '../../miniapp/src/pkg-market/mine/index';
import MarketReviewPage from '../../miniapp/src/pkg-market/review/index';
import { fenToInput, formatFen, parseYuan } from '../../miniapp/src/lib/money';
import { forgetShownPhotos } from '../../miniapp/src/lib/photo';
import { setPhoneCaller } from '../../miniapp/src/platform';
import { fakeApi, fakeTaro } from './mocks/taro';
import { aMe, grants, UUID } from './fixtures';
import { uuid, LISTING, JOB, PHOTO, BUYER, NONE, aListing, anIntent, aJob, phonePhotos, typeInto } from './market-fixtures';

/** 帮我卖 pages: the listing form, buyers' intents, sellers' answers, review and 我的意向. */
afterEach(() => {
  forgetShownPhotos();
  setPhoneCaller();
});

describe('yuan typed, fen sent', () => {
  test('counts fen from the digits, so no float drift creeps in', () => {
    expect(parseYuan('12.5')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 }); // 0.29 * 100 = 28.999… in floating point
    expect(parseYuan('19.99')).toEqual({ ok: true, fen: 1999 });
    expect(parseYuan('1.005')).toEqual({ ok: false, reason: 'too_precise' });
    expect(parseYuan(' 8元 ')).toEqual({ ok: true, fen: 800 });
    expect(parseYuan('１２．５')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan('3.10')).toEqual({ ok: true, fen: 310 });
    expect(parseYuan('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseYuan('十块')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseYuan('-3')).toEqual({ ok: false, reason: 'invalid' });
    expect(formatFen(1250)).toBe('¥12.50');
    expect(formatFen(5)).toBe('¥0.05');
    expect(fenToInput(1250)).toBe('12.5');
    expect(fenToInput(300)).toBe('3');
    expect(fenToInput(1999)).toBe('19.99');
  });
});

describe('我要卖: the listing form', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/listing-edit/index');
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('says what is missing, one thing at a time, and sends nothing', async () => {
    render(<ListingEditPage />);
    await screen.findByTestId('listing-title');

    fireEvent.click(screen.getByTestId('listing-submit'));
    expect((await screen.findByTestId('listing-edit-error')).textContent).toBe('请写上产品名称');

    typeInto('listing-title', ' 土鸡蛋 ');
    fireEvent.click(screen.getByTestId('listing-submit'));
    await waitFor(() => expect(screen.getByTestId('listing-edit-error').textContent).toBe('请选择品类'));

    fireEvent.click(screen.getByTestId('listing-category-poultry_egg'));
    typeInto('listing-price', '1.255');
    fireEvent.click(screen.getByTestId('listing-submit'));
    await waitFor(() => expect(screen.getByTestId('listing-edit-error').textContent).toBe('价格最多写到分（两位小数）'));

    typeInto('listing-price', '1.5');
    typeInto('listing-unit-custom', '一大箩筐');
    typeInto('listing-unit-custom', '一大箩筐子'); // the input's maxlength stops this on a phone; the check stops it here
    fireEvent.click(screen.getByTestId('listing-submit'));
    await waitFor(() => expect(screen.getByTestId('listing-edit-error').textContent).toBe('单位不超过4个字'));

    fireEvent.click(screen.getByTestId('listing-unit-个'));
    fireEvent.click(screen.getByTestId('listing-submit'));
    await waitFor(() => expect(screen.getByTestId('listing-edit-error').textContent).toBe('请填写数量（整数）'));

    expect(fakeApi.calls('POST', '/api/listings')).toHaveLength(0);
  });

  test('sends the price in fen, the unit, the photo and the rest, then submits and shows 审核中', async () => {
    phonePhotos();
    let created: unknown = null;
    fakeApi
      .on('POST', '/api/media', { status: 201, body: { id: PHOTO, contentType: 'image/jpeg', size: 3000 } })
      .on('POST', '/api/listings', (req) => {
        created = req.body;
        return {
          status: 201,
          body: aListing({ state: 'draft', mine: true, photoIds: [PHOTO], priceFen: 1250, can: { ...NONE, edit: true, submit: true, close: true } }),
        };
      })
      .on('POST', `/api/listings/${LISTING}/submit`, aListing({ state: 'pending_review', mine: true, contentCheck: 'review' }));
    render(<ListingEditPage />);

    typeInto('listing-title', '  土鸡蛋 ');
    fireEvent.click(await screen.findByTestId('listing-category-poultry_egg'));
    fireEvent.click(screen.getByTestId('listing-photos-add'));
    await waitFor(() => expect(screen.getByTestId('listing-photos-item').getAttribute('data-state')).toBe('done'));
    typeInto('listing-price', '12.5');
    expect(screen.getByText('每斤 ¥12.50')).toBeTruthy();
    fireEvent.click(screen.getByTestId('listing-unit-箱'));
    typeInto('listing-quantity', '20');
    typeInto('listing-pickup', ' 桂花院3号自取 ');
    fireEvent.click(screen.getByTestId('listing-contact-in_app'));
    fireEvent.click(screen.getByTestId('listing-submit'));

    const result = await screen.findByTestId('listing-edit-result');
    expect(result.getAttribute('data-state')).toBe('pending_review');
    expect(screen.getByTestId('listing-edit-result-review').textContent).toContain('需人工复核');
    expect(created).toEqual({
      title: '土鸡蛋',
      category: 'poultry_egg',
      description: '',
      photoIds: [PHOTO],
      priceFen: 1250,
      unit: '箱',
      quantity: 20,
      pickupNote: '桂花院3号自取',
      contactPref: 'in_app',
    });
    const [post] = fakeApi.calls('POST', '/api/listings');
    const [submit] = fakeApi.calls('POST', `/api/listings/${LISTING}/submit`);
    expect(post.headers['Idempotency-Key']).toMatch(UUID);
    expect(submit.headers['Idempotency-Key']).toMatch(UUID);
    expect(submit.headers['Idempotency-Key']).not.toBe(post.headers['Idempotency-Key']);

    fireEvent.click(screen.getByTestId('listing-edit-view'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pkg-market/listing/index?id=${LISTING}` });
  });

  test('a draft saved once is updated (PATCH) afterwards; a refusal by the content check shows its reason', async () => {
    const reason = '内容可能含有广告信息，请修改后重新提交';
    fakeApi
      .on('POST', '/api/listings', { status: 201, body: aListing({ state: 'draft', mine: true, can: { ...NONE, edit: true, submit: true } }) })
      .on('PATCH', `/api/listings/${LISTING}`, aListing({ state: 'draft', mine: true, priceFen: 29, unit: '桶', can: { ...NONE, edit: true, submit: true } }))
      .on(
        'POST',
        `/api/listings/${LISTING}/submit`,
        aListing({ state: 'rejected', mine: true, contentCheck: 'risky', rejectReason: reason, can: { ...NONE, edit: true, submit: true } }),
      );
    render(<ListingEditPage />);

    typeInto('listing-title', '蜂蜜');
    fireEvent.click(await screen.findByTestId('listing-category-specialty'));
    typeInto('listing-price', '0.29');
    typeInto('listing-unit-custom', '桶');
    typeInto('listing-quantity', '3');
    fireEvent.click(screen.getByTestId('listing-save'));
    await waitFor(() => expect(fakeApi.calls('POST', '/api/listings')).toHaveLength(1));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存草稿' })));
    expect(fakeApi.calls('POST', '/api/listings')[0].body).toMatchObject({ priceFen: 29, unit: '桶', quantity: 3 });

    fireEvent.click(screen.getByTestId('listing-submit'));
    const result = await screen.findByTestId('listing-edit-result');
    expect(result.getAttribute('data-state')).toBe('rejected');
    expect(screen.getByTestId('listing-edit-result-reason').textContent).toBe(reason);
    expect(fakeApi.calls('POST', '/api/listings')).toHaveLength(1);
    expect(fakeApi.calls('PATCH', `/api/listings/${LISTING}`)[0].body).toMatchObject({ title: '蜂蜜', priceFen: 29 });

    fireEvent.click(screen.getByTestId('listing-edit-again')); // back to the form, values kept
    expect((screen.getByTestId('listing-title') as HTMLInputElement).value).toBe('蜂蜜');
  });

  test('editing a listing fills the form from it, price back in yuan and photos kept', async () => {
    fakeTaro.setRoute('/pkg-market/listing-edit/index', { id: LISTING });
    fakeApi
      .on(
        'GET',
        `/api/listings/${LISTING}`,
        aListing({ state: 'rejected', rejectReason: '照片看不清', mine: true, priceFen: 1999, photoIds: [PHOTO], can: { ...NONE, edit: true, submit: true } }),
      )
      .on('GET', `/api/media/${PHOTO}`, { id: PHOTO, contentType: 'image/jpeg', base64: 'AAAA' })
      .on('PATCH', `/api/listings/${LISTING}`, aListing({ state: 'draft', mine: true, can: { ...NONE, edit: true, submit: true } }));
    render(<ListingEditPage />);

    expect((await screen.findByTestId('listing-edit-reject-reason')).textContent).toContain('照片看不清');
    expect((screen.getByTestId('listing-price') as HTMLInputElement).value).toBe('19.99');
    expect(screen.getAllByTestId('listing-kept-photo')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('listing-kept-photo-remove'));
    fireEvent.click(screen.getByTestId('listing-save'));

    await waitFor(() => expect(fakeApi.calls('PATCH', `/api/listings/${LISTING}`)).toHaveLength(1));
    expect(fakeApi.calls('PATCH', `/api/listings/${LISTING}`)[0].body).toMatchObject({ priceFen: 1999, photoIds: [] });
  });

  test('someone in no courtyard is asked to join first', async () => {
    fakeApi.on('GET', '/api/me', aMe([]));
    render(<ListingEditPage />);
    expect(await screen.findByTestId('listing-edit-not-member')).toBeTruthy();
    expect(screen.queryByTestId('listing-submit')).toBeNull();
  });
});

describe('商品详情: a buyer’s 我想要', () => {
  const url = `/api/listings/${LISTING}`;
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/listing/index', { id: LISTING });
    fakeApi.on(
      'GET',
      '/api/me',
      aMe([grants.villager], {
        person: { id: BUYER.id, name: BUYER.name, phone: '13911112222', flags: { livesAlone: false, elderly: false, needsCare: false } },
      }),
    );
  });

  test('shows price, what is left and the seller’s name, never a phone, and no seller buttons', async () => {
    fakeApi.on('GET', url, aListing({ featured: true, can: { ...NONE, intend: true } }));
    render(<ListingPage />);

    expect((await screen.findByTestId('listing-price-view')).textContent).toBe('¥1.50/个');
    expect(screen.getByTestId('listing-left').textContent).toBe('还剩 100个');
    expect(screen.getByTestId('listing-seller').textContent).toContain('王秀英');
    expect(screen.getByTestId('listing-featured').textContent).toBe('村里推荐');
    expect(screen.getByTestId('listing-detail').textContent).not.toMatch(/1[3-9]\d{9}/);
    for (const id of ['listing-edit', 'listing-detail-submit', 'listing-close', 'listing-sold-out', 'listing-feature', 'review-approve', 'listing-intents']) {
      expect(screen.queryByTestId(id)).toBeNull();
    }
    expect(fakeApi.calls('GET', `${url}/intents`)).toHaveLength(0);
  });

  test('sends quantity, the phone (filled from the profile) and the note, then says what happens next', async () => {
    fakeApi
      .on('GET', url, aListing({ can: { ...NONE, intend: true } }))
      .on('POST', `${url}/intents`, { status: 201, body: anIntent(1, { quantity: 30, mine: true }) });
    render(<ListingPage />);

    await screen.findByTestId('intent-form');
    await waitFor(() => expect((screen.getByTestId('intent-phone') as HTMLInputElement).value).toBe('13911112222'));
    typeInto('intent-quantity', '30');
    expect(screen.getByText('约 ¥45.00，当面和卖家商量付款')).toBeTruthy();
    typeInto('intent-note', ' 周六来取 ');
    fireEvent.click(screen.getByTestId('intent-submit'));

    expect((await screen.findByTestId('intent-sent')).textContent).toContain('要 30个');
    const [sent] = fakeApi.calls('POST', `${url}/intents`);
    expect(sent.body).toEqual({ quantity: 30, phone: '13911112222', note: '周六来取' });
    expect(sent.headers['Idempotency-Key']).toMatch(UUID);
    expect(screen.queryByTestId('intent-form')).toBeNull();
    fireEvent.click(screen.getByTestId('intent-sent-mine'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pkg-market/mine/index?tab=intents' });
  });

  test('checks quantity and phone before sending', async () => {
    fakeApi.on('GET', url, aListing({ quantity: 10, can: { ...NONE, intend: true } }));
    render(<ListingPage />);
    await screen.findByTestId('intent-form');

    typeInto('intent-quantity', '11');
    fireEvent.click(screen.getByTestId('intent-submit'));
    expect((await screen.findByTestId('intent-error')).textContent).toBe('剩余数量不够，最多还能要 10');

    typeInto('intent-quantity', '0');
    fireEvent.click(screen.getByTestId('intent-submit'));
    await waitFor(() => expect(screen.getByTestId('intent-error').textContent).toBe('请填写要几份（整数，至少1）'));

    typeInto('intent-quantity', '2');
    typeInto('intent-phone', '1234');
    fireEvent.click(screen.getByTestId('intent-submit'));
    await waitFor(() => expect(screen.getByTestId('intent-error').textContent).toBe('请输入11位手机号，卖家用它联系您'));
    expect(fakeApi.calls('POST', `${url}/intents`)).toHaveLength(0);
  });

  test('not enough left (409): shows the server’s words and reloads what is left', async () => {
    let left = 10;
    fakeApi
      .on('GET', url, () => ({ body: aListing({ quantity: left, can: { ...NONE, intend: true } }) }))
      .on('POST', `${url}/intents`, () => {
        left = 4;
        return fakeApi.error('NOT_ENOUGH_LEFT', 409, ERRORS.NOT_ENOUGH_LEFT[1]);
      });
    render(<ListingPage />);
    await screen.findByTestId('intent-form');
    typeInto('intent-quantity', '8');
    fireEvent.click(screen.getByTestId('intent-submit'));

    const error = await screen.findByTestId('intent-error');
    expect(error.getAttribute('data-code')).toBe('NOT_ENOUGH_LEFT');
    expect(error.textContent).toBe('剩余数量不够，请减少数量');
    await waitFor(() => expect(screen.getByTestId('listing-left').textContent).toBe('还剩 4个'));
  });
});

describe('商品详情: the seller answers intents', () => {
  const url = `/api/listings/${LISTING}`;
  const mine = aListing({ mine: true, can: { ...NONE, edit: false, close: true } });

  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/listing/index', { id: LISTING });
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('accepts one (the buyer’s phone has a call button) and declines another with a reason', async () => {
    const called: string[] = [];
    setPhoneCaller(async (p) => void called.push(p));
    let a = anIntent(1, { quantity: 30, note: '周六来取' });
    let b = anIntent(2, { quantity: 80, buyer: { id: uuid(503), name: '刘大姐' }, buyerPhone: '13655556666' });
    fakeApi
      .on('GET', url, mine)
      .on('GET', `${url}/intents`, () => ({ body: { items: [a, b] } }))
      .on('POST', `/api/intents/${a.id}/decide`, () => ({ body: (a = { ...a, state: 'accepted' }) }))
      .on('POST', `/api/intents/${b.id}/decide`, (req) => ({
        body: (b = { ...b, state: 'declined', declineReason: (req.body as { reason: string }).reason }),
      }));
    render(<ListingPage />);

    const items = await screen.findAllByTestId('intent-item');
    expect(items).toHaveLength(2);
    const first = items.find((i) => i.getAttribute('data-id') === a.id)!;
    expect(within(first).getByTestId('intent-note-view').textContent).toBe('留言：周六来取');
    fireEvent.click(within(first).getByTestId('intent-buyer-phone-call'));
    expect(called).toEqual(['13911112222']);

    fireEvent.click(within(first).getByTestId('intent-accept'));
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('intent-item')
          .find((i) => i.getAttribute('data-id') === a.id)!
          .getAttribute('data-state'),
      ).toBe('accepted'),
    );
    const [accept] = fakeApi.calls('POST', `/api/intents/${a.id}/decide`);
    expect(accept.body).toEqual({ decision: 'accept' });
    expect(accept.headers['Idempotency-Key']).toMatch(UUID);

    const second = screen.getAllByTestId('intent-item').find((i) => i.getAttribute('data-id') === b.id)!;
    fireEvent.click(within(second).getByTestId('intent-decline'));
    fireEvent.click(within(second).getByTestId('intent-decline-reason-1'));
    fireEvent.click(within(second).getByTestId('intent-decline-confirm'));
    await waitFor(() => expect(fakeApi.calls('POST', `/api/intents/${b.id}/decide`)).toHaveLength(1));
    expect(fakeApi.calls('POST', `/api/intents/${b.id}/decide`)[0].body).toEqual({ decision: 'decline', reason: '数量不够' });
    await waitFor(() =>
      expect(
        screen
          .getAllByTestId('intent-item')
          .find((i) => i.getAttribute('data-id') === b.id)!
          .getAttribute('data-state'),
      ).toBe('declined'),
    );
    expect(screen.queryByTestId('intent-accept')).toBeNull();
  });

  test('a 409 on accept (not enough left) is said in Chinese with what to do, and the intents reload', async () => {
    const a = anIntent(1, { quantity: 300 });
    fakeApi
      .on('GET', url, mine)
      .on('GET', `${url}/intents`, { items: [a] })
      .on('POST', `/api/intents/${a.id}/decide`, fakeApi.error('NOT_ENOUGH_LEFT', 409, ERRORS.NOT_ENOUGH_LEFT[1]));
    render(<ListingPage />);

    fireEvent.click(await screen.findByTestId('intent-accept'));
    const error = await screen.findByTestId('intent-decide-error');
    expect(screen.getByTestId('intent-decide-error-message').textContent).toBe('剩余数量不够，请减少数量');
    expect(within(error).getByTestId('intent-decide-error-hint').textContent).toContain('可以婉拒');
    await waitFor(() => expect(fakeApi.calls('GET', `${url}/intents`).length).toBeGreaterThanOrEqual(2));
  });

  test('the seller’s buttons follow `can`: 标记售完 and 下架 on sale, 修改 and 提交审核 on a draft', async () => {
    fakeApi
      .on('GET', url, aListing({ mine: true, state: 'draft', can: { ...NONE, edit: true, submit: true, close: true } }))
      .on('GET', `${url}/intents`, { items: [] })
      .on('POST', `${url}/submit`, aListing({ mine: true, state: 'pending_review', contentCheck: 'review' }));
    render(<ListingPage />);

    fireEvent.click(await screen.findByTestId('listing-edit'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pkg-market/listing-edit/index?id=${LISTING}` });
    expect(screen.queryByTestId('listing-sold-out')).toBeNull(); // only something on sale sells out
    expect(screen.getByTestId('listing-close')).toBeTruthy();
    fireEvent.click(screen.getByTestId('listing-detail-submit'));
    await waitFor(() => expect(screen.getByTestId('listing-state').getAttribute('data-state')).toBe('pending_review'));
    expect(screen.getByTestId('listing-content-check').textContent).toBe('需人工复核');
    expect(screen.queryByTestId('listing-edit')).toBeNull();
  });
});

describe('审核: reviewers', () => {
  test('a head approves on the detail page; a cadre features it', async () => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/listing/index', { id: LISTING });
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', `/api/listings/${LISTING}`, aListing({ seller: BUYER, state: 'pending_review', contentCheck: 'review', can: { ...NONE, review: true } }))
      .on('POST', `/api/listings/${LISTING}/review`, aListing({ seller: BUYER, state: 'published', can: { ...NONE, feature: true } }))
      .on('POST', `/api/listings/${LISTING}/feature`, aListing({ seller: BUYER, state: 'published', featured: true, can: { ...NONE, feature: true } }));
    render(<ListingPage />);

    expect((await screen.findByTestId('listing-content-check')).textContent).toBe('需人工复核');
    fireEvent.click(screen.getByTestId('review-approve'));
    await waitFor(() => expect(screen.getByTestId('listing-state').getAttribute('data-state')).toBe('published'));
    expect(fakeApi.calls('POST', `/api/listings/${LISTING}/review`)[0].body).toEqual({ decision: 'approve' });

    expect(screen.getByTestId('listing-feature').textContent).toBe('设为村里推荐');
    fireEvent.click(screen.getByTestId('listing-feature'));
    await waitFor(() => expect(screen.getByTestId('listing-feature').textContent).toBe('取消村里推荐'));
    expect(fakeApi.calls('POST', `/api/listings/${LISTING}/feature`)[0].body).toEqual({ featured: true });
  });

  test('the queue rejects only with a reason and drops what was decided', async () => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/review/index');
    fakeApi
      .on('GET', '/api/me', aMe([grants.head]))
      .on('GET', '/api/listings/review-queue', {
        listings: [aListing({ state: 'pending_review', contentCheck: 'review', can: { ...NONE, review: true } })],
        jobs: [aJob({ state: 'pending_review', can: { edit: false, submit: false, review: true, close: false, apply: false } })],
      })
      .on('POST', `/api/listings/${LISTING}/review`, aListing({ state: 'rejected', rejectReason: '照片看不清，请重新拍' }))
      .on('POST', `/api/jobs/${JOB}/review`, aJob({ state: 'published' }));
    render(<MarketReviewPage />);

    const listing = await screen.findByTestId('review-listing');
    expect(within(listing).getByTestId('review-listing-check').textContent).toBe('需人工复核');
    fireEvent.click(within(listing).getByTestId('review-reject-open'));
    fireEvent.click(within(listing).getByTestId('review-reject-submit'));
    expect((await within(listing).findByTestId('review-error')).textContent).toBe('请写明退回原因，发布人会看到');
    expect(fakeApi.calls('POST', `/api/listings/${LISTING}/review`)).toHaveLength(0);
    fireEvent.click(within(listing).getByTestId('review-reason-0'));
    fireEvent.click(within(listing).getByTestId('review-reject-submit'));
    await waitFor(() => expect(screen.queryByTestId('review-listing')).toBeNull());
    expect(fakeApi.calls('POST', `/api/listings/${LISTING}/review`)[0].body).toEqual({ decision: 'reject', reason: '照片看不清，请重新拍' });

    fireEvent.click(within(screen.getByTestId('review-job')).getByTestId('review-approve'));
    expect((await screen.findByTestId('review-empty')).textContent).toBe('都审核完了，共 2 条。');
  });
});

describe('我的意向: the seller’s phone only after acceptance', () => {
  beforeEach(() => {
    fakeTaro.signIn();
    fakeTaro.setRoute('/pkg-market/mine/index', { tab: 'intents' });
    fakeApi.on('GET', '/api/me', aMe([grants.villager]));
  });

  test('shows the phone with a call button on the accepted intent only; pending ones can be withdrawn', async () => {
    const called: string[] = [];
    setPhoneCaller(async (p) => void called.push(p));
    const pending = anIntent(1, { mine: true, sellerPhone: '13800009999' }); // never shown while pending, whatever arrives
    const accepted = anIntent(2, { mine: true, state: 'accepted', sellerPhone: '13800001111' });
    const declined = anIntent(3, { mine: true, state: 'declined', declineReason: '已经卖完了' });
    fakeApi
      .on('GET', '/api/intents/mine', { items: [pending, accepted, declined] })
      .on('POST', `/api/intents/${pending.id}/cancel`, { ...pending, state: 'cancelled', sellerPhone: null });
    render(<MarketMinePage />);

    const items = await screen.findAllByTestId('my-intent');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['pending', 'accepted', 'declined']);
    expect(screen.getAllByTestId('my-intent-seller-phone')).toHaveLength(1);
    const phone = within(items[1]).getByTestId('my-intent-seller-phone');
    expect(phone.getAttribute('data-phone')).toBe('13800001111');
    expect(phone.textContent).toContain('138 0000 1111');
    expect(within(items[0]).queryByTestId('my-intent-seller-phone')).toBeNull();
    expect(items[0].textContent).not.toContain('13800009999');
    expect(items[2].textContent).toContain('已经卖完了');
    fireEvent.click(within(phone).getByTestId('my-intent-seller-phone-call'));
    expect(called).toEqual(['13800001111']);

    expect(within(items[1]).queryByTestId('my-intent-cancel')).toBeNull();
    fireEvent.click(within(items[0]).getByTestId('my-intent-cancel'));
    await waitFor(() => expect(screen.getAllByTestId('my-intent')[0].getAttribute('data-state')).toBe('cancelled'));
    expect(fakeApi.calls('POST', `/api/intents/${pending.id}/cancel`)[0].headers['Idempotency-Key']).toMatch(UUID);
  });

  test('the tab from the notification link opens; the others load when chosen', async () => {
    fakeApi.on('GET', '/api/intents/mine', { items: [] }).on('GET', '/api/listings/mine', { items: [aListing({ mine: true, state: 'pending_review' })] });
    render(<MarketMinePage />);
    expect((await screen.findByTestId('mine-empty')).textContent).toContain('还没有想买的东西');
    fireEvent.click(screen.getByTestId('mine-tab-listings'));
    expect((await screen.findByTestId('my-listing')).getAttribute('data-state')).toBe('pending_review');
  });
});
