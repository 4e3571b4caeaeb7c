import path from 'node:path';
import * as z from 'zod';
import { DEFAULT_MAP_TILES, MAP_TILE_DATUMS, mapTilesFrom, type TMapTiles } from '../../shared/domain/map-tiles';

function validTiles(url: string | undefined): boolean {
  try {
    mapTilesFrom({ url });
    return true;
  } catch {
    return false;
  }
}

const flag = z
  .enum(['0', '1'])
  .default('0')
  .transform((v) => v === '1');

const ZTemplateConfig = z.record(
  z.string(),
  z.object({
    id: z.string().min(1),
    page: z.string().optional(),
    fields: z.record(z.string().regex(/^[a-z_]+\d+$/), z.string()),
    /** 长期订阅 (政务民生 mini-programs): accepted once, every later message spends nothing */
    longTerm: z.boolean().optional(),
  }),
);
export type TTemplateConfig = z.infer<typeof ZTemplateConfig>;

/** Placeholder ids for development and tests; production sets the account's real ones. */
const DEFAULT_TEMPLATES = JSON.stringify({
  join_request_new: {
    id: 'TPL_JOIN_NEW',
    page: 'pkg-courtyard/requests/index',
    fields: { thing1: 'applicantName', thing2: 'courtyardName', time3: 'submittedAt' },
  },
  join_request_decided: { id: 'TPL_JOIN_DECIDED', page: 'pages/me/index', fields: { phrase1: 'result', thing2: 'courtyardName', thing3: 'reason' } },
  bin_task: { id: 'TPL_BIN_TASK', page: 'pkg-clean/tasks/index', fields: { thing1: 'binLabel', thing2: 'place', time3: 'reportedAt' } },
  request_new: { id: 'TPL_REQUEST_NEW', fields: { name1: 'requesterName', thing2: 'summary', time3: 'submittedAt', character_string4: 'ticket' } },
  request_update: { id: 'TPL_REQUEST_UPDATE', fields: { thing1: 'summary', phrase2: 'status', time3: 'updatedAt', character_string4: 'ticket' } },
  redemption_ready: { id: 'TPL_REDEMPTION', page: 'pages/points/index', fields: { thing1: 'rewardName', character_string2: 'pickupCode' } },
  request_escalated: { id: 'TPL_REQUEST_ESCALATED', fields: { thing1: 'summary', thing2: 'reason', time3: 'at', character_string4: 'ticket' } },
  sos: { id: 'TPL_SOS', fields: { name1: 'callerName', thing2: 'address', phone_number3: 'phone', character_string4: 'ticket' } },
  sos_ack: { id: 'TPL_SOS_ACK', fields: { name1: 'responderName', phone_number2: 'responderPhone', character_string3: 'ticket' } },
});
/** 公众号 template messages: logical template → template id and {field: payloadKey}; the card opens `page` in the mini-program. */
const ZOaTemplateConfig = z.record(
  z.string(),
  z.object({ id: z.string().min(1), page: z.string().optional(), fields: z.record(z.string().regex(/^[a-z_]+\d*$/), z.string()) }),
);
export type TOaTemplateConfig = z.infer<typeof ZOaTemplateConfig>;
const DEFAULT_OA_TEMPLATES = JSON.stringify({
  bin_task: { id: 'OA_TPL_BIN_TASK', page: 'pkg-clean/tasks/index', fields: { thing1: 'binLabel', thing2: 'place', time3: 'reportedAt' } },
  bin_overdue: { id: 'OA_TPL_BIN_OVERDUE', fields: { thing1: 'binLabel', thing2: 'place', time3: 'reportedAt' } },
  request_new: { id: 'OA_TPL_REQUEST_NEW', fields: { thing1: 'summary', time2: 'submittedAt', character_string3: 'ticket' } },
  request_escalated: { id: 'OA_TPL_REQUEST_ESCALATED', fields: { thing1: 'summary', thing2: 'reason', time3: 'at', character_string4: 'ticket' } },
  sos: { id: 'OA_TPL_SOS', fields: { thing1: 'address', phone_number2: 'phone', character_string3: 'ticket' } },
});
/** Tencent Cloud SMS: logical template → template id and the payload keys filling {1}, {2}, … (no personal detail beyond what the text needs, decision 015). */
const ZSmsTemplateConfig = z.record(z.string(), z.object({ id: z.string().min(1), params: z.array(z.string()) }));
export type TSmsTemplateConfig = z.infer<typeof ZSmsTemplateConfig>;
const DEFAULT_SMS_TEMPLATES = JSON.stringify({
  bin_task: { id: '100001', params: ['binLabel'] },
  bin_overdue: { id: '100002', params: ['binLabel'] },
  request_new: { id: '100003', params: [] },
  // 一键呼叫: no name, address or phone in a text that lies on a lock screen; the app shows them (decision 015)
  sos: { id: '100004', params: [] },
});

