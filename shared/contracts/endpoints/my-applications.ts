// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { myApplications as contract } from '../jobs';

export const myApplications: TEndpoint<typeof contract> = { method: 'GET', path: '/api/applications/mine' };
