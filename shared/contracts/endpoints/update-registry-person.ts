// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updateRegistryPerson as contract } from '../registry';

export const updateRegistryPerson: TEndpoint<typeof contract> = { method: 'PATCH', path: '/api/people/{personId}/registry' };
