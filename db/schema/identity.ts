import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ADMIN_LOGIN_STATES } from '../../shared/domain/admin-login';
import { ROLES, SCOPE_TYPES } from '../../shared/domain/roles';
import { SESSION_METHODS } from '../../shared/domain/session-methods';
import { oneOf } from './one-of';
import { courtyards, people, townships, villages } from './org';

export { SESSION_METHODS };

/** A WeChat openid, unique per mini-program app id. The session_key is never stored. */
export const wechatIdentities = pgTable(
  'wechat_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: text('app_id').notNull(),
    openid: text('openid').notNull(),
    unionid: text('unionid'),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('wechat_identities_app_openid_uq').on(t.appId, t.openid),
    index('wechat_identities_person_idx').on(t.personId),
    index('wechat_identities_unionid_idx').on(t.unionid),
  ],
);

/**
 * 公众号 followers, as the account's subscribe/unsubscribe pushes and the follower sync report
 * them. A follower reaches a person through the unionid their mini-program sign-in carries
 * (both apps under one open-platform account); one who never signed in stays unlinked.
 */
export const oaFollowers = pgTable(
  'oa_followers',
  {
    /** the follower's openid under the 公众号 (not the mini-program's) */
    openid: text('openid').primaryKey(),
    unionid: text('unionid'),
    following: boolean('following').notNull(),
    /** why template messages stopped reaching them (43004 not following, 40003 bad openid) */
    staleReason: text('stale_reason'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oa_followers_unionid_idx').on(t.unionid)],
);

/**
 * 角色授权: one role bound to one scope. The scope path (township, village, courtyard) is
 * stored whole so a scope check is a comparison, not a walk up the tree.
 */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ROLES }).notNull(),
    scopeType: text('scope_type', { enum: SCOPE_TYPES }).notNull(),
    townshipId: uuid('township_id')
      .notNull()
      .references(() => townships.id),
    villageId: uuid('village_id').references(() => villages.id),
    courtyardId: uuid('courtyard_id').references(() => courtyards.id),
    grantedBy: uuid('granted_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    check('role_assignments_role_ck', oneOf(t.role, ROLES)),
    check(
      'role_assignments_scope_ck',
      sql`(${t.scopeType} = 'township' and ${t.villageId} is null and ${t.courtyardId} is null)
        or (${t.scopeType} = 'village' and ${t.villageId} is not null and ${t.courtyardId} is null)
        or (${t.scopeType} = 'courtyard' and ${t.villageId} is not null and ${t.courtyardId} is not null)`,
    ),
    index('role_assignments_person_idx').on(t.personId),
    // the holders of a few roles (the 工作人员 the person boards leave off) without reading the
    // villager grants, one per person: boards subtract them instead of probing every row
    index('role_assignments_active_role_idx')
      .on(t.role, t.personId)
      .where(sql`${t.endedAt} is null`),
    uniqueIndex('role_assignments_active_uq')
      .on(t.personId, t.role, t.scopeType, sql`coalesce(${t.courtyardId}, ${t.villageId}, ${t.townshipId})`)
      .where(sql`${t.endedAt} is null`),
    // 一个人只能是一个院落的村民
    uniqueIndex('role_assignments_one_home_uq')
      .on(t.personId)
      .where(sql`${t.role} = 'villager' and ${t.endedAt} is null`),
  ],
);

/** Our own session: only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    tokenHash: text('token_hash').notNull(),
    method: text('method', { enum: SESSION_METHODS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** 登录设备: a short label of the browser or phone, from its User-Agent (null before it was kept) */
    device: text('device'),
    /** the last request it made, kept to within a few minutes (not written on every request) */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_uq').on(t.tokenHash),
    index('sessions_person_idx').on(t.personId),
    check('sessions_method_ck', oneOf(t.method, SESSION_METHODS)),
  ],
);

/**
 * 扫码登录 tickets: the back office's one-time QR. The id is the scene code the QR carries; only
 * the SHA-256 of the browser's poll secret is kept, and no session token ever is: the session
 * is started by the poll that collects a confirmed ticket.
 */
export const adminLoginTickets = pgTable(
  'admin_login_tickets',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    state: text('state', { enum: ADMIN_LOGIN_STATES }).notNull().default('pending'),
    /** the browser that asked, e.g. 「Chrome · Linux」 */
    device: text('device').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    scannedBy: uuid('scanned_by').references(() => people.id),
    scannedAt: timestamp('scanned_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** the session the browser collected */
    sessionId: uuid('session_id').references(() => sessions.id),
  },
  (t) => [
    check('admin_login_tickets_state_ck', oneOf(t.state, ADMIN_LOGIN_STATES)),
    check('admin_login_tickets_scan_ck', sql`${t.state} in ('pending', 'expired', 'cancelled') or ${t.scannedBy} is not null`),
    index('admin_login_tickets_created_idx').on(t.createdAt),
  ],
);