/** A JSON-in-an-environment-variable map, checked by its schema. */
function jsonMap<T extends z.ZodType>(schema: T, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((s, ctx): z.infer<T> => {
      try {
        return schema.parse(JSON.parse(s));
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `not a valid template map: ${e instanceof Error ? e.message : e}` });
        return z.NEVER;
      }
    });
}

const PLACEHOLDER_TEMPLATE_IDS = new Set(Object.values(ZTemplateConfig.parse(JSON.parse(DEFAULT_TEMPLATES))).map((t) => t.id));
const PLACEHOLDER_SMS_TEMPLATE_IDS = new Set(Object.values(ZSmsTemplateConfig.parse(JSON.parse(DEFAULT_SMS_TEMPLATES))).map((t) => t.id));
const PLACEHOLDER_OA_TEMPLATE_IDS = new Set(Object.values(ZOaTemplateConfig.parse(JSON.parse(DEFAULT_OA_TEMPLATES))).map((t) => t.id));
const DEV_PUSH_TOKEN = 'dev-push-token';

/** Production refuses a template map still holding the development placeholder ids. */
function placeholders(ctx: z.RefinementCtx, key: string, map: Record<string, { id: string }>, ids: Set<string>, what: string): void {
  const names = Object.entries(map)
    .filter(([, t]) => ids.has(t.id))
    .map(([name]) => name);
  if (names.length) ctx.addIssue({ code: 'custom', path: [key], message: `set ${what} in production (placeholders in: ${names.join(', ')})` });
}

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** server processes sharing PORT (node:cluster); more than one needs DATABASE_URL (PGlite is one process's) */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
    /** Postgres server; unset → embedded PGlite in PGLITE_DIR */
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** connections per instance to the PostgreSQL server */
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** 'transaction': DATABASE_URL is PgBouncer in transaction mode (decision 003); timeouts then ride on each BEGIN */
    DB_POOLER: z.enum(['none', 'transaction']).default('none'),
    /** waiting longer than this for a connection answers 503 instead of hanging */
    DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    /** the server cancels a statement running longer than this (503) */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** lease of a write's transaction (and so of its Idempotency-Key): a stalled instance's session is ended after this */
    IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(500).default(60_000),
    /** a retry arriving while the first attempt still runs waits this long for it, then gets 409 */
    IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(50).default(3000),
    /** 演示登录 — refused in production */
    ALLOW_DEV_LOGIN: flag,
    /** 测试时钟: POST /api/test/clock moves the server clock forward (browser tests) — refused in production */
    TEST_CLOCK: flag,
    WECHAT_APP_ID: z.string().min(1).default('wx-dev-app'),
    WECHAT_APP_SECRET: z.string().min(1).default('dev-secret'),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** H5 build served at / by the single-server host */
    STATIC_DIR: z.string().default('dist/h5'),
    /** the web back office's build, served at /admin */
    ADMIN_DIR: z.string().default('dist/admin'),
    /** the H5 tile map's {z}/{x}/{y} template or `off`, replacing the build's TARO_APP_MAP_TILES; unset: the build's (decision 019) */
    MAP_TILES: z
      .string()
      .optional()
      .refine((v) => validTiles(v), 'an http(s) URL template with {z}, {x} and {y}, or off'),
    /** the datum those tiles are drawn in: wgs84 (OpenStreetMap, 天地图) or gcj02 (高德, 腾讯) */
    MAP_TILES_DATUM: z.enum(MAP_TILE_DATUMS).optional(),
    /** the tiles' attribution, shown in the map's corner */
    MAP_TILES_ATTRIBUTION: z.string().optional(),
    /** Bearer secret for /api/cron/* (Vercel Cron sends it as Authorization) */
    CRON_SECRET: z.string().min(16).default('dev-cron-secret-change-me'),
    /** How often the single-server host drains the outbox and timers; 0 = only cron and kicks */
    DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
    /** 1 = kick the dispatcher right after a commit that enqueued notifications */
    DISPATCH_KICK: z
      .enum(['0', '1'])
      .default('1')
      .transform((v) => v === '1'),
    /** logical template → WeChat subscribe template id, page and {wechatFieldKey: payloadKey} */
    WECHAT_SUBSCRIBE_TEMPLATES: jsonMap(ZTemplateConfig, DEFAULT_TEMPLATES),
    /** developer | trial | formal — which build a subscribe message opens */
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    /** Public address of the H5 app, printed in bin QR codes for browsers */
    PUBLIC_BASE_URL: z.string().url().default('http://localhost:3000'),
    /** 1 = photos of listings also go through media_check_async (results arrive at /api/wechat/push) */
    WECHAT_MEDIA_CHECK: flag,
    /** the Token set for 消息推送 in the mini-program's console: verifies pushes from WeChat */
    WECHAT_PUSH_TOKEN: z.string().min(3).max(32).default(DEV_PUSH_TOKEN),
    /** 帮我卖: days a published listing stays up before it expires */
    LISTING_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** 1 = behind a proxy that appends the client's address to X-Forwarded-For (nginx, Vercel): count sign-ins by it */
    TRUST_PROXY: flag,
    /** sign-in attempts per client address per minute (a whole village may share one carrier address) */
    SIGNIN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    /** writes per signed-in person per minute */
    WRITE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
    /** photos and megabytes one person may upload per China day */
    PHOTO_DAILY_COUNT_PERSON: z.coerce.number().int().min(0).default(40),
    PHOTO_DAILY_MB_PERSON: z.coerce.number().min(0).default(20),
    /** all people of one courtyard together, per China day */
    PHOTO_DAILY_COUNT_COURTYARD: z.coerce.number().int().min(0).default(300),
    PHOTO_DAILY_MB_COURTYARD: z.coerce.number().min(0).default(150),
    /** someone who belongs nowhere yet (no courtyard, no role), per China day */
    PHOTO_DAILY_COUNT_NEWCOMER: z.coerce.number().int().min(0).default(5),
    PHOTO_DAILY_MB_NEWCOMER: z.coerce.number().min(0).default(3),
    /** 公众号 (service account) sharing the mini-program's open-platform account; unset → the 公众号 channel is off */
    WECHAT_OA_APP_ID: z.string().min(1).optional(),
    WECHAT_OA_APP_SECRET: z.string().min(1).optional(),
    /** the Token of the 公众号's 服务器配置: verifies its event pushes (subscribe/unsubscribe) */
    WECHAT_OA_TOKEN: z.string().min(3).max(32).optional(),
    /** EncodingAESKey (43 characters) for 安全模式; unset → plaintext pushes only */
    WECHAT_OA_AES_KEY: z.string().length(43).optional(),
    WECHAT_OA_TEMPLATES: jsonMap(ZOaTemplateConfig, DEFAULT_OA_TEMPLATES),
    /** 1 = send SMS through Tencent Cloud SMS (needs the TENCENT_SMS_* keys) */
    SMS_ENABLED: flag,
    TENCENT_SMS_SECRET_ID: z.string().min(1).optional(),
    TENCENT_SMS_SECRET_KEY: z.string().min(1).optional(),
    TENCENT_SMS_SDK_APP_ID: z.string().min(1).optional(),
    /** the approved 短信签名, e.g. 小院家 */
    TENCENT_SMS_SIGN_NAME: z.string().min(1).optional(),
    TENCENT_SMS_REGION: z.string().min(1).default('ap-guangzhou'),
    TENCENT_SMS_ENDPOINT: z.string().url().default('https://sms.tencentcloudapi.com'),
    TENCENT_SMS_TEMPLATES: jsonMap(ZSmsTemplateConfig, DEFAULT_SMS_TEMPLATES),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((e, ctx) => {
    // PGlite lives in one process's memory and folder: a second process would open a second, diverging copy
    if (e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['WEB_CONCURRENCY'], message: 'several server processes need the PostgreSQL server (DATABASE_URL)' });
    if (e.NODE_ENV !== 'production') return;
    if (e.ALLOW_DEV_LOGIN) ctx.addIssue({ code: 'custom', path: ['ALLOW_DEV_LOGIN'], message: 'dev login must be off in production' });
    // anyone who reads this file could sign pushes with the default token and forge media-check verdicts
    if (e.WECHAT_PUSH_TOKEN === DEV_PUSH_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['WECHAT_PUSH_TOKEN'], message: 'set the Token of 消息推送 from the mini-program console in production' });
    // WeChat refuses unknown template ids (40037): every subscribe message would fail, only in the log
    placeholders(ctx, 'WECHAT_SUBSCRIBE_TEMPLATES', e.WECHAT_SUBSCRIBE_TEMPLATES, PLACEHOLDER_TEMPLATE_IDS, "the account's real template ids");
    if (e.TEST_CLOCK) ctx.addIssue({ code: 'custom', path: ['TEST_CLOCK'], message: 'the test clock must be off in production' });
    if (e.CRON_SECRET === 'dev-cron-secret-change-me') ctx.addIssue({ code: 'custom', path: ['CRON_SECRET'], message: 'set a real cron secret in production' });
    if (!e.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'production runs on the PostgreSQL server' });
    if (e.WECHAT_OA_APP_ID && (!e.WECHAT_OA_APP_SECRET || !e.WECHAT_OA_TOKEN))
      ctx.addIssue({ code: 'custom', path: ['WECHAT_OA_APP_SECRET'], message: 'the 公众号 needs its secret and the Token of its 服务器配置' });
    // a 公众号 on the placeholder template ids would fail every template message (40037), only in the log
    if (e.WECHAT_OA_APP_ID) placeholders(ctx, 'WECHAT_OA_TEMPLATES', e.WECHAT_OA_TEMPLATES, PLACEHOLDER_OA_TEMPLATE_IDS, "the 公众号's real template ids");
    if (e.SMS_ENABLED && (!e.TENCENT_SMS_SECRET_ID || !e.TENCENT_SMS_SECRET_KEY || !e.TENCENT_SMS_SDK_APP_ID || !e.TENCENT_SMS_SIGN_NAME))
      ctx.addIssue({ code: 'custom', path: ['SMS_ENABLED'], message: 'SMS needs TENCENT_SMS_SECRET_ID, _SECRET_KEY, _SDK_APP_ID and _SIGN_NAME' });
    // Tencent refuses a template id the account has not had approved: every SMS, SOS included, would fail
    if (e.SMS_ENABLED)
      placeholders(ctx, 'TENCENT_SMS_TEMPLATES', e.TENCENT_SMS_TEMPLATES, PLACEHOLDER_SMS_TEMPLATE_IDS, "the SMS account's approved template ids");
    if (e.WECHAT_APP_ID === 'wx-dev-app' || e.WECHAT_APP_SECRET === 'dev-secret')
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_ID'], message: 'set the real WeChat app id and secret in production' });
  });

