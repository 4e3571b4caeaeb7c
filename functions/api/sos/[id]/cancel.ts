import { cancelSos as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { cancelSos } from '../../../../functions/services/sos/cancel-sos';

export default defineRoute(contract, {
  access: { action: 'sos.cancel', on: { kind: 'sos', param: 'id' } },
  handle: (ctx, input) => cancelSos(signedIn(ctx), input.params.id, input.body.reason),
});
