import { parseEnv } from '../../functions/runtime/env';
import { productionEnv } from '../helpers/prod-env';

/** functions/runtime/env.ts refuses to start production on development placeholders. */
const templatesWith = (name: string, id: string) => {
  const map = JSON.parse(productionEnv().WECHAT_SUBSCRIBE_TEMPLATES);
  return JSON.stringify({ ...map, [name]: { ...map[name], id } });
};

describe('the production environment', () => {
  it('starts with real template ids and a real push token', () => {
    const e = parseEnv(productionEnv());
    expect(e.NODE_ENV).toBe('production');
    expect(Object.values(e.WECHAT_SUBSCRIBE_TEMPLATES).every((t) => !t.id.startsWith('TPL_'))).toBe(true);
  });

  it('refuses the placeholder template ids when none are set', () => {
    const { WECHAT_SUBSCRIBE_TEMPLATES: _, ...rest } = productionEnv();
    expect(() => parseEnv(rest)).toThrow(/WECHAT_SUBSCRIBE_TEMPLATES: .*placeholders in: join_request_new, join_request_decided, bin_task/);
  });

  it('refuses a placeholder id left in any one template', () => {
    expect(() => parseEnv(productionEnv({ WECHAT_SUBSCRIBE_TEMPLATES: templatesWith('sos_ack', 'TPL_SOS_ACK') }))).toThrow(/placeholders in: sos_ack\)$/m);
    // a placeholder copied under another name is still a placeholder
    expect(() => parseEnv(productionEnv({ WECHAT_SUBSCRIBE_TEMPLATES: templatesWith('sos', 'TPL_BIN_TASK') }))).toThrow(/placeholders in: sos\)$/m);
  });

  it('refuses the default push token, with media checks on or off', () => {
    expect(() => parseEnv(productionEnv({ WECHAT_PUSH_TOKEN: 'dev-push-token' }))).toThrow(/WECHAT_PUSH_TOKEN/);
    expect(() => parseEnv(productionEnv({ WECHAT_PUSH_TOKEN: 'dev-push-token', WECHAT_MEDIA_CHECK: '1' }))).toThrow(/WECHAT_PUSH_TOKEN/);
    const { WECHAT_PUSH_TOKEN: _, ...rest } = productionEnv();
    expect(() => parseEnv(rest)).toThrow(/WECHAT_PUSH_TOKEN/);
  });

  it("refuses a 公众号 on placeholder template ids, and starts with the account's own", () => {
    const oa = { WECHAT_OA_APP_ID: 'wx0a0a0a0a0a0a0a0a', WECHAT_OA_APP_SECRET: 'oa-secret', WECHAT_OA_TOKEN: 'oaToken123' };
    expect(() => parseEnv(productionEnv(oa))).toThrow(/WECHAT_OA_TEMPLATES: .*placeholders in: bin_task, bin_overdue/);
    const real = JSON.stringify({ bin_task: { id: 'aBcD-1234_real', page: 'pkg-clean/tasks/index', fields: { thing1: 'binLabel' } } });
    expect(parseEnv(productionEnv({ ...oa, WECHAT_OA_TEMPLATES: real })).WECHAT_OA_TEMPLATES.bin_task.id).toBe('aBcD-1234_real');
  });

  it('keeps the placeholders for development and tests', () => {
    const e = parseEnv({ NODE_ENV: 'development' });
    expect(e.WECHAT_PUSH_TOKEN).toBe('dev-push-token');
    expect(e.WECHAT_SUBSCRIBE_TEMPLATES.sos.id).toBe('TPL_SOS');
  });
});
