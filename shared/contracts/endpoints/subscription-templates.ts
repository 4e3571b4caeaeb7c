// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { subscriptionTemplates as contract } from '../notifications';

export const subscriptionTemplates: TEndpoint<typeof contract> = { method: 'GET', path: '/api/subscriptions/templates' };
