import type { TMe, TRoleGrant } from '../../shared/contracts/me';
import type { TInboxItem } from '../../shared/contracts/notifications';
import type { TSosCall } from '../../shared/contracts/sos';
import { LEGAL_VERSION } from '../../shared/domain/privacy';

export const IDS = {
  person: '11111111-1111-4111-8111-111111111111',
  courtyard: '22222222-2222-4222-8222-222222222222',
  village: '33333333-3333-4333-8333-333333333333',
};

/** A signed-in person as GET /api/me answers; roles default to none (a newcomer). */
export function aMe(roles: TRoleGrant[] = [], overrides: Partial<TMe> = {}): TMe {
  const member = roles.some((r) => r.role === 'villager' || r.role === 'courtyard_head');
  return {
    person: { id: IDS.person, name: '王秀英', phone: '13800001111', flags: { livesAlone: false, elderly: false, needsCare: false } },
    household: member ? { id: 'h1', label: '桂花院3号' } : null,
    courtyard: member ? { id: IDS.courtyard, name: '桂花院' } : null,
    village: member ? { id: IDS.village, name: '石坝村' } : null,
    township: null,
    roles,
    consent: { current: LEGAL_VERSION, agreedVersion: LEGAL_VERSION, agreedAt: '2026-12-01T00:00:00.000Z', agreed: true },
    deletionRequest: null,
    ...overrides,
  };
}

export const grants = {
  head: { role: 'courtyard_head', roleLabel: '院长', scopeType: 'courtyard', scopeId: IDS.courtyard, scopeName: '桂花院' },
  villager: { role: 'villager', roleLabel: '村民', scopeType: 'courtyard', scopeId: IDS.courtyard, scopeName: '桂花院' },
  cleaner: { role: 'cleaner', roleLabel: '保洁员', scopeType: 'village', scopeId: IDS.village, scopeName: '石坝村' },
  cadre: { role: 'village_cadre', roleLabel: '村干部', scopeType: 'village', scopeId: IDS.village, scopeName: '石坝村' },
  shopkeeper: { role: 'shopkeeper', roleLabel: '积分超市店员', scopeType: 'village', scopeId: IDS.village, scopeName: '石坝村' },
} satisfies Record<string, TRoleGrant>;

let n = 0;
export function anInboxItem(overrides: Partial<TInboxItem> = {}): TInboxItem {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    template: 'join_request_new',
    title: '新的入院申请',
    body: '赵新来申请加入桂花院，请审核',
    link: '/pkg-courtyard/requests/index',
    priority: 10,
    createdAt: new Date(Date.UTC(2025, 10, 20, 2, n)).toISOString(),
    read: false,
    ...overrides,
  };
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An 一键呼叫 as GET /api/sos/{id} answers: open, raised by the fixture person. */
export function aCall(overrides: Partial<TSosCall> = {}): TSosCall {
  return {
    id: 'eeeeeeee-0000-4000-8000-000000000001',
    ticket: 'S250007',
    state: 'open',
    caller: { id: IDS.person, name: '王秀英' },
    phone: '13800001111',
    address: '石坝村桂花院3号',
    step: 0,
    stepLabel: '院长和联户党员',
    responder: null,
    contacts: [],
    createdAt: '2025-11-20T02:00:00.000Z',
    ackAt: null,
    closedAt: null,
    cancelReason: null,
    events: [{ kind: 'raised', label: '发出呼叫，已通知院长和联户党员', actor: '王秀英', note: null, at: '2025-11-20T02:00:00.000Z' }],
    mine: true,
    ...overrides,
  };
}
