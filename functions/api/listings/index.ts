import { browseListings, createListing } from '../../../shared/contracts/market';
import { defineRoute, defineRoutes } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { browseListings as first } from '../../../functions/services/market/read-listings';
import { createListing as second } from '../../../functions/services/market/create-listing';

export default defineRoutes(
  defineRoute(browseListings, { access: { action: 'self.use' }, handle: (ctx, { query }) => first(signedIn(ctx), query) }),
  defineRoute(createListing, { access: { action: 'self.use' }, handle: (ctx, { body }) => second(signedIn(ctx), body) }),
);
