import { submitListing as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { submitListing } from '../../../../functions/services/market/submit-listing';

export default defineRoute(contract, {
  access: { action: 'listing.own', on: { kind: 'listing', param: 'id' } },
  handle: (ctx, { params }) => submitListing(signedIn(ctx), params.id),
});
