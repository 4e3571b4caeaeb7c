// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { devPeople as contract } from '../auth';

export const devPeople: TEndpoint<typeof contract> = { method: 'GET', path: '/api/auth/dev-people' };
