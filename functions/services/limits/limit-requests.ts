import type { TServiceContext, TSignedInContext } from '../context';
import { takeLimit } from './take-limit';

/** Sign-in attempts per client address, counted before anything reaches WeChat. */
export function limitSignIn(ctx: TServiceContext, clientBucket: string): Promise<void> {
  return takeLimit(ctx.db, ctx.now(), {
    bucket: `signin:addr:${clientBucket}`,
    limit: { window: 'minute', count: ctx.env.SIGNIN_LIMIT_PER_MINUTE },
    code: 'RATE_LIMITED',
    what: '登录尝试太频繁',
  });
}

/** Writes per signed-in person, whatever the route. */
export function limitWrites(ctx: TSignedInContext): Promise<void> {
  return takeLimit(ctx.db, ctx.now(), {
    bucket: `write:person:${ctx.actor.personId}`,
    limit: { window: 'minute', count: ctx.env.WRITE_LIMIT_PER_MINUTE },
    code: 'RATE_LIMITED',
  });
}
