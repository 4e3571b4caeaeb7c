import { z } from 'zod';

export type THttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One endpoint, shared by the server (route adapter) and the client (request wrapper). */
export type TContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = {
  method: THttpMethod;
  /** OpenAPI style: /api/courtyards/{courtyardId}/invites */
  path: string;
  summary: string;
  tag: string;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** 200 unless the endpoint creates something (201). */
  status?: number;
};

const empty = z.object({}).strict();
export const ZEmpty = empty;

export function defineContract<
  P extends z.ZodType = typeof empty,
  Q extends z.ZodType = typeof empty,
  B extends z.ZodType = typeof empty,
  R extends z.ZodType = z.ZodType,
>(c: {
  method: THttpMethod;
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
}): TContract<P, Q, B, R> {
  return {
    ...c,
    params: (c.params ?? empty) as P,
    query: (c.query ?? z.object({})) as unknown as Q,
    body: (c.body ?? z.object({})) as unknown as B,
  };
}

/** Fills {param} placeholders; used by the client. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}

export type TBodyOf<C extends TContract> = z.input<C['body']>;
export type TResponseOf<C extends TContract> = z.output<C['response']>;
export type TQueryOf<C extends TContract> = z.input<C['query']>;
export type TParamsOf<C extends TContract> = z.input<C['params']>;

export const ZId = z.uuid();
export const ZIsoTime = z.string();
