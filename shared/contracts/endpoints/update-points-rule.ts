// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { updatePointsRule as contract } from '../points';

export const updatePointsRule: TEndpoint<typeof contract> = { method: 'PUT', path: '/api/villages/{villageId}/points-rules/{eventKind}' };
