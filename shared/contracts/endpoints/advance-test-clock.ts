// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { advanceTestClock as contract } from '../test-clock';

export const advanceTestClock: TEndpoint<typeof contract> = { method: 'POST', path: '/api/test/clock' };
