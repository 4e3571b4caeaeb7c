import { listVillageRedemptions as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listVillageRedemptions } from '../../../services/points/list-village-redemptions';

export default defineRoute(contract, {
  access: { action: 'village.shop', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => listVillageRedemptions(signedIn(ctx), params.villageId, query.state),
});
