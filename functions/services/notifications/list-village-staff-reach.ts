import { listStaffReach } from '../../../db/queries/reachability';
import { reachOf } from '../../../shared/domain/channel-policy';
import { byReach, maskPhone, mobileOf, oaStateOf, type TReachStatus } from '../../../shared/domain/staff-reach';
import type { TStaffReach } from '../../../shared/contracts/notifications';
import { oaEnabled, smsEnabled } from '../../runtime/env';
import type { TSignedInContext } from '../context';

/**
 * 工作人员能否收到通知 for a village (scope checked by the route): each member of staff with the
 * channels that could reach them and how they are reached now, unreachable people first. A
 * long-term subscription counts only while its template is still configured long-term, and a
 * phone only when it is a mobile number an SMS can go to.
 */
export async function listVillageStaffReach(ctx: TSignedInContext, villageId: string) {
  const { env } = ctx;
  const on = { oa: oaEnabled(env), sms: smsEnabled(env) };
  const rows = await listStaffReach(ctx.db, villageId, env.WECHAT_APP_ID);
  const items: TStaffReach[] = rows.map((r) => {
    const mobile = mobileOf(r.phone);
    const channels = {
      miniProgram: r.miniProgram,
      longTerm: r.longTerm.filter((t) => env.WECHAT_SUBSCRIBE_TEMPLATES[t]?.longTerm),
      credits: r.credits,
      oa: oaStateOf({ following: r.oaFollowing, staleReason: r.oaStale }),
    };
    return {
      personId: r.personId,
      name: r.name,
      roles: r.roles,
      channels: { ...channels, phone: mobile ? maskPhone(mobile) : null },
      reach: reachOf({ ...channels, phone: mobile !== null }, on),
    };
  });
  items.sort(byReach);
  const counts: Record<TReachStatus, number> = { inbox_only: 0, sms: 0, credits: 0, push: 0 };
  for (const i of items) counts[i.reach] += 1;
  return { items, counts, channelsOn: on };
}
