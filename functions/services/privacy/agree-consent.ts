import type { TConsentState } from '../../../shared/contracts/privacy';
import type { TSignedInContext } from '../context';
import { consentState, recordConsent } from './consent';

/** 同意新版协议: a signed-in person whose agreed version is older agrees to the one in force. */
export async function agreeConsent(ctx: TSignedInContext, version: string): Promise<TConsentState> {
  return ctx.db.transaction(async (tx) => {
    await recordConsent(tx, ctx.actor.personId, version, ctx.now(), true);
    return consentState(tx, ctx.actor.personId);
  });
}
