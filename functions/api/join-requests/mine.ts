import { listMyJoinRequests as contract } from '../../../shared/contracts/join';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { listMyJoinRequests } from '../../services/join/list-my-join-requests';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => listMyJoinRequests(signedIn(ctx)) });
