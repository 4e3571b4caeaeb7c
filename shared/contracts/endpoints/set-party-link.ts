// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { setPartyLink as contract } from '../sos';

export const setPartyLink: TEndpoint<typeof contract> = { method: 'PUT', path: '/api/households/{householdId}/party-member' };
