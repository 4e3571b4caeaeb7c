import { featureListing as contract } from '../../../../shared/contracts/market';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { featureListing } from '../../../../functions/services/market/feature-listing';

export default defineRoute(contract, {
  access: { action: 'listing.feature', on: { kind: 'listing', param: 'id' } },
  handle: (ctx, { params, body }) => featureListing(signedIn(ctx), params.id, body.featured),
});
