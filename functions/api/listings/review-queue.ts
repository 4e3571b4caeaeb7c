import { listingReviewQueue as contract } from '../../../shared/contracts/jobs';
import { defineRoute } from '../../../functions/_lib/route';
import { signedIn } from '../../../functions/_lib/signed-in';
import { reviewQueue } from '../../../functions/services/market/read-listings';

export default defineRoute(contract, {
  access: { action: 'self.reviewQueue' },
  handle: (ctx) => reviewQueue(signedIn(ctx)),
});
