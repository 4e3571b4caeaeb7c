import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** null: the system (a scheduled job) */
  actor: ZNamed.nullable(),
  action: z.string(),
  /** the action in Chinese */
  actionLabel: z.string(),
  entity: z.object({ type: z.string(), label: z.string(), id: z.string().nullable() }),
  village: ZNamed.nullable(),
  summary: z.string(),
  /** the changed fields as they were and became (null for a creation / removal) */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

const ZAuditQuery = z.object({
  action: z.string().trim().max(60).optional(),
  /** part of the actor's name */
  actor: z.string().trim().max(20).optional(),
  entityType: z.string().trim().max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });

export const listVillageAuditLog = defineContract({
  method: 'GET',
  path: '/api/villages/{villageId}/audit-log',
  summary: '操作日志：村里谁在何时改了什么（改前/改后），新的在前',
  tag: 'audit',
  params: z.object({ villageId: z.uuid() }),
  query: ZAuditQuery,
  response: ZAuditPage,
});

export const listTownshipAuditLog = defineContract({
  method: 'GET',
  path: '/api/townships/{townshipId}/audit-log',
  summary: '操作日志：镇街及其各村（镇街管理员），新的在前',
  tag: 'audit',
  params: z.object({ townshipId: z.uuid() }),
  query: ZAuditQuery,
  response: ZAuditPage,
});
