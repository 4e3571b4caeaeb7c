import { closeListing as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { closeListing } from '../../../../functions/services/market/close-listing';

export default defineRoute(contract, {
  access: { action: 'listing.own', on: { kind: 'listing', param: 'id' } },
  handle: (ctx, { params, body }) => closeListing(signedIn(ctx), params.id, body.state),
});
