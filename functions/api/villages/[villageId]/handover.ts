import { handOverRedemption as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { handOverRedemption } from '../../../services/points/hand-over-redemption';

export default defineRoute(contract, {
  auth: { roles: ['shopkeeper', 'village_cadre'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
  handle: (ctx, { params, body }) => handOverRedemption(signedIn(ctx), params.villageId, body.pickupCode),
});
