import { villageRequestStats as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { villageRequestStats } from '../../../../functions/services/requests/request-stats';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, input) => villageRequestStats(signedIn(ctx), input.params.villageId, input.query.days),
});