export type TEnv = z.infer<typeof ZEnv>;

/** The 公众号 channel runs when the account is configured. */
export function oaEnabled(e: TEnv): boolean {
  return Boolean(e.WECHAT_OA_APP_ID && e.WECHAT_OA_APP_SECRET);
}

/** The SMS channel runs when switched on (the schema then requires its keys). */
export function smsEnabled(e: TEnv): boolean {
  return e.SMS_ENABLED && Boolean(e.TENCENT_SMS_SECRET_ID && e.TENCENT_SMS_SECRET_KEY && e.TENCENT_SMS_SDK_APP_ID && e.TENCENT_SMS_SIGN_NAME);
}

/**
 * The H5 tile source the host puts into index.html: undefined keeps the build's, null none
 * (MAP_TILES=off), else the host's own.
 */
export function hostMapTiles(e: TEnv): TMapTiles | null | undefined {
  if (!e.MAP_TILES) return undefined;
  return mapTilesFrom({ url: e.MAP_TILES, datum: e.MAP_TILES_DATUM, attribution: e.MAP_TILES_ATTRIBUTION });
}

/** The back office's tile source: the host's MAP_TILES*, else the H5 build's default (高德); null: off. */
export function adminMapTiles(e: TEnv): TMapTiles | null {
  const tiles = hostMapTiles(e);
  return tiles === undefined ? DEFAULT_MAP_TILES : tiles;
}

/** Every key the server reads (.env.example documents each). */
export const ENV_KEYS = Object.keys(ZEnv.shape);

/** Parses an environment; throws with every problem listed (the server then refuses to start). */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const r = ZEnv.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return { ...r.data, PGLITE_DIR: path.resolve(r.data.PGLITE_DIR), STATIC_DIR: path.resolve(r.data.STATIC_DIR), ADMIN_DIR: path.resolve(r.data.ADMIN_DIR) };
}

let current: TEnv | undefined;

/** The process environment, parsed once. */
export function env(): TEnv {
  current ??= parseEnv(process.env);
  return current;
}

/** Test harness and CLI: replace the parsed environment. */
export function setEnv(next: TEnv | undefined): void {
  current = next;
}
