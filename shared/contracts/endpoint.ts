/**
 * A contract's method and path without its zod schemas. The mini-program calls endpoints
 * through these (endpoints/, generated) so zod stays out of its bundle; the types still
 * come from the contract, which rides along as a type only.
 */
import type { TContract } from './define';

export type TEndpoint<C extends TContract = TContract> = {
  readonly method: C['method'];
  readonly path: C['path'];
  /** Never set: carries the contract's type to `call()`. */
  readonly contract?: C;
};

/**
 * Fills {param} placeholders, each one URL-encoded (a bin code may hold `/` or `?`). A missing
 * or empty value throws: it would otherwise reach another endpoint (/api/bins//report).
 */
export function buildPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined || v === null || v === '') throw new Error(`buildPath: ${path} needs {${k}}`);
    return encodeURIComponent(String(v));
  });
}
