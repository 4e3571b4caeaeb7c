// Generated from shared/contracts by `npm run contracts:endpoints`: do not edit by hand.
import type { TEndpoint } from '../endpoint';
import type { agreeConsent as contract } from '../privacy';

export const agreeConsent: TEndpoint<typeof contract> = { method: 'POST', path: '/api/me/consent' };
