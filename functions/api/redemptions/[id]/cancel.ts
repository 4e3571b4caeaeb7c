import { cancelRedemption as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { cancelRedemption } from '../../../services/points/cancel-redemption';

export default defineRoute(contract, {
  access: { action: 'redemption.cancel', on: { kind: 'redemption', param: 'id' } },
  handle: (ctx, { params }) => cancelRedemption(signedIn(ctx), params.id),
});
