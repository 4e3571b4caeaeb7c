import { SCOPE_TYPES, type TRole, type TScopeType } from './roles';
import { clipText } from './text';

/**
 * 找院长: the request loop as pure rules. A request has a state (where it is in the loop) and
 * a level (私事/小事/大事/难事, how heavy it is). The level decides which tier owns it: the
 * courtyard (私事, 小事), the village (大事) or the township (难事).
 *
 * Each concept has one list (`*_KEYS`); the contract's enum, the column and its CHECK come from
 * it, and the label maps must name every key (and nothing else).
 */
export const REQUEST_CATEGORY_KEYS = ['dispute', 'sanitation', 'infrastructure', 'help', 'policy', 'other'] as const;
export type TRequestCategory = (typeof REQUEST_CATEGORY_KEYS)[number];
export const REQUEST_CATEGORIES = {
  dispute: '邻里纠纷',
  sanitation: '环境卫生',
  infrastructure: '基础设施',
  help: '生活求助',
  policy: '政策咨询',
  other: '其他',
} as const satisfies Record<TRequestCategory, string>;

export const REQUEST_LEVEL_KEYS = ['private', 'courtyard', 'village', 'township'] as const;
export type TRequestLevel = (typeof REQUEST_LEVEL_KEYS)[number];
export const REQUEST_LEVELS = { private: '私事', courtyard: '小事', village: '大事', township: '难事' } as const satisfies Record<TRequestLevel, string>;

export const REQUEST_STATE_KEYS = ['submitted', 'accepted', 'escalated_village', 'escalated_township', 'resolved', 'closed', 'withdrawn'] as const;
export type TRequestState = (typeof REQUEST_STATE_KEYS)[number];
export const REQUEST_STATES = {
  submitted: '待受理',
  accepted: '办理中',
  escalated_village: '已转给村里',
  escalated_township: '已报到镇街',
  resolved: '已办结待确认',
  closed: '已完结',
  withdrawn: '已撤回',
} as const satisfies Record<TRequestState, string>;

/** A tier is a level of the organisation: 院落, 村 or 镇街, lowest first. */
export type TTier = TScopeType;
export const TIERS = SCOPE_TYPES;
const TIER_RANK: Record<TTier, number> = { courtyard: 0, village: 1, township: 2 };

export function tierOf(level: TRequestLevel): TTier {
  return level === 'private' || level === 'courtyard' ? 'courtyard' : level;
}

/** The state a request waits in when a tier has to take it up. */
export function waitingStateFor(tier: TTier): TRequestState {
  return tier === 'courtyard' ? 'submitted' : tier === 'village' ? 'escalated_village' : 'escalated_township';
}

export const WAITING_STATES: readonly TRequestState[] = ['submitted', 'escalated_village', 'escalated_township'];
export const OPEN_STATES: readonly TRequestState[] = [...WAITING_STATES, 'accepted'];

/** The levels a tier owns: 院落 — 私事 and 小事; 村 — 大事; 镇街 — 难事. */
export function levelsOwnedBy(tier: TTier): TRequestLevel[] {
  return REQUEST_LEVEL_KEYS.filter((l) => tierOf(l) === tier);
}

/**
 * 统计: what the figures count as open (waiting or accepted), resolved (办结, confirmed or not)
 * and escalated (大事 and 难事: owned above the courtyard).
 */
export const REQUEST_FIGURE_BUCKETS: { open: readonly TRequestState[]; resolved: readonly TRequestState[]; escalated: readonly TRequestLevel[] } = {
  open: OPEN_STATES,
  resolved: ['resolved', 'closed'],
  escalated: REQUEST_LEVEL_KEYS.filter((l) => tierOf(l) !== 'courtyard'),
};

/** 待办 filters a handler can pick, each the states it shows. */
export const REQUEST_QUEUE_FILTER_KEYS = ['open', 'waiting', 'accepted', 'resolved', 'closed', 'all'] as const;
export type TRequestQueueFilter = (typeof REQUEST_QUEUE_FILTER_KEYS)[number];
export const REQUEST_QUEUE_FILTERS: Record<TRequestQueueFilter, readonly TRequestState[]> = {
  open: OPEN_STATES,
  waiting: WAITING_STATES,
  accepted: ['accepted'],
  resolved: ['resolved'],
  closed: ['closed', 'withdrawn'],
  all: REQUEST_STATE_KEYS,
};

export type TQueueSlice = { tier: TTier; scopeIds: string[]; levels: TRequestLevel[] };

/**
 * 待办: what a person's queue holds — for each tier, the places where they hold the tier's
 * owner role (院长 its courtyards, 村干部 its villages, 镇街 its township) and the levels that
 * tier owns. Tiers where they hold no such role are left out; no slice means no queue.
 */
export function queueSlices(grants: readonly { role: TRole; scopeId: string }[]): TQueueSlice[] {
  return TIERS.map((tier) => ({ tier, scopeIds: grants.filter((g) => g.role === ownerRole(tier)).map((g) => g.scopeId), levels: levelsOwnedBy(tier) })).filter(
    (s) => s.scopeIds.length > 0,
  );
}

/** The roles that handle a tier's requests; a higher tier may always step in below. */
export function handlerRoles(tier: TTier): TRole[] {
  if (tier === 'courtyard') return ['courtyard_head', 'village_cadre', 'township_staff'];
  if (tier === 'village') return ['village_cadre', 'township_staff'];
  return ['township_staff'];
}

