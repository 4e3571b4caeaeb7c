// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { townshipLeaderboard as contract } from '../points';

export const townshipLeaderboard: TEndpoint<typeof contract> = { method: 'GET', path: '/api/townships/{townshipId}/leaderboard' };
