// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { createInvite as contract } from '../join';

export const createInvite: TEndpoint<typeof contract> = { method: 'POST', path: '/api/courtyards/{courtyardId}/invites' };
