import type { TRole } from '../contracts/common';
import { canAct, type TGrant, type TScopePath } from './access';
import { handlerRoles, tierOf, type TRequestLevel } from './requests';
import { ALL_ROLES } from './roles';

/**
 * 权限表 — who may do what to which object, in one place. The route adapter asks `can` before
 * any use case runs; use cases and the client's `can` flags ask the same function.
 */

/** The kinds of object a route acts on. `self`: the caller themself (my lists, what I create). */
export const OBJECT_KINDS = [
  'self',
  'township',
  'village',
  'courtyard',
  'household',
  'person',
  'joinRequest',
  'notification',
  'inboxMessage',
  'reward',
  'redemption',
  'bin',
  'binReport',
  'request',
  'sos',
  'listing',
  'job',
  'intent',
  'application',
  'media',
] as const;
export type TObjectKind = (typeof OBJECT_KINDS)[number];

/** People with a part in an object. */
export type TParty = 'owner' | 'counterpart' | 'member' | 'responder' | 'worker' | 'handler';

/** What the access layer knows of an object: where it lives and who has a part in it. */
export type TAccessObject = {
  kind: TObjectKind;
  /** where it lives; null for the caller themself */
  place: TScopePath | null;
  /** whose it is: the applicant, requester, caller, uploader, seller, poster, buyer, worker, recipient or the person themself */
  owner?: string | null;
  /** the other side of an intent (the seller) or an application (the poster) */
  counterpart?: string | null;
  /** a household's members */
  members?: readonly string[];
  /** who was told of an SOS, and the household's party members */
  responders?: readonly string[];
  /** a bin's cleaners */
  workers?: readonly string[];
  /** who acknowledged an SOS */
  handler?: string | null;
  /** a 找院长 request's level: its tier decides who handles it */
  level?: TRequestLevel;
  /** open to every signed-in person (a published listing or job, a bin) */
  open?: boolean;
  /** a photo on a bin report (cleaners over the place see those) */
  onBinReport?: boolean;
  /** a photo's requests and listings: whoever may see one of them sees the photo */
  shownIn?: readonly TAccessObject[];
};

export type TActorLike = { personId: string; grants: readonly TGrant[] };

type TRule = {
  /** roles whose grant covers the object's place (for `self`: held anywhere) */
  roles?: readonly TRole[] | ((o: TAccessObject) => readonly TRole[]);
  /** 'within': the grant sits inside or above the place (a villager and their village's shop) */
  reach?: 'covers' | 'within';
  /** people with a part in the object who may */
  parties?: readonly TParty[];
  /** every signed-in person; with `open`: only while the object is open */
  anyone?: true;
  open?: true;
  /** parts that may never, whatever their role (the caller of an SOS does not answer it) */
  never?: readonly TParty[];
  /** roles that need a part as well (a cleaner closes reports of their own bins only) */
  alsoParty?: TParty;
  /** cleaners over the place, for photos on bin reports */
  cleanersOnBinReports?: true;
  /** whoever may see an object showing this one (a photo on a request or listing) */
  viaShownIn?: true;
  /** what a refused caller who may see the object is told, when more than 「没有权限」 helps */
  why?: string;
  /** 404 to every refused caller: someone's own thing is not confirmed to exist to anyone else */
  refused?: 404;
};

const STAFF = ['courtyard_head', 'village_cadre', 'township_staff'] as const;
const REVIEWERS = ['courtyard_head', 'village_cadre'] as const;
const handlersOf = (o: TAccessObject) => handlerRoles(tierOf(o.level ?? 'courtyard'));

