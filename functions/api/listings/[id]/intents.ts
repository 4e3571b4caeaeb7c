import { listingIntents, createIntent } from '../../../../shared/contracts/market';
import { defineRoute, defineRoutes } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { listListingIntents as first } from '../../../../functions/services/market/list-intents';
import { createIntent as second } from '../../../../functions/services/market/create-intent';

export default defineRoutes(
  defineRoute(listingIntents, {
    access: { action: 'listing.own', on: { kind: 'listing', param: 'id' } },
    handle: (ctx, { params }) => first(signedIn(ctx), params.id),
  }),
  defineRoute(createIntent, {
    access: { action: 'listing.view', on: { kind: 'listing', param: 'id' } },
    handle: (ctx, { params, body }) => second(signedIn(ctx), params.id, body),
  }),
);
