// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { cleanerTasks as contract } from '../bins';

export const cleanerTasks: TEndpoint<typeof contract> = { method: 'GET', path: '/api/cleaner/tasks' };
