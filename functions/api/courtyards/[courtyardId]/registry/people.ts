import { listCourtyardRegistry as contract } from '../../../../../shared/contracts/registry';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listRegistry } from '../../../../services/registry/list-registry';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params, query }) => listRegistry(signedIn(ctx), { courtyardId: params.courtyardId }, query),
});
