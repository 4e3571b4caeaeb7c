import path from 'node:path';
import { z } from 'zod';

const flag = z.enum(['0', '1']).default('0').transform((v) => v === '1');

const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Postgres server; unset → embedded PGlite in PGLITE_DIR */
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** 演示登录 — refused in production */
    ALLOW_DEV_LOGIN: flag,
    WECHAT_APP_ID: z.string().min(1).default('wx-dev-app'),
    WECHAT_APP_SECRET: z.string().min(1).default('dev-secret'),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** H5 build served at / by the single-server host */
    STATIC_DIR: z.string().default('dist/h5'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV !== 'production') return;
    if (e.ALLOW_DEV_LOGIN) ctx.addIssue({ code: 'custom', path: ['ALLOW_DEV_LOGIN'], message: 'dev login must be off in production' });
    if (!e.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'production runs on the PostgreSQL server' });
    if (e.WECHAT_APP_ID === 'wx-dev-app' || e.WECHAT_APP_SECRET === 'dev-secret')
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_ID'], message: 'set the real WeChat app id and secret in production' });
  });

export type TEnv = z.infer<typeof ZEnv>;

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
  return { ...r.data, PGLITE_DIR: path.resolve(r.data.PGLITE_DIR), STATIC_DIR: path.resolve(r.data.STATIC_DIR) };
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
