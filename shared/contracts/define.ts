import * as z from 'zod';

export type THttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint, shared by the server (route adapter) and the client (request wrapper).
 * `M` and `Path` keep the literal method and path, so the client's zod-free endpoint table
 * (endpoints/) is checked against each contract by the type checker.
 */
export type TContract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  M extends THttpMethod = THttpMethod,
  Path extends string = string,
> = {
  method: M;
  /** OpenAPI style: /api/courtyards/{courtyardId}/invites */
  path: Path;
  summary: string;
  tag: string;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** 200 unless the endpoint creates something (201). */
  status?: number;
  /** how the body is written: JSON (default), or WeChat's `<xml>` pushes (the fields under the root). */
  bodyType?: 'json' | 'xml';
};

const empty = z.object({}).strict();
export const ZEmpty = empty;

export function defineContract<
  P extends z.ZodType = typeof empty,
  Q extends z.ZodType = typeof empty,
  B extends z.ZodType = typeof empty,
  R extends z.ZodType = z.ZodType,
  const M extends THttpMethod = THttpMethod,
  const Path extends string = string,
>(c: {
  method: M;
  path: Path;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  bodyType?: 'json' | 'xml';
}): TContract<P, Q, B, R, M, Path> {
  return {
    ...c,
    params: (c.params ?? empty) as P,
    query: (c.query ?? z.object({})) as unknown as Q,
    body: (c.body ?? z.object({})) as unknown as B,
  };
}

export type TBodyOf<C extends TContract> = z.input<C['body']>;
export type TResponseOf<C extends TContract> = z.output<C['response']>;
export type TQueryOf<C extends TContract> = z.input<C['query']>;
export type TParamsOf<C extends TContract> = z.input<C['params']>;

export const ZId = z.uuid();
export const ZIsoTime = z.string();
