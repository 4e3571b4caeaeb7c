import type { TGrant } from '../../shared/domain/access';
import {
  ownerRole,
  queueSlices,
  REQUEST_FIGURE_BUCKETS,
  REQUEST_LEVEL_KEYS,
  REQUEST_QUEUE_FILTERS,
  REQUEST_STATE_KEYS,
  levelsOwnedBy,
  SOS_STATES,
  sosLive,
  TIERS,
  tierOf,
  tierScope,
} from '../../shared/domain/requests';

/** 找院长 rules that used to live inside SQL: which tier owns which level, what a queue and the figures count. */
const grant = (role: TGrant['role'], scopeType: TGrant['scopeType'], scopeId: string): TGrant => ({ role, scopeType, scopeId });

describe('tiers (院落 · 村 · 镇街)', () => {
  it('gives every level to exactly one tier: 私事 and 小事 the courtyard, 大事 the village, 难事 the township', () => {
    expect(levelsOwnedBy('courtyard')).toEqual(['private', 'courtyard']);
    expect(levelsOwnedBy('village')).toEqual(['village']);
    expect(levelsOwnedBy('township')).toEqual(['township']);
    expect(TIERS.flatMap(levelsOwnedBy).sort()).toEqual([...REQUEST_LEVEL_KEYS].sort());
  });

  it("binds a tier's owners to the request's courtyard, village or township", () => {
    const place = { courtyardId: 'c1', villageId: 'v1', townshipId: 't1' };
    expect(TIERS.map((t) => [ownerRole(t), tierScope(place, t)])).toEqual([
      ['courtyard_head', { type: 'courtyard', id: 'c1' }],
      ['village_cadre', { type: 'village', id: 'v1' }],
      ['township_staff', { type: 'township', id: 't1' }],
    ]);
  });
});

describe('待办 queue', () => {
  it("holds a head's courtyards' 私事/小事 and, for one who is also a cadre, the village's 大事", () => {
    const slices = queueSlices([
      grant('courtyard_head', 'courtyard', 'c1'),
      grant('courtyard_head', 'courtyard', 'c2'),
      grant('village_cadre', 'village', 'v1'),
    ]);
    expect(slices).toEqual([
      { tier: 'courtyard', scopeIds: ['c1', 'c2'], levels: ['private', 'courtyard'] },
      { tier: 'village', scopeIds: ['v1'], levels: ['village'] },
    ]);
  });

  it("holds township staff's 难事 only, and nothing for villagers, cleaners or shopkeepers", () => {
    expect(queueSlices([grant('township_staff', 'township', 't1')])).toEqual([{ tier: 'township', scopeIds: ['t1'], levels: ['township'] }]);
    expect(queueSlices([grant('villager', 'courtyard', 'c1'), grant('cleaner', 'village', 'v1'), grant('shopkeeper', 'village', 'v1')])).toEqual([]);
  });

  it("filters by state: 'all' is every state, 'waiting' the states a tier has yet to take up", () => {
    expect(REQUEST_QUEUE_FILTERS.all).toEqual(REQUEST_STATE_KEYS);
    expect(REQUEST_QUEUE_FILTERS.waiting).toEqual(['submitted', 'escalated_village', 'escalated_township']);
    expect(REQUEST_QUEUE_FILTERS.open).toEqual([...REQUEST_QUEUE_FILTERS.waiting, 'accepted']);
  });
});

describe('统计 figures', () => {
  it('count 大事 and 难事 as escalated, waiting or accepted as open, resolved or closed as resolved', () => {
    expect(REQUEST_FIGURE_BUCKETS.escalated).toEqual(['village', 'township']);
    expect(REQUEST_FIGURE_BUCKETS.escalated.every((l) => tierOf(l) !== 'courtyard')).toBe(true);
    expect(REQUEST_FIGURE_BUCKETS.open).toEqual(['submitted', 'escalated_village', 'escalated_township', 'accepted']);
    expect(REQUEST_FIGURE_BUCKETS.resolved).toEqual(['resolved', 'closed']);
  });
});

describe('一键呼叫 calls', () => {
  it('are live while open or acknowledged, over once cancelled or resolved', () => {
    expect(SOS_STATES.filter(sosLive)).toEqual(['open', 'acknowledged']);
  });
});