/** The table. Read a line as: "<action>: <roles> over the place, or <parties>, may". */
export const POLICY = {
  // 我: what a signed-in person does for themself
  'self.use': { anyone: true },
  'self.cleanerTasks': { roles: ['cleaner'] },
  'self.requestQueue': { roles: STAFF },
  'self.reviewQueue': { roles: REVIEWERS },
  // 扫码登录管理后台: the back office is for 院长, 村干部 and 镇街管理员
  'self.adminLogin': { roles: STAFF, why: '管理后台只供院长、村干部和镇街管理员使用，您的账号不能扫码登录' },

  // 组织: seeing a place, and what its staff do there
  'place.view': { roles: ALL_ROLES, reach: 'within' },
  'courtyard.invite': { roles: REVIEWERS },
  'courtyard.joinRequests': { roles: REVIEWERS },
  'courtyard.people': { roles: REVIEWERS },
  'village.memberInfo': { roles: ALL_ROLES, reach: 'within' },
  'village.manage': { roles: ['village_cadre'] },
  /** 信息采集表导入: the village's cadres, and township staff into a village of their township */
  'village.registryImport': { roles: ['village_cadre', 'township_staff'] },
  // 注销申请: the village's cadres confirm them (decision 017)
  'village.deletions': { roles: ['village_cadre'] },
  'village.staffInfo': { roles: ['village_cadre', 'township_staff'] },
  /** 数据概览 of a courtyard: its 院长, and staff over it */
  'courtyard.overview': { roles: STAFF },
  'village.courtyards': { roles: ['village_cadre', 'township_staff', 'shopkeeper'] },
  'village.shop': { roles: ['shopkeeper', 'village_cadre'] },
  'township.staffInfo': { roles: ['township_staff'] },

  // 入院: joining a courtyard (an invite is looked up by its code, by anyone signed in: self.use)
  'joinRequest.view': { parties: ['owner'], roles: STAFF },
  'joinRequest.decide': { roles: REVIEWERS },
  'joinRequest.withdraw': { parties: ['owner'], refused: 404 },

  // 户与人
  'household.view': { parties: ['member'], roles: STAFF },
  'household.points': { parties: ['member'], roles: STAFF },
  'household.partyMember': { roles: REVIEWERS },
  'person.view': { parties: ['owner'], roles: ALL_ROLES, reach: 'within' },
  // 信息采集: staff over the place list, search, export and correct its people and households
  'registry.view': { roles: STAFF },
  'registry.edit': { roles: STAFF },
  'person.adjustPoints': { roles: REVIEWERS, never: ['owner'], why: '不能给自己加减积分' },

  // 消息
  'notification.view': { parties: ['owner'], roles: ['village_cadre', 'township_staff'] },
  'notification.retry': { roles: ['village_cadre', 'township_staff'] },
  'inboxMessage.read': { parties: ['owner'] },

  // 积分超市
  'reward.view': { roles: ALL_ROLES, reach: 'within' },
  'reward.update': { roles: ['village_cadre'] },
  'reward.redeem': { roles: ALL_ROLES, reach: 'within' },
  'redemption.view': { parties: ['owner'], roles: ['shopkeeper', 'village_cadre'] },
  'redemption.cancel': { parties: ['owner'], roles: ['village_cadre'], refused: 404 },

  // 爱环境
  'bin.view': { anyone: true },
  'bin.report': { anyone: true },
  'bin.update': { roles: ['village_cadre'] },
  'bin.wxacode': { roles: ['village_cadre', 'township_staff'] },
  'binReport.view': { parties: ['worker'], roles: ['village_cadre', 'township_staff'] },
  'binReport.close': { roles: ['cleaner'], alsoParty: 'worker' },

  // 找院长: the requester, and staff over the courtyard; the tier that owns it handles it
  'request.view': { parties: ['owner'], roles: STAFF },
  'request.handle': { roles: handlersOf },
  'request.message': { parties: ['owner'], roles: handlersOf },
  'request.requesterAct': { parties: ['owner'] },
  // 找院长 at the desk: every request of a courtyard, for staff over it (a village's or township's: staffInfo)
  'courtyard.requests': { roles: STAFF },

  // 一键呼叫: the caller, those told, the household's party members, staff over the courtyard
  'sos.view': { parties: ['owner', 'responder'], roles: STAFF },
  'sos.ack': { parties: ['responder'], roles: STAFF, never: ['owner'] },
  'sos.resolve': { parties: ['handler'], roles: STAFF },
  'sos.cancel': { parties: ['owner'] },

  // 帮我卖 / 找活干: open once published; before that the poster and the reviewers over it
  'listing.view': { anyone: true, open: true, parties: ['owner'], roles: STAFF },
  'listing.own': { parties: ['owner'], refused: 404 },
  'listing.review': { roles: REVIEWERS },
  'listing.feature': { roles: ['village_cadre'] },
  'job.view': { anyone: true, open: true, parties: ['owner'], roles: STAFF },
  'job.own': { parties: ['owner'], refused: 404 },
  'job.review': { roles: REVIEWERS },
  'intent.view': { parties: ['owner', 'counterpart'] },
  'intent.decide': { parties: ['counterpart'], refused: 404 },
  'intent.cancel': { parties: ['owner'], refused: 404 },
  'application.view': { parties: ['owner', 'counterpart'] },
  'application.decide': { parties: ['counterpart'], refused: 404 },
  'application.withdraw': { parties: ['owner'], refused: 404 },
  'application.work': { parties: ['owner', 'counterpart'], refused: 404 },

  // 照片: the uploader, staff over where they live, cleaners for bin-report photos, and whoever
  // may see a request or listing that shows it
  'media.view': { parties: ['owner'], roles: STAFF, cleanersOnBinReports: true, viaShownIn: true },
} satisfies Record<string, TRule>;

