import { parseEnv } from '../../functions/runtime/env';

/** Every logical template the server knows, each with a template id shaped like a real one. */
const realTemplates = Object.fromEntries(
  Object.entries(parseEnv({}).WECHAT_SUBSCRIBE_TEMPLATES).map(([name, t], i) => [name, { ...t, id: `Kq${i}x-7bU2nR4vWc9LpZ0sYdF3hJ6mTa1eGo8iNuXyQkB` }]),
);

/** A production environment that passes every start-up check; tests change one key at a time. */
export function productionEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://x@localhost/db',
    WECHAT_APP_ID: 'wx1234',
    WECHAT_APP_SECRET: 's3cret',
    CRON_SECRET: 'a-long-enough-cron-secret',
    WECHAT_PUSH_TOKEN: 'console-push-token',
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(realTemplates),
    ...overrides,
  };
}
