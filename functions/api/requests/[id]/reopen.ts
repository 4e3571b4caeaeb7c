import { reopenRequest as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { reopenRequest } from '../../../../functions/services/requests/reopen-request';

export default defineRoute(contract, {
  access: { action: 'request.requesterAct', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => reopenRequest(signedIn(ctx), input.params.id, input.body.reason),
});
