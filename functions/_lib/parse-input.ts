import * as z from 'zod';
import type { TContract } from '../../shared/contracts/define';
import { checkInput } from '../../shared/contracts/input-hygiene';
import { AppError, type TFieldIssue } from '../../shared/errors';

export type TRawInput = { params: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

/** Our host hands the raw text; Vercel hands a parsed object (or a string for non-JSON types). */
export function parseBody(body: unknown): unknown {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      return JSON.parse(body.toString());
    } catch {
      throw new AppError('MALFORMED_JSON');
    }
  }
  return body;
}

/**
 * Splits what the platform hands over (path params and query share `req.query`) and refuses
 * unreadable characters and hostile depth anywhere, params included: such a value is a bad
 * request, not a missing object, and must never reach a query or a log.
 */
export function rawInput(contract: TContract, query: Record<string, unknown>, body: unknown): TRawInput {
  const paramKeys = new Set(Object.keys(shapeOf(contract.params)));
  const params: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) (paramKeys.has(k) ? params : rest)[k] = Array.isArray(v) ? v[0] : v;
  const unreadable = [...checkInput('params', params), ...checkInput('query', rest), ...checkInput('body', body)];
  if (unreadable.length) throw new AppError('VALIDATION_FAILED', { issues: unreadable });
  return { params, query: rest, body };
}

/** The path parameters; one that does not parse names a missing object (404), not a form error. */
export function parseParams<P extends z.ZodType>(schema: P, raw: Record<string, unknown>): z.output<P> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new AppError('NOT_FOUND');
  return r.data;
}

/** Query and body against the contract: 400 VALIDATION_FAILED naming every field at fault. */
export function parseRest<C extends TContract>(contract: C, raw: TRawInput): { query: z.output<C['query']>; body: z.output<C['body']> } {
  const issues: TFieldIssue[] = [];
  const take = <T>(where: string, schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    for (const i of r.error.issues) issues.push({ path: [where, ...i.path.map(String)].join('.'), message: i.message });
    return undefined;
  };
  const out = { query: take('query', contract.query, raw.query), body: take('body', contract.body, raw.body) };
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  return out as { query: z.output<C['query']>; body: z.output<C['body']> };
}

function shapeOf(schema: z.ZodType): Record<string, unknown> {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
}
