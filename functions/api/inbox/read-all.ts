import { markAllInboxRead as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { markAllRead } from '../../services/inbox/mark-all-read';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => markAllRead(signedIn(ctx)) });
