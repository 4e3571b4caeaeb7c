import { getRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { getRequest } from '../../../../functions/services/requests/get-request';

export default defineRoute(contract, {
  access: { action: 'request.view', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => getRequest(signedIn(ctx), input.params.id),
});
