/**
 * 操作日志: what an audit_log action and entity type read as in the back office. Writers name
 * their action `<entity>.<verb>`; an action not listed here shows as written.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'points_rule.update': '修改积分规则',
  'reward.create': '上架商品',
  'reward.update': '修改商品',
  'person.create': '新增人员',
  'person.update': '修改人员信息',
  'household.update': '修改户信息',
  'registry.import': '导入信息采集表',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  points_rule: '积分规则',
  reward: '积分商品',
  person: '人员',
  household: '户',
  import: '导入',
};

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;
export const auditEntityLabel = (entityType: string): string => AUDIT_ENTITY_LABELS[entityType] ?? entityType;

/**
 * The fields that differ between two records, as they were and as they became; null when
 * nothing changed (no line is written then).
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
  if (!keys.length) return null;
  return { before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])) };
}

/** What a before/after field reads as (the viewer shows the key itself for any other). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  eventKind: '事项',
  points: '分值',
  dailyCap: '每日上限',
  name: '名称',
  pictureUrl: '图片',
  price: '所需积分',
  stock: '库存',
  perPersonLimit: '每人限兑',
  startsAt: '开始时间',
  endsAt: '结束时间',
  active: '上架',
};
