import { markInboxRead as contract } from '../../../../shared/contracts/notifications';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { markRead } from '../../../services/inbox/mark-read';

export default defineRoute(contract, {
  access: { action: 'inboxMessage.read', on: { kind: 'inboxMessage', param: 'id' } },
  handle: (ctx, { params }) => markRead(signedIn(ctx), params.id),
});
