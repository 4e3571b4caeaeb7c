import { recordOaFollower } from '../../../db/queries/oa-followers';
import { AppError } from '../../../shared/errors';
import { parseWechatXml } from '../../runtime/xml';
import type { TServiceContext } from '../context';
import { PUSH_MAX_SKEW_SECONDS } from '../market/handle-wechat-push';
import { fetchOaUser, oaConfig, type TOaUser } from '../wechat/oa-api';
import { WechatCallError } from '../wechat/call';
import { decryptOaMessage, oaSignature, signatureMatches } from '../wechat/oa-crypto';

type TSigned = { signature: string; timestamp: string; nonce: string };
type TPushQuery = TSigned & { encrypt_type?: string; msg_signature?: string };
type TPushBody = { Encrypt?: string; FromUserName?: string; MsgType?: string; Event?: string; CreateTime?: string };

/** A push is WeChat's when sha1(sorted Token, timestamp, nonce) matches and the timestamp is fresh (else a replay). */
function signedByWechat(token: string | undefined, q: TSigned, now: Date): token is string {
  if (!token) return false;
  if (!/^\d{1,12}$/.test(q.timestamp) || Math.abs(now.getTime() / 1000 - Number(q.timestamp)) > PUSH_MAX_SKEW_SECONDS) return false;
  return signatureMatches(oaSignature(token, q.timestamp, q.nonce), q.signature);
}

/** 服务器配置 验证: WeChat calls the URL with the Token's signature; we echo `echostr`. */
export function verifyOaPush(ctx: TServiceContext, q: TSigned & { echostr: string }) {
  if (!signedByWechat(ctx.env.WECHAT_OA_TOKEN, q, ctx.now())) throw new AppError('FORBIDDEN');
  return { text: q.echostr };
}

/**
 * The event inside a push: the body itself in plaintext mode; in 安全模式 (encrypt_type=aes,
 * also 兼容模式) the `Encrypt` field, checked by msg_signature over (Token, timestamp, nonce,
 * Encrypt) and decrypted with the EncodingAESKey; it must name our 公众号's app id.
 */
function eventOf(ctx: TServiceContext, token: string, q: TPushQuery, body: TPushBody): TPushBody {
  if (q.encrypt_type !== 'aes') return body;
  const key = ctx.env.WECHAT_OA_AES_KEY;
  if (!key || !body.Encrypt || !q.msg_signature) throw new AppError('FORBIDDEN');
  if (!signatureMatches(oaSignature(token, q.timestamp, q.nonce, body.Encrypt), q.msg_signature)) throw new AppError('FORBIDDEN');
  const xml = decryptOaMessage(key, ctx.env.WECHAT_OA_APP_ID ?? '', body.Encrypt);
  const inner = xml === null ? null : parseWechatXml(xml);
  if (!inner) throw new AppError('FORBIDDEN');
  const text = (k: string) => (typeof inner[k] === 'string' ? (inner[k] as string) : undefined);
  return { FromUserName: text('FromUserName'), MsgType: text('MsgType'), Event: text('Event'), CreateTime: text('CreateTime') };
}

/**
 * 公众号事件推送: `subscribe` asks user/info for the follower's unionid (which links them to the
 * person who signed in to the mini-program with it) and records them following; `unsubscribe`
 * records that they left. Anything else is acknowledged and ignored. Always answers `success`
 * once the push is WeChat's: a failed answer makes WeChat tell the follower the account cannot
 * serve them, so a user/info outage records the follow without a unionid and the daily
 * follower sync fills it in.
 */
export async function receiveOaPush(ctx: TServiceContext, q: TPushQuery, body: TPushBody) {
  const token = ctx.env.WECHAT_OA_TOKEN;
  if (!signedByWechat(token, q, ctx.now())) throw new AppError('FORBIDDEN');
  const ev = eventOf(ctx, token, q, body);
  const openid = ev.FromUserName;
  if (ev.MsgType !== 'event' || (ev.Event !== 'subscribe' && ev.Event !== 'unsubscribe') || !openid || !/^[\w-]{1,64}$/.test(openid)) {
    return { text: 'success' };
  }
  const created = ev.CreateTime && /^\d{1,12}$/.test(ev.CreateTime) ? new Date(Number(ev.CreateTime) * 1000) : ctx.now();
  const at = created.getTime() > ctx.now().getTime() ? ctx.now() : created;
  let user: TOaUser = { openid, following: ev.Event === 'subscribe', unionid: null };
  const cfg = oaConfig(ctx.env);
  if (ev.Event === 'subscribe' && cfg) {
    try {
      // following as of the push; if they already left again, their unsubscribe push is the later word
      user = { openid, following: true, unionid: (await fetchOaUser(ctx.db, cfg, ctx.now, openid)).unionid };
    } catch (e) {
      if (!(e instanceof WechatCallError)) throw e;
    }
  }
  await ctx.db.transaction((tx) => recordOaFollower(tx, { openid, unionid: user.unionid, following: user.following, at }));
  return { text: 'success' };
}
