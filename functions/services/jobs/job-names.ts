/**
 * Every timer's name. Apart from the registry so that a use case scheduling a timer does not
 * import the registry, which imports every handler (and so, through them, the use case again).
 */
export const JOB_NAMES = [
  'join_request_expire',
  'redemption_expire',
  'redemption_remind',
  'bin_report_overdue',
  'request_accept_due',
  'request_resolve_due',
  'request_auto_close',
  'sos_ack_due',
  'listing_expire',
  'job_expire',
  'oa_follower_sync',
] as const;
export type TJobName = (typeof JOB_NAMES)[number];

/** A stored job's name is one we know (a row from an older or newer release may not be). */
export function isJobName(name: string): name is TJobName {
  return JOB_NAMES.some((n) => n === name);
}
