import { findWechatIdentity, insertWechatIdentity, touchWechatIdentity } from '../../../db/queries/identity';
import { deletePerson, findPerson, insertPerson } from '../../../db/queries/people';
import type { TSession } from '../../../shared/contracts/auth';
import { PLACEHOLDER_NAME } from '../../../shared/domain/person-name';
import { deviceLabel } from '../../../shared/domain/admin-login';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { code2Session } from '../wechat/code2session';
import { recordConsent } from '../privacy/consent';
import { startSession } from './start-session';

/** A newcomer's placeholder name until 信息采集 fills in the real one. */
export const NEW_PERSON_NAME = PLACEHOLDER_NAME;

/** 微信登录 (with the ticked 协议 version, recorded): code → openid (code2Session) → identity (created on first login) → our session. */
export async function wechatLogin(ctx: TServiceContext, code: string, consentVersion?: string): Promise<TSession> {
  // refused before WeChat is asked: nobody is created without agreeing
  if (consentVersion === undefined) throw new AppError('CONSENT_REQUIRED');
  const e = ctx.env;
  const { openid, unionid } = await code2Session(
    { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE, timeoutMs: e.WECHAT_TIMEOUT_MS },
    code,
  );
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    let identity = await findWechatIdentity(tx, e.WECHAT_APP_ID, openid);
    if (!identity) {
      const person = await insertPerson(tx, { name: NEW_PERSON_NAME });
      identity = await insertWechatIdentity(tx, { appId: e.WECHAT_APP_ID, openid, unionid, personId: person.id });
      if (!identity) {
        // a concurrent first login (double tap) won the insert: use its person, drop ours
        await deletePerson(tx, person.id);
        identity = await findWechatIdentity(tx, e.WECHAT_APP_ID, openid);
        if (!identity) throw new AppError('WECHAT_UNAVAILABLE');
      }
    } else {
      await touchWechatIdentity(tx, identity.id, now, unionid);
    }
    const person = await findPerson(tx, identity.personId);
    if (!person) throw new Error(`identity ${identity.id} points at a missing person`);
    await recordConsent(tx, person.id, consentVersion, now, true);
    return startSession(tx, person, { method: 'wechat', now, ttlDays: e.SESSION_TTL_DAYS, device: deviceLabel(ctx.userAgent) });
  });
}