/** The roles who are told (and own the queue) for a tier. */
export function ownerRole(tier: TTier): TRole {
  return tier === 'courtyard' ? 'courtyard_head' : tier === 'village' ? 'village_cadre' : 'township_staff';
}

/** Where a tier's owners are bound for a request or call: its courtyard, village or township. */
export function tierScope(place: { courtyardId: string; villageId: string; townshipId: string }, tier: TTier): { type: TTier; id: string } {
  return { type: tier, id: tier === 'courtyard' ? place.courtyardId : tier === 'village' ? place.villageId : place.townshipId };
}

export type TRequestAction = 'accept' | 'resolve' | 'confirm' | 'reopen' | 'withdraw' | 'set_level' | 'message';

export type TRequestFacts = { state: TRequestState; acceptedAt: Date | null; resolvedAt: Date | null };

/**
 * Why `action` may not happen now (an error code), or null when it may. Who may act is the
 * use case's business; this is only the state machine and its windows.
 */
export type TRequestRefusal =
  'REQUEST_NOT_WAITING' | 'REQUEST_NOT_ACCEPTED' | 'REQUEST_NOT_RESOLVED' | 'REQUEST_REOPEN_CLOSED' | 'REQUEST_ALREADY_TAKEN' | 'REQUEST_CLOSED';

export function refusal(r: TRequestFacts, action: TRequestAction, now: Date, reopenDays: number): TRequestRefusal | null {
  const waiting = WAITING_STATES.includes(r.state);
  switch (action) {
    case 'accept':
      return waiting ? null : 'REQUEST_NOT_WAITING';
    case 'resolve':
      return r.state === 'accepted' ? null : 'REQUEST_NOT_ACCEPTED';
    case 'confirm':
      return r.state === 'resolved' ? null : 'REQUEST_NOT_RESOLVED';
    case 'reopen':
      if (r.state !== 'resolved') return 'REQUEST_NOT_RESOLVED';
      return r.resolvedAt && now.getTime() <= r.resolvedAt.getTime() + reopenDays * 86_400_000 ? null : 'REQUEST_REOPEN_CLOSED';
    case 'withdraw':
      return waiting && r.acceptedAt === null ? null : 'REQUEST_ALREADY_TAKEN';
    case 'set_level':
    case 'message':
      return OPEN_STATES.includes(r.state) || (action === 'message' && r.state === 'resolved') ? null : 'REQUEST_CLOSED';
  }
}

/** Changing the level: the new state (a waiting state when the owning tier changes) and its direction. */
export function levelChange(
  from: { state: TRequestState; level: TRequestLevel },
  to: TRequestLevel,
): { state: TRequestState; kind: 'escalated' | 'deescalated' | 'triaged'; tierChanged: boolean } {
  const a = tierOf(from.level);
  const b = tierOf(to);
  if (a === b) return { state: from.state, kind: 'triaged', tierChanged: false };
  return { state: waitingStateFor(b), kind: TIER_RANK[b] > TIER_RANK[a] ? 'escalated' : 'deescalated', tierChanged: true };
}

/** The tier above (for automatic escalation), or null at the top. */
export function tierAbove(tier: TTier): TTier | null {
  return tier === 'courtyard' ? 'village' : tier === 'village' ? 'township' : null;
}

export type TRequestSla = { acceptHours: number; resolveHours: number; reopenDays: number; sosAckMinutes: number };
export const DEFAULT_SLA: TRequestSla = { acceptHours: 24, resolveHours: 168, reopenDays: 7, sosAckMinutes: 5 };

/** The deadline that follows from a state (accept by, resolve by), or null when nothing is due. */
export function deadlineFor(state: TRequestState, now: Date, sla: TRequestSla): Date | null {
  if (WAITING_STATES.includes(state)) return new Date(now.getTime() + sla.acceptHours * 3_600_000);
  if (state === 'accepted') return new Date(now.getTime() + sla.resolveHours * 3_600_000);
  return null;
}

export function isOverdue(r: { state: TRequestState; dueAt: Date | null }, now: Date): boolean {
  return OPEN_STATES.includes(r.state) && r.dueAt !== null && r.dueAt.getTime() <= now.getTime();
}

/** A one-line summary for notifications (WeChat thing fields allow 20 characters). */
export function requestSummary(category: TRequestCategory, text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `${REQUEST_CATEGORIES[category]}·${clipText(t, 14)}`;
}

// ── 一键呼叫 ──

export const SOS_STATES = ['open', 'acknowledged', 'cancelled', 'resolved'] as const;
export type TSosState = (typeof SOS_STATES)[number];
/** 进行中: a call nobody has closed yet; a person has at most one (a partial unique index). */
export const SOS_LIVE_STATES = ['open', 'acknowledged'] as const satisfies readonly TSosState[];

export function sosLive(state: TSosState): boolean {
  return SOS_LIVE_STATES.some((s) => s === state);
}

/** Who is told at each step of an unanswered call. */
export const SOS_STEPS = TIERS;
export const SOS_STEP_LABELS = ['院长和联户党员', '村干部', '镇街'] as const;

/** Anyone may turn 一键呼叫 on; elderly, alone or needs-care people have it without asking. */
export function sosAvailable(p: { elderly: boolean; livesAlone: boolean; needsCare: boolean; sosEnabled: boolean }): boolean {
  return p.elderly || p.livesAlone || p.needsCare || p.sosEnabled;
}
