import { subscriptionTemplates as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { getSubscriptionTemplates } from '../../services/notifications/subscription-templates';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => getSubscriptionTemplates(signedIn(ctx)) });
