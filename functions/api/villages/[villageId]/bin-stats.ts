import { binStats as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getBinStats } from '../../../services/bins/get-bin-stats';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, query }) => getBinStats(signedIn(ctx), params.villageId, query.days),
});
