import { reportSubscriptions as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { reportSubscriptions } from '../../services/notifications/report-subscriptions';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { body }) => reportSubscriptions(signedIn(ctx), body.accepted) });
