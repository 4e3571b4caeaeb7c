import { cancelRedemption as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { cancelRedemption } from '../../../services/points/cancel-redemption';

export default defineRoute(contract, {
  auth: 'signed-in',
  handle: (ctx, { params }) => cancelRedemption(signedIn(ctx), params.id),
});
