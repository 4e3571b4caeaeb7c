import { reviewListing as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { reviewListing } from '../../../../functions/services/market/review-listing';

export default defineRoute(contract, {
  access: { action: 'listing.review', on: { kind: 'listing', param: 'id' } },
  handle: (ctx, { params, body }) => reviewListing(signedIn(ctx), params.id, body),
});
