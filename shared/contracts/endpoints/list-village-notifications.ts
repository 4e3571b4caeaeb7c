// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { listVillageNotifications as contract } from '../notifications';

export const listVillageNotifications: TEndpoint<typeof contract> = { method: 'GET', path: '/api/villages/{villageId}/notifications' };
