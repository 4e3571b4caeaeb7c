import { listTownshipRegistry as contract } from '../../../../../shared/contracts/registry';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listRegistry } from '../../../../services/registry/list-registry';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => listRegistry(signedIn(ctx), { townshipId: params.townshipId }, query),
});
