import { listRequestEvents } from '../../../db/queries/requests';
import { REQUEST_LEVELS, type TRequestLevel } from '../../../shared/domain/requests';
import type { TSignedInContext } from '../context';
import { loadRequest } from './request-access';

const KIND_LABELS: Record<string, string> = {
  submitted: '提交事项',
  accepted: '受理',
  resolved: '办结',
  closed: '确认办结并评价',
  auto_closed: '到期自动完结',
  reopened: '重新打开',
  withdrawn: '撤回',
  escalated: '升级',
  deescalated: '降级',
  triaged: '判断事情大小',
  auto_escalated: '超时未受理，自动升级',
  overdue: '超时提醒',
};

function labelOf(kind: string, toLevel: TRequestLevel | null): string {
  const base = KIND_LABELS[kind] ?? kind;
  if ((kind === 'escalated' || kind === 'auto_escalated') && toLevel)
    return `${base}：${toLevel === 'township' ? '转给镇街（报到镇街）' : '转给村里（吹哨到村）'}`;
  if (kind === 'triaged' && toLevel) return `判断为${REQUEST_LEVELS[toLevel]}`;
  if (kind === 'deescalated' && toLevel) return `${base}为${REQUEST_LEVELS[toLevel]}`;
  return base;
}

/** 全过程记录: every event, oldest first (append-only in the database). */
export async function requestTimeline(ctx: TSignedInContext, id: string) {
  await loadRequest(ctx.db, id);
  const rows = await listRequestEvents(ctx.db, id);
  return {
    items: rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      label: labelOf(e.kind, e.toLevel),
      actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
      fromState: e.fromState,
      toState: e.toState,
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      note: e.note,
      at: e.at.toISOString(),
    })),
  };
}
