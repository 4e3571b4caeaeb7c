import { retryNotification as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { retryNotification } from '../../../services/notifications/retry-notification';

export default defineRoute(contract, {
  access: { action: 'notification.retry', on: { kind: 'notification', param: 'id' } },
  handle: (ctx, { params }) => retryNotification(signedIn(ctx), params.id),
});
