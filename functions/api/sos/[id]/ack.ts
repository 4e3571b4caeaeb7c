import { ackSos as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { ackSos } from '../../../../functions/services/sos/ack-sos';

export default defineRoute(contract, {
  access: { action: 'sos.ack', on: { kind: 'sos', param: 'id' } },
  handle: (ctx, input) => ackSos(signedIn(ctx), input.params.id),
});
