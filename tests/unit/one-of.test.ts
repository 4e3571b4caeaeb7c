import { PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { oneOf } from '../../db/schema/one-of';

/** The CHECK text drizzle-kit writes into a migration comes from oneOf: it must not change for the same list. */
const t = pgTable('things', { state: text('state') });
const render = (values: readonly [string, ...string[]]) => new PgDialect().sqlToQuery(oneOf(t.state, values));

describe('oneOf (CHECKs from a list)', () => {
  it('writes the values as literals, as the hand-written CHECKs were', () => {
    expect(render(['open', 'cleaned', 'false'])).toMatchObject({ sql: `"things"."state" in ('open', 'cleaned', 'false')`, params: [] });
  });

  it('doubles a quote inside a value, so a value can never end the literal', () => {
    expect(render(["it's"]).sql).toBe(`"things"."state" in ('it''s')`);
  });
});
