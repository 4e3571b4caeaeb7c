import { resolveSos as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { resolveSos } from '../../../../functions/services/sos/resolve-sos';

export default defineRoute(contract, {
  access: { action: 'sos.resolve', on: { kind: 'sos', param: 'id' } },
  handle: (ctx, input) => resolveSos(signedIn(ctx), input.params.id, input.body.note),
});
