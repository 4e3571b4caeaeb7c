import { AppError } from '../../../shared/errors';
import type { TServiceContext } from '../context';

/** 演示登录 is on only with ALLOW_DEV_LOGIN=1 outside production (env parsing is the first lock). */
export function assertDevLoginEnabled(ctx: TServiceContext): void {
  if (!ctx.env.ALLOW_DEV_LOGIN || ctx.env.NODE_ENV === 'production') throw new AppError('DEV_LOGIN_DISABLED');
}
