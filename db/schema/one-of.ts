import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/**
 * `col in ('a', 'b')` for a CHECK or a partial index, from the concept's one `as const` list
 * (the list the column's `enum` type and the contract's `z.enum` use too). The values are
 * written as literals, as a hand-written CHECK would be: drizzle-kit puts the SQL text in the
 * migration, and the same list must give the same text.
 */
export function oneOf(col: AnyPgColumn, values: readonly [string, ...string[]]): SQL {
  return sql`${col} in (${sql.raw(values.map(literal).join(', '))})`;
}
