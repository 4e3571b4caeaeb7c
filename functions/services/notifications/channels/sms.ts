import { findPerson } from '../../../../db/queries/people';
import { smsParams, toE164 } from '../../../../shared/domain/sms';
import type { TWorkContext } from '../../context';
import { smsConfig } from '../../sms/config';
import { sendSms } from '../../sms/send-sms';
import { underRecord } from './claimed';
import type { TChannelNotice, TChannelOutcome } from './outcome';

/**
 * 短信 (Tencent Cloud SMS) to the phone the person gave when joining, for what must not wait.
 * At most once per notification: the send record is claimed before the call, so a dispatcher
 * that dies mid-call leaves it `unknown` and nothing sends it again. A per-number quota
 * (today's or this hour's) fails the channel for good with the reason cadres read; Tencent's
 * own trouble and timeouts give the claim back for a later try. The text carries only the
 * template's variables (decision 015: no names, no phone numbers).
 */
export async function sendBySms(ctx: TWorkContext, n: TChannelNotice): Promise<TChannelOutcome> {
  const cfg = smsConfig(ctx.env);
  if (!cfg) return { kind: 'unavailable', why: 'sms: not configured' };
  const tpl = ctx.env.TENCENT_SMS_TEMPLATES[n.template];
  if (!tpl) return { kind: 'unavailable', why: `sms: no template for ${n.template}` };
  const phone = toE164((await findPerson(ctx.db, n.recipientId))?.phone);
  if (!phone) return { kind: 'unavailable', why: 'sms: no mobile number' };
  return underRecord(ctx, n, 'sms', async () => {
    const params = smsParams(tpl.params, n.payload);
    if (!params) return { kind: 'failed', why: `短信未发出：模板 ${tpl.id} 的参数（${tpl.params.join('、')}）此通知没有，请检查 TENCENT_SMS_TEMPLATES` };
    const r = await sendSms(cfg, { phone, templateId: tpl.id, params, sessionContext: n.id });
    if (r.kind === 'sent') return { kind: 'sent' };
    return r.kind === 'retry' ? { kind: 'retry', why: r.reason } : { kind: 'failed', why: r.reason };
  });
}
