import { AppError } from '../../shared/errors';
import type { TServiceContext, TSignedInContext } from '../services/context';

/** Narrows the context of a route whose auth is not 'public'. */
export function signedIn(ctx: TServiceContext): TSignedInContext {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx as TSignedInContext;
}
