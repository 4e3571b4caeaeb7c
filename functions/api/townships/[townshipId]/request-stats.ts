import { townshipRequestStats as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { townshipRequestStats } from '../../../../functions/services/requests/request-stats';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, input) => townshipRequestStats(signedIn(ctx), input.params.townshipId, input.query.days),
});
