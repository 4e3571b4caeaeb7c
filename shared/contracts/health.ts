import * as z from 'zod';
import { defineContract } from './define';

export const health = defineContract({
  method: 'GET',
  path: '/api/health',
  summary: '健康检查：数据库可达与最新迁移',
  tag: 'system',
  response: z.object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    migration: z.string(),
    time: z.string(),
  }),
});

export const openapi = defineContract({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'OpenAPI 3.1 文档',
  tag: 'system',
  response: z.record(z.string(), z.unknown()),
});
