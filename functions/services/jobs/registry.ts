import type { Db } from '../../../db/client';
import type { TServiceContext } from '../context';
import { expireJoinRequest } from '../join/expire-join-request';
import { expireRedemption, remindRedemption } from '../points/expire-redemption';
import { flagOverdueBinReport } from '../bins/overdue-bin-report';
import { requestAcceptDue, requestAutoClose, requestResolveDue } from '../requests/request-timers';
import { sosAckDue } from '../sos/sos-timers';
import { expireJob, expireListing } from '../market/market-timers';
import { syncOaFollowers } from '../oa/sync-oa-followers';
import type { TJobName } from './job-names';

export type TJobHandler = (ctx: TServiceContext, tx: Db, payload: Record<string, unknown>) => Promise<void>;

/**
 * Every named job and its handler (one for each name in job-names.ts, no more). A handler runs
 * inside the transaction that marks the job done, so its database effects happen exactly once.
 */
export const JOB_HANDLERS = {
  join_request_expire: expireJoinRequest,
  redemption_expire: expireRedemption,
  redemption_remind: remindRedemption,
  bin_report_overdue: flagOverdueBinReport,
  request_accept_due: requestAcceptDue,
  request_resolve_due: requestResolveDue,
  request_auto_close: requestAutoClose,
  sos_ack_due: sosAckDue,
  listing_expire: expireListing,
  job_expire: expireJob,
  /** 关注者同步, daily (services/oa/schedule-oa-sync.ts) */
  oa_follower_sync: async (ctx, tx) => {
    await syncOaFollowers({ db: tx, env: ctx.env, now: ctx.now });
  },
} satisfies Record<TJobName, TJobHandler>;
