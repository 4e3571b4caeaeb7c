import { getListing, updateListing } from '../../../../shared/contracts/market';
import { defineRoute, defineRoutes } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { getListing as first } from '../../../../functions/services/market/read-listings';
import { updateListing as second } from '../../../../functions/services/market/update-listing';

export default defineRoutes(
  defineRoute(getListing, {
    access: { action: 'listing.view', on: { kind: 'listing', param: 'id' } },
    handle: (ctx, { params }) => first(signedIn(ctx), params.id),
  }),
  defineRoute(updateListing, {
    access: { action: 'listing.own', on: { kind: 'listing', param: 'id' } },
    handle: (ctx, { params, body }) => second(signedIn(ctx), params.id, body),
  }),
);
