import { getSos as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { getSos } from '../../../../functions/services/sos/get-sos';

export default defineRoute(contract, {
  access: { action: 'sos.view', on: { kind: 'sos', param: 'id' } },
  handle: (ctx, input) => getSos(signedIn(ctx), input.params.id),
});
