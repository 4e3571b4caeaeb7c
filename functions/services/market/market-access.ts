import type { TApplicationRecord, TIntentRecord, TJobRecord, TListingRecord } from '../../../db/queries/market';
import type { TApplication, TJob } from '../../../shared/contracts/jobs';
import type { TIntent, TListing } from '../../../shared/contracts/market';
import { can, type TAccessObject } from '../../../shared/domain/permissions';
import { isPostPublic, postRefusal, recordsAgree, type TPostState } from '../../../shared/domain/market';
import type { TActor } from '../context';

type TPlace = { townshipId: string; villageId: string; courtyardId: string | null };

/** A listing or job as the access layer sees it (shared/domain/permissions.ts decides). */
export function postObject(kind: 'listing' | 'job', p: TPlace & { state: string; ownerId: string }): TAccessObject {
  return { kind, place: { townshipId: p.townshipId, villageId: p.villageId, courtyardId: p.courtyardId }, owner: p.ownerId, open: isPostPublic(p.state) };
}

/** Who reviews a post: heads of its courtyard and cadres of its village. */
export function reviewerScope(actor: TActor): { courtyardIds: string[]; villageIds: string[] } {
  return {
    courtyardIds: actor.grants.filter((g) => g.role === 'courtyard_head').map((g) => g.scopeId),
    villageIds: actor.grants.filter((g) => g.role === 'village_cadre').map((g) => g.scopeId),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ok = (state: TPostState, action: Parameters<typeof postRefusal>[1]) => postRefusal(state, action) === null;

export function toListing(r: TListingRecord, actor: TActor): TListing {
  const mine = r.sellerId === actor.personId;
  const o = postObject('listing', { ...r, ownerId: r.sellerId });
  return {
    id: r.id,
    seller: { id: r.sellerId, name: r.sellerName },
    village: { id: r.villageId, name: r.villageName },
    courtyard: { id: r.courtyardId ?? '', name: r.courtyardName ?? '' },
    title: r.title,
    category: r.category,
    description: r.description,
    photoIds: r.photoIds,
    priceFen: r.priceFen,
    unit: r.unit,
    quantity: r.quantity,
    pickupNote: r.pickupNote,
    contactPref: r.contactPref,
    state: r.state,
    featured: r.featured,
    rejectReason: r.rejectReason,
    contentCheck: r.contentCheck,
    publishedAt: iso(r.publishedAt),
    expiresAt: iso(r.expiresAt),
    createdAt: r.createdAt.toISOString(),
    mine,
    can: {
      edit: mine && ok(r.state, 'edit'),
      submit: mine && ok(r.state, 'submit'),
      review: can('listing.review', actor, o) && ok(r.state, 'review'),
      feature: can('listing.feature', actor, o) && ok(r.state, 'feature'),
      close: mine && ok(r.state, 'close'),
      intend: !mine && ok(r.state, 'take') && r.quantity > 0,
    },
  };
}

export function toJob(r: TJobRecord, actor: TActor): TJob {
  const mine = r.posterId === actor.personId;
  const o = postObject('job', { ...r, ownerId: r.posterId });
  return {
    id: r.id,
    poster: { id: r.posterId, name: r.posterName },
    employer: { kind: r.employerKind, name: r.employerName || r.posterName },
    village: { id: r.villageId, name: r.villageName },
    title: r.title,
    description: r.description,
    payFen: r.payFen,
    payUnit: r.payUnit,
    place: r.jobPlace,
    startDate: r.startDate,
    endDate: r.endDate,
    headcount: r.headcount,
    accepted: r.accepted,
    state: r.state,
    rejectReason: r.rejectReason,
    contentCheck: r.contentCheck,
    publishedAt: iso(r.publishedAt),
    createdAt: r.createdAt.toISOString(),
    mine,
    can: {
      edit: mine && ok(r.state, 'edit'),
      submit: mine && ok(r.state, 'submit'),
      review: can('job.review', actor, o) && ok(r.state, 'review'),
      close: mine && ok(r.state, 'close'),
      apply: !mine && ok(r.state, 'take'),
    },
  };
}

export function toIntent(r: TIntentRecord, me: string): TIntent {
  const isSeller = r.sellerId === me;
  return {
    id: r.id,
    listing: { id: r.listingId, title: r.listingTitle, unit: r.listingUnit, priceFen: r.listingPriceFen },
    buyer: { id: r.buyerId, name: r.buyerName },
    quantity: r.quantity,
    buyerPhone: r.phone,
    note: r.note,
    state: r.state,
    declineReason: r.declineReason,
    // the seller's phone reaches the buyer only once the seller accepted
    sellerPhone: isSeller || r.state === 'accepted' ? r.sellerPhone : null,
    seller: { id: r.sellerId, name: r.sellerName },
    createdAt: r.createdAt.toISOString(),
    mine: r.buyerId === me,
  };
}

type TRecordRow = { applicationId: string; side: string; days: number; payFen: number; at: Date };

export function toApplication(r: TApplicationRecord, me: string, records: TRecordRow[]): TApplication {
  const side = (s: string) => {
    const x = records.find((w) => w.applicationId === r.id && w.side === s);
    return x ? { days: Number(x.days), payFen: x.payFen, at: x.at.toISOString() } : null;
  };
  const worker = side('worker');
  const poster = side('poster');
  return {
    id: r.id,
    job: { id: r.jobId, title: r.jobTitle, payFen: r.jobPayFen, payUnit: r.jobPayUnit },
    worker: { id: r.workerId, name: r.workerName },
    workerPhone: r.posterId === me || r.workerId === me ? r.workerPhone : null,
    note: r.note,
    state: r.state,
    records: { worker, poster, agreed: recordsAgree(worker, poster) },
    createdAt: r.createdAt.toISOString(),
    mine: r.workerId === me,
  };
}
