import { createInvite as contract } from '../../../../shared/contracts/join';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { createInvite } from '../../../services/join/create-invite';

export default defineRoute(contract, {
  access: { action: 'courtyard.invite', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params, body }) => createInvite(signedIn(ctx), params.courtyardId, body.days),
});
