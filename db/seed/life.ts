import type { Db } from '../client';
import { jobs, listings, media, requestEvents, requests } from '../schema';
import { demoPng, sha256Hex } from './images';
import { takeTicketSeq } from '../queries/tickets';
import { ticketYear } from '../../shared/domain/ticket-number';

export type TDemoCourtyard = {
  villageId: string;
  townshipId: string;
  courtyardId: string;
  headId: string;
  residents: { personId: string; householdId: string }[];
};

const H = 3_600_000;

/**
 * A little village life for the demo: 找院长 requests in every state (one left for a day so it
 * has climbed to the village), produce listings and a job on sale. Inserted directly as
 * history (no notifications, no timers: they are in the past).
 */
export async function seedVillageLife(tx: Db, yards: TDemoCourtyard[], now: Date): Promise<void> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * H);
  const [a, b, c] = yards;
  const plan = [
    { y: a, r: 0, category: 'infrastructure', text: '院坝门口的路灯坏了，晚上看不见路', state: 'submitted', level: 'courtyard', ago: 3 },
    { y: a, r: 1, category: 'sanitation', text: '后面的水沟堵了，下雨就漫出来', state: 'accepted', level: 'courtyard', ago: 30 },
    { y: b, r: 0, category: 'dispute', text: '邻居家的鸡总跑到我家菜地里', state: 'closed', level: 'private', ago: 120, rating: 5 },
    { y: c, r: 0, category: 'help', text: '老人一个人在家，想请人帮忙买药', state: 'resolved', level: 'courtyard', ago: 50 },
    { y: b, r: 1, category: 'infrastructure', text: '村道塌了一块，车过不去', state: 'escalated_village', level: 'village', ago: 28 },
  ] as const;
  // oldest first, so their 工单号 follow creation order as real ones do
  for (const p of [...plan].sort((x, y) => y.ago - x.ago)) {
    const who = p.y.residents[p.r];
    const created = at(p.ago);
    const year = ticketYear(created);
    const accepted = p.state === 'accepted' || p.state === 'resolved' || p.state === 'closed' ? at(p.ago - 2) : null;
    const resolved = p.state === 'resolved' || p.state === 'closed' ? at(p.ago - 20) : null;
    const [r] = await tx
      .insert(requests)
      .values({
        requesterId: who.personId,
        householdId: who.householdId,
        courtyardId: p.y.courtyardId,
        villageId: p.y.villageId,
        townshipId: p.y.townshipId,
        ticketYear: year,
        ticketSeq: await takeTicketSeq(tx, p.y.townshipId, 'request', year),
        category: p.category,
        text: p.text,
        state: p.state,
        level: p.level,
        handlerId: accepted ? p.y.headId : null,
        dueAt:
          p.state === 'accepted'
            ? new Date(accepted!.getTime() + 168 * H)
            : p.state === 'submitted' || p.state === 'escalated_village'
              ? new Date(now.getTime() + 20 * H)
              : null,
        createdAt: created,
        acceptedAt: accepted,
        resolvedAt: resolved,
        closedAt: p.state === 'closed' ? at(p.ago - 30) : null,
        rating: 'rating' in p ? p.rating : null,
        updatedAt: created,
      })
      .returning({ id: requests.id });
    const events: (typeof requestEvents.$inferInsert)[] = [
      { requestId: r.id, actorId: who.personId, kind: 'submitted', toState: 'submitted', toLevel: 'courtyard', at: created },
    ];
    if (p.state === 'escalated_village')
      events.push({
        requestId: r.id,
        actorId: null,
        kind: 'auto_escalated',
        fromState: 'submitted',
        toState: p.state,
        fromLevel: 'courtyard',
        toLevel: 'village',
        note: '24小时内无人受理',
        at: at(p.ago - 24),
      });
    if (accepted)
      events.push({ requestId: r.id, actorId: p.y.headId, kind: 'accepted', fromState: 'submitted', toState: 'accepted', toLevel: p.level, at: accepted });
    if (resolved)
      events.push({
        requestId: r.id,
        actorId: p.y.headId,
        kind: 'resolved',
        fromState: 'accepted',
        toState: 'resolved',
        toLevel: p.level,
        note: '已处理',
        at: resolved,
      });
    if (p.state === 'closed')
      events.push({
        requestId: r.id,
        actorId: who.personId,
        kind: 'closed',
        fromState: 'resolved',
        toState: 'closed',
        toLevel: p.level,
        note: '5星',
        at: at(p.ago - 30),
      });
    await tx.insert(requestEvents).values(events);
  }
  const sell = [
    { y: a, r: 2, title: '土鸡蛋', category: 'poultry_egg', priceFen: 150, unit: '个', quantity: 120, featured: true, bg: [214, 168, 96], fg: [250, 240, 220] },
    { y: b, r: 2, title: '百花蜂蜜', category: 'specialty', priceFen: 6000, unit: '斤', quantity: 20, featured: false, bg: [120, 86, 40], fg: [240, 176, 40] },
    { y: c, r: 1, title: '新鲜红薯', category: 'vegetable', priceFen: 250, unit: '斤', quantity: 300, featured: false, bg: [96, 140, 72], fg: [168, 72, 96] },
  ] as const;
  for (const [i, s] of sell.entries()) {
    const who = s.y.residents[s.r];
    const published = at(48 - i * 5);
    // one drawn photo per listing, in the media store like an upload of the seller's
    const photo = demoPng([...s.bg], [...s.fg]);
    // its id comes from the database, like the listing's: village life is seeded more than once on a shared test database
    const [{ id: photoId }] = await tx
      .insert(media)
      .values({
        ownerId: who.personId,
        villageId: s.y.villageId,
        courtyardId: s.y.courtyardId,
        contentType: 'image/png',
        size: photo.length,
        sha256: sha256Hex(photo),
        bytes: photo,
        createdAt: at(60),
      })
      .returning({ id: media.id });
    await tx.insert(listings).values({
      photoIds: [photoId],
      sellerId: who.personId,
      villageId: s.y.villageId,
      courtyardId: s.y.courtyardId,
      townshipId: s.y.townshipId,
      title: s.title,
      category: s.category,
      description: '自家产的，欢迎来看',
      priceFen: s.priceFen,
      unit: s.unit,
      quantity: s.quantity,
      pickupNote: '院里自取，也可以送到村口',
      contactPref: 'phone',
      state: 'published',
      featured: s.featured,
      contentCheck: 'pass',
      reviewedBy: s.y.headId,
      publishedAt: published,
      expiresAt: new Date(published.getTime() + 30 * 24 * H),
      createdAt: at(60),
      updatedAt: published,
    });
  }
  const start = new Date(now.getTime() + 7 * 24 * H).toISOString().slice(0, 10);
  const end = new Date(now.getTime() + 12 * 24 * H).toISOString().slice(0, 10);
  await tx.insert(jobs).values({
    posterId: a.residents[3].personId,
    villageId: a.villageId,
    courtyardId: a.courtyardId,
    townshipId: a.townshipId,
    employerKind: 'cooperative',
    employerName: '石坝柑橘合作社',
    title: '柑子采摘',
    description: '柑子园采摘装筐，管午饭',
    payFen: 12000,
    payUnit: 'day',
    jobPlace: '石坝村柑子园',
    startDate: start,
    endDate: end,
    headcount: 6,
    state: 'published',
    contentCheck: 'pass',
    reviewedBy: a.headId,
    publishedAt: at(20),
    expiresAt: new Date(`${end}T23:59:59+08:00`),
    createdAt: at(24),
    updatedAt: at(20),
  });
}
