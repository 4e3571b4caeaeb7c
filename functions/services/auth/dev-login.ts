import { findPerson, insertPerson } from '../../../db/queries/people';
import type { TSession } from '../../../shared/contracts/auth';
import { deviceLabel } from '../../../shared/domain/admin-login';
import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';
import { assertDevLoginEnabled } from './dev-login-enabled';
import { recordConsent } from '../privacy/consent';
import { startSession } from './start-session';
import { NEW_PERSON_NAME } from './wechat-login';

/** 演示登录: sign in as a demo person, or as a brand-new person (to try 入院). */
export async function devLogin(ctx: TServiceContext, input: ({ personId: string } | { newPerson: true }) & { consentVersion?: string }): Promise<TSession> {
  assertDevLoginEnabled(ctx);
  return ctx.db.transaction(async (tx) => {
    const person = 'personId' in input ? await findPerson(tx, input.personId) : await insertPerson(tx, { name: NEW_PERSON_NAME });
    if (!person) throw new AppError('NOT_FOUND');
    // recorded when ticked; the demo sign-in does not demand it (test tools sign in through it): the app asks
    await recordConsent(tx, person.id, input.consentVersion, ctx.now(), false);
    return startSession(tx, person, { method: 'dev', now: ctx.now(), ttlDays: ctx.env.SESSION_TTL_DAYS, device: deviceLabel(ctx.userAgent) });
  });
}
