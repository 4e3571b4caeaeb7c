import { sql } from 'drizzle-orm';
import { listDevPeople } from '../../functions/services/auth/list-dev-people';
import { seedUuid } from '../../db/seed/random';
import { useTestDb } from '../helpers/db';
import { expectReconciled } from '../helpers/points';
import { personCtx } from '../helpers/work';

/**
 * The demo village as the tests' database holds it (seeded once by the global setup). On the
 * server database other tests' rows sit beside it, so every query looks at the demo township only.
 */
const db = useTestDb();
const DEMO = seedUuid(1, 1);
const d = () => db.handle().db;
const rowsOf = async <T>(q: ReturnType<typeof sql>) => ((await d().execute(q)) as unknown as { rows: T[] }).rows;

describe('the demo seed', () => {
  it('never gives two people of one household the same name', async () => {
    const repeats = await rowsOf<{ household_id: string; name: string }>(
      sql`select p.household_id, p.name from people p
            join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id join villages v on v.id = c.village_id
           where v.township_id = ${DEMO} group by p.household_id, p.name having count(*) > 1`,
    );
    expect(repeats).toEqual([]);
  });

  it('shows a picture on every listing and every reward, the listings’ photos in the media store', async () => {
    const listings = await rowsOf<{ title: string; photos: number; stored: number }>(sql`
      select l.title, cardinality(l.photo_ids) as photos,
             (select count(*)::int from media m where m.id = any(l.photo_ids) and m.content_type = 'image/png' and m.size > 0) as stored
        from listings l where l.township_id = ${DEMO}`);
    expect(listings.length).toBeGreaterThan(0);
    for (const l of listings) expect({ title: l.title, photos: l.photos, stored: l.stored }).toEqual({ title: l.title, photos: 1, stored: 1 });
    const rewards = await rowsOf<{ name: string; picture_url: string | null }>(
      sql`select r.name, r.picture_url from rewards r join villages v on v.id = r.village_id where v.township_id = ${DEMO}`,
    );
    expect(rewards.length).toBeGreaterThan(0);
    for (const r of rewards) expect(r.picture_url).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('lets the villager the dev sign-in lists first afford at least two rewards of the shop, with the boards still reconciled', async () => {
    const base = personCtx(d(), '00000000-0000-4000-8000-000000000000');
    const ctx = { ...base, env: { ...base.env, ALLOW_DEV_LOGIN: true, NODE_ENV: 'test' as const } };
    const first = (await listDevPeople(ctx)).people.find((p) => p.role === 'villager')!;
    const [{ balance, village_id }] = await rowsOf<{ balance: number; village_id: string }>(sql`
      select b.balance, c.village_id from points_balances b join people p on p.id = b.person_id
        join households h on h.id = p.household_id join courtyards c on c.id = h.courtyard_id where b.person_id = ${first.id}`);
    const prices = (await rowsOf<{ price: number }>(sql`select price from rewards where village_id = ${village_id} and active order by price`)).map(
      (r) => r.price,
    );
    expect(balance).toBeGreaterThanOrEqual(prices[0] + prices[1]);
    expect(balance).toBeGreaterThanOrEqual(110); // 洗衣粉 and 食用油1升 together
    await expectReconciled(d());
  });
});
