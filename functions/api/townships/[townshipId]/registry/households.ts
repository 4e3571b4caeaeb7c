import { listTownshipHouseholds as contract } from '../../../../../shared/contracts/registry';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { listHouseholds } from '../../../../services/registry/list-households';

export default defineRoute(contract, {
  access: { action: 'registry.view', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params, query }) => listHouseholds(signedIn(ctx), { townshipId: params.townshipId }, query),
});
