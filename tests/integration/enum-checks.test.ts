import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { IDEMPOTENCY_STATES, SCHEDULED_JOB_STATES, SESSION_METHODS } from '../../db/schema';
import { BIN_KIND_KEYS, BIN_REPORT_STATES, BIN_STATES, WXA_ENV_VERSIONS } from '../../shared/domain/bin-report';
import { JOIN_STATES } from '../../shared/domain/join-policy';
import {
  APPLICATION_STATES,
  EMPLOYER_KINDS,
  INTENT_STATES,
  JOB_STATES,
  LISTING_STATES,
  MEDIA_CHECK_STATES,
  PAY_UNITS,
  WORK_RECORD_SIDES,
} from '../../shared/domain/market';
import { MEDIA_TYPES } from '../../shared/domain/media';
import { NOTIFICATION_STATES, PUSH_STATES } from '../../shared/domain/notifications';
import { BOARD_KINDS, REDEMPTION_STATES } from '../../shared/domain/points';
import { REQUEST_CATEGORY_KEYS, REQUEST_LEVEL_KEYS, REQUEST_STATE_KEYS, SOS_LIVE_STATES, SOS_STATES } from '../../shared/domain/requests';
import { ROLES } from '../../shared/domain/roles';
import { ADMIN_LOGIN_STATES } from '../../shared/domain/admin-login';
import { useTestDb } from '../helpers/db';

/**
 * The database the committed migrations build holds, in each CHECK, exactly the values of the
 * list the contract and the column type use — so a list changed without a migration fails here.
 */
const db = useTestDb();
const d = (): Db => db.handle().db;

const CHECKS: [string, readonly string[]][] = [
  ['role_assignments_role_ck', ROLES],
  ['sessions_method_ck', SESSION_METHODS],
  ['admin_login_tickets_state_ck', ADMIN_LOGIN_STATES],
  ['join_requests_state_ck', JOIN_STATES],
  ['bins_state_ck', BIN_STATES],
  ['bin_reports_state_ck', BIN_REPORT_STATES],
  ['bin_reports_kind_ck', BIN_KIND_KEYS],
  ['bin_code_images_env_ck', WXA_ENV_VERSIONS],
  ['media_type_ck', MEDIA_TYPES],
  ['notifications_state_ck', NOTIFICATION_STATES],
  ['notifications_push_state_ck', PUSH_STATES],
  ['scheduled_jobs_state_ck', SCHEDULED_JOB_STATES],
  ['idempotency_keys_state_ck', IDEMPOTENCY_STATES],
  ['points_totals_kind_ck', BOARD_KINDS],
  ['redemptions_state_ck', REDEMPTION_STATES],
  ['requests_state_ck', REQUEST_STATE_KEYS],
  ['requests_level_ck', REQUEST_LEVEL_KEYS],
  ['requests_category_ck', REQUEST_CATEGORY_KEYS],
  ['sos_calls_state_ck', SOS_STATES],
  ['listings_state_ck', LISTING_STATES],
  ['listing_intents_state_ck', INTENT_STATES],
  ['jobs_state_ck', JOB_STATES],
  ['jobs_kind_ck', EMPLOYER_KINDS],
  ['jobs_pay_unit_ck', PAY_UNITS],
  ['job_applications_state_ck', APPLICATION_STATES],
  ['job_work_records_side_ck', WORK_RECORD_SIDES],
  ['media_checks_state_ck', MEDIA_CHECK_STATES],
];

/** The quoted literals of a constraint or index definition, in order. */
const literals = (def: string) => [...def.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
const rows = async <T>(q: ReturnType<typeof sql>) => (await d().execute(q)) as unknown as { rows: T[] };

describe('CHECK constraints and their lists', () => {
  it.each(CHECKS)('%s allows exactly its list', async (name, list) => {
    const r = await rows<{ def: string }>(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`);
    expect(r.rows).toHaveLength(1);
    expect(literals(r.rows[0].def)).toEqual([...list]);
  });

  it('keeps one live call per person for exactly the live SOS states', async () => {
    const r = await rows<{ def: string }>(sql`select indexdef as def from pg_indexes where indexname = 'sos_calls_one_live_uq'`);
    expect(literals(r.rows[0].def)).toEqual([...SOS_LIVE_STATES]);
  });
});
