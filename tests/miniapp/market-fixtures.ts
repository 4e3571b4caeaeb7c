import { fireEvent, screen } from '@testing-library/react';
import type { TApplication, TJob } from '../../shared/contracts/jobs';
import type { TIntent, TListing } from '../../shared/contracts/market';
import { setPhotoHost, type PhotoHost } from '../../miniapp/src/platform';
import { IDS } from './fixtures';

/** Listings, intents, jobs and applications as the market API returns them, for the market page tests. */
export const uuid = (n: number) => `eeeeeeee-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const LISTING = uuid(1);
export const JOB = uuid(2);
export const PHOTO = uuid(900);
export const SELLER = { id: IDS.person, name: '王秀英' };
export const BUYER = { id: uuid(501), name: '张买家' };
export const WORKER = { id: uuid(502), name: '李干活' };
export const NONE = { edit: false, submit: false, review: false, feature: false, close: false, intend: false };

export function aListing(overrides: Partial<TListing> = {}): TListing {
  return {
    id: LISTING,
    seller: SELLER,
    village: { id: IDS.village, name: '石坝村' },
    courtyard: { id: IDS.courtyard, name: '桂花院' },
    title: '土鸡蛋',
    category: 'poultry_egg',
    description: '自家散养',
    photoIds: [],
    priceFen: 150,
    unit: '个',
    quantity: 100,
    pickupNote: '桂花院3号',
    contactPref: 'phone',
    state: 'published',
    featured: false,
    rejectReason: null,
    contentCheck: 'pass',
    publishedAt: '2025-11-20T02:00:00.000Z',
    expiresAt: null,
    createdAt: '2025-11-20T01:00:00.000Z',
    mine: false,
    can: { ...NONE },
    ...overrides,
  };
}

export function anIntent(n: number, overrides: Partial<TIntent> = {}): TIntent {
  return {
    id: uuid(100 + n),
    listing: { id: LISTING, title: '土鸡蛋', unit: '个', priceFen: 150 },
    buyer: BUYER,
    quantity: 30,
    buyerPhone: '13911112222',
    note: '',
    state: 'pending',
    declineReason: null,
    sellerPhone: null,
    seller: SELLER,
    createdAt: new Date(Date.UTC(2025, 10, 20, 3, n)).toISOString(),
    mine: false,
    ...overrides,
  };
}

export function aJob(overrides: Partial<TJob> = {}): TJob {
  return {
    id: JOB,
    poster: SELLER,
    employer: { kind: 'cooperative', name: '石坝茶叶合作社' },
    village: { id: IDS.village, name: '石坝村' },
    title: '摘茶叶',
    description: '',
    payFen: 15000,
    payUnit: 'day',
    place: '二组茶园',
    startDate: '2026-04-01',
    endDate: '2026-04-05',
    headcount: 5,
    accepted: 1,
    state: 'published',
    rejectReason: null,
    contentCheck: 'pass',
    publishedAt: '2026-03-20T02:00:00.000Z',
    createdAt: '2026-03-20T01:00:00.000Z',
    mine: false,
    can: { edit: false, submit: false, review: false, close: false, apply: false },
    ...overrides,
  };
}

export function anApplication(overrides: Partial<TApplication> = {}): TApplication {
  return {
    id: uuid(300),
    job: { id: JOB, title: '摘茶叶', payFen: 15000, payUnit: 'day' },
    worker: WORKER,
    workerPhone: '13722223333',
    note: '',
    state: 'accepted',
    records: { worker: null, poster: null, agreed: null },
    createdAt: '2026-03-21T01:00:00.000Z',
    mine: true,
    ...overrides,
  };
}

/** A phone whose album gives one photo that shrinks to a few bytes. */
export function phonePhotos(): PhotoHost {
  const host: PhotoHost = {
    choosePhotos: jest.fn(async (count: number) => [{ src: 'wxfile://tmp/eggs.jpg' }].slice(0, count)),
    shrinkPhoto: jest.fn(async () => ({ base64: Buffer.alloc(3000, 7).toString('base64') })),
    photoSrc: jest.fn(async (m: { contentType: string; base64: string }) => `data:${m.contentType};base64,${m.base64}`),
  };
  setPhotoHost(host);
  return host;
}

export const typeInto = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
