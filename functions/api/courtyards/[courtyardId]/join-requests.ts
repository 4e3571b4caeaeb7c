import { listCourtyardJoinRequests as contract } from '../../../../shared/contracts/join';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listCourtyardJoinRequests } from '../../../services/join/list-courtyard-join-requests';

export default defineRoute(contract, {
  access: { action: 'courtyard.joinRequests', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params, query }) => listCourtyardJoinRequests(signedIn(ctx), params.courtyardId, query.state),
});
