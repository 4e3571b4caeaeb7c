// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { exportMyData as contract } from '../privacy';

export const exportMyData: TEndpoint<typeof contract> = { method: 'GET', path: '/api/me/data' };
