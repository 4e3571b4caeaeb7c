import { resolveRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { resolveRequest } from '../../../../functions/services/requests/resolve-request';

export default defineRoute(contract, {
  access: { action: 'request.handle', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => resolveRequest(signedIn(ctx), input.params.id, input.body.note),
});
