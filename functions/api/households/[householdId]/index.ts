import { renameHousehold as contract } from '../../../../shared/contracts/registry';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { renameHousehold } from '../../../services/registry/rename-household';

export default defineRoute(contract, {
  access: { action: 'registry.edit', on: { kind: 'household', param: 'householdId' } },
  handle: (ctx, { params, body }) => renameHousehold(signedIn(ctx), params.householdId, body.label),
});
