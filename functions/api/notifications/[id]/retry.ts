import { retryNotification as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { retryNotification } from '../../../services/notifications/retry-notification';

export default defineRoute(contract, {
  auth: { roles: ['village_cadre', 'township_staff'], scope: ({ params }) => ({ kind: 'notification', id: params.id }) },
  handle: (ctx, { params }) => retryNotification(signedIn(ctx), params.id),
});
