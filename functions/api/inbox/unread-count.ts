import { unreadCount as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { getUnreadCount } from '../../services/inbox/unread-count';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => getUnreadCount(signedIn(ctx)) });
