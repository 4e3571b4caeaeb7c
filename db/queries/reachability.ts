import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { TRole } from '../../shared/domain/roles';

/** What reaches one member of staff, as stored: their sign-in, subscriptions, 公众号 follow and phone. */
export type TReachRow = {
  personId: string;
  name: string;
  roles: TRole[];
  phone: string | null;
  miniProgram: boolean;
  longTerm: string[];
  credits: Record<string, number>;
  /** null: no 公众号 follower with their unionid */
  oaFollowing: boolean | null;
  /** why sends to the follower stopped working (43004, 40003), if they did */
  oaStale: string | null;
};

/**
 * Staff of a village (its cadres, cleaners, clerks, and the heads of its courtyards) with what
 * could reach each of them. `appId` is the mini-program's: its identity carries the unionid
 * that links a 公众号 follower. When more than one follower record carries that unionid (an
 * old openid, another sign-in), the one a template message would reach is reported: following
 * and not stale, else following, else the latest.
 */
export async function listStaffReach(db: Db, villageId: string, appId: string): Promise<TReachRow[]> {
  const r = await db.execute(sql`
    with staff as (
      select ra.person_id, array_agg(distinct ra.role order by ra.role) as roles
        from role_assignments ra
        left join courtyards c on c.id = ra.courtyard_id
       where ra.ended_at is null and ra.role <> 'villager'
         and (ra.village_id = ${villageId} or c.village_id = ${villageId})
       group by ra.person_id)
    select p.id as person_id, p.name, s.roles, p.phone,
           exists (select 1 from wechat_identities w where w.person_id = p.id and w.app_id = ${appId}) as mini_program,
           array(select sc.template from subscription_credits sc where sc.person_id = p.id and sc.long_term_since is not null order by sc.template) as long_term,
           coalesce((select jsonb_object_agg(sc.template, sc.credits) from subscription_credits sc where sc.person_id = p.id and sc.credits > 0), '{}'::jsonb) as credits,
           f.following as oa_following, f.stale_reason as oa_stale
      from staff s
      join people p on p.id = s.person_id
      left join lateral (
        select o.following, o.stale_reason from wechat_identities w join oa_followers o on o.unionid = w.unionid
         where w.person_id = p.id and w.app_id = ${appId} and w.unionid is not null
         order by (o.following and o.stale_reason is null) desc, o.following desc, o.changed_at desc limit 1) f on true
     order by p.name, p.id`);
  const rows = (r as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((x) => ({
    personId: x.person_id as string,
    name: x.name as string,
    roles: x.roles as TRole[], // role_assignments.role is CHECK-constrained to ROLES
    phone: (x.phone as string | null) ?? null,
    miniProgram: Boolean(x.mini_program),
    longTerm: (x.long_term as string[]) ?? [],
    credits: (typeof x.credits === 'string' ? JSON.parse(x.credits) : x.credits) as Record<string, number>,
    oaFollowing: x.oa_following === null || x.oa_following === undefined ? null : Boolean(x.oa_following),
    oaStale: (x.oa_stale as string | null) ?? null,
  }));
}
