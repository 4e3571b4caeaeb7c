import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { allContracts } from '../../../shared/contracts';
import { ERRORS } from '../../../shared/errors';

/** Writes accept Idempotency-Key: a retry with the same key and body gets the first answer. */
const ZWriteHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

let doc: Record<string, unknown> | undefined;

/** OpenAPI 3.1, generated from the shared contracts (built once per process). */
export function getOpenApiDocument(): Record<string, unknown> {
  if (doc) return doc;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  for (const c of allContracts) {
    const write = c.method !== 'GET';
    registry.registerPath({
      method: c.method.toLowerCase() as 'get',
      path: c.path,
      summary: c.summary,
      tags: [c.tag],
      security: [{ bearer: [] }],
      request: {
        params: c.params as never,
        query: write ? undefined : (c.query as never),
        body: write ? { content: { [c.bodyType === 'xml' ? 'application/xml' : 'application/json']: { schema: c.body } } } : undefined,
        headers: write ? ZWriteHeaders : undefined,
      },
      responses: {
        [String(c.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: c.response } } },
        default: { description: `错误：${Object.keys(ERRORS).join(', ')}` },
      },
    });
  }
  doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: '小院家 API', version: '0.1.0' },
  }) as unknown as Record<string, unknown>;
  return doc;
}
