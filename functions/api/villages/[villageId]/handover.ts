import { handOverRedemption as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { handOverRedemption } from '../../../services/points/hand-over-redemption';

export default defineRoute(contract, {
  access: { action: 'village.shop', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => handOverRedemption(signedIn(ctx), params.villageId, body.pickupCode),
});
