import { myListings as contract } from '../../../shared/contracts/market';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { myListings } from '../../../functions/services/market/read-listings';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx) => myListings(signedIn(ctx)),
});
