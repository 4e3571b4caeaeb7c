import type { TMe, TRoleGrant } from '../../shared/contracts/me';
import type { TInboxItem } from '../../shared/contracts/notifications';

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
