// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { getInvite as contract } from '../join';

export const getInvite: TEndpoint<typeof contract> = { method: 'GET', path: '/api/invites/{code}' };
