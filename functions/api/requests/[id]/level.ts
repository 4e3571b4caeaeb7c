import { setRequestLevel as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { setRequestLevel } from '../../../../functions/services/requests/set-request-level';

export default defineRoute(contract, {
  access: { action: 'request.handle', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => setRequestLevel(signedIn(ctx), input.params.id, input.body.level, input.body.note),
});
