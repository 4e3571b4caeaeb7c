import { acceptRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { acceptRequest } from '../../../../functions/services/requests/accept-request';

export default defineRoute(contract, {
  access: { action: 'request.handle', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => acceptRequest(signedIn(ctx), input.params.id),
});