export type TAction = keyof typeof POLICY;

/** Which action decides whether an object may be seen at all: refused callers who may not see it get 404, not 403. */
export const VIEW_ACTION: Record<TObjectKind, TAction> = {
  self: 'self.use',
  township: 'place.view',
  village: 'place.view',
  courtyard: 'place.view',
  household: 'household.view',
  person: 'person.view',
  joinRequest: 'joinRequest.view',
  notification: 'notification.view',
  inboxMessage: 'inboxMessage.read',
  reward: 'reward.view',
  redemption: 'redemption.view',
  bin: 'bin.view',
  binReport: 'binReport.view',
  request: 'request.view',
  sos: 'sos.view',
  listing: 'listing.view',
  job: 'job.view',
  intent: 'intent.view',
  application: 'application.view',
  media: 'media.view',
};

function hasPart(actor: TActorLike, o: TAccessObject, part: TParty): boolean {
  const me = actor.personId;
  switch (part) {
    case 'owner':
      return o.owner === me;
    case 'counterpart':
      return o.counterpart === me;
    case 'handler':
      return o.handler === me;
    case 'member':
      return o.members?.includes(me) ?? false;
    case 'responder':
      return o.responders?.includes(me) ?? false;
    case 'worker':
      return o.workers?.includes(me) ?? false;
  }
}

function byRole(actor: TActorLike, o: TAccessObject, rule: TRule): boolean {
  if (!rule.roles) return false;
  const roles = typeof rule.roles === 'function' ? rule.roles(o) : rule.roles;
  if (o.kind === 'self') return canAct(actor.grants, roles);
  return o.place !== null && canAct(actor.grants, roles, o.place, rule.reach);
}

/** 能否: may `actor` do `action` to `object`? The one rule every route, use case and button asks. */
export function can(action: TAction, actor: TActorLike, object: TAccessObject): boolean {
  const rule: TRule = POLICY[action];
  if (rule.never?.some((p) => hasPart(actor, object, p))) return false;
  if (rule.anyone && (!rule.open || object.open)) return true;
  if (rule.parties?.some((p) => hasPart(actor, object, p))) return true;
  if (byRole(actor, object, rule)) return !rule.alsoParty || hasPart(actor, object, rule.alsoParty);
  if (rule.cleanersOnBinReports && object.onBinReport && object.place && canAct(actor.grants, ['cleaner'], object.place)) return true;
  if (rule.viaShownIn) return (object.shownIn ?? []).some((s) => can(VIEW_ACTION[s.kind], actor, s));
  return false;
}

/** What a refused caller who may see the object is told (undefined: the plain 403 message). */
export function refusalReason(action: TAction): string | undefined {
  return (POLICY[action] as TRule).why;
}

/**
 * The answer to a refused caller: 403 if they may see the object, else 404 (no existence
 * oracle); always 404 for what is someone's own (their listing, intent, application).
 */
export function refusalStatus(action: TAction, actor: TActorLike, object: TAccessObject): 403 | 404 {
  if ((POLICY[action] as TRule).refused) return 404;
  return can(VIEW_ACTION[object.kind], actor, object) ? 403 : 404;
}
