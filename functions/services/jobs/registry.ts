import type { Db } from '../../../db/client';
import type { TServiceContext } from '../context';
import { expireJoinRequest } from '../join/expire-join-request';
import { expireRedemption, remindRedemption } from '../points/expire-redemption';
import { flagOverdueBinReport } from '../bins/overdue-bin-report';

/**
 * Every named job and its handler. A handler runs inside the transaction that marks the job
 * done, so its database effects happen exactly once. Later issues add SLA escalation,
 * redemption expiry, … here.
 */
export const JOB_HANDLERS = {
  join_request_expire: expireJoinRequest,
  redemption_expire: expireRedemption,
  redemption_remind: remindRedemption,
  bin_report_overdue: flagOverdueBinReport,
} satisfies Record<string, (ctx: TServiceContext, tx: Db, payload: Record<string, unknown>) => Promise<void>>;

export type TJobName = keyof typeof JOB_HANDLERS;
