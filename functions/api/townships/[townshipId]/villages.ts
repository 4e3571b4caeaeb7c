import { listTownshipVillages as contract } from '../../../../shared/contracts/me';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listTownshipVillages } from '../../../services/me/list-township-villages';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, { params }) => listTownshipVillages(signedIn(ctx), params.townshipId),
});
