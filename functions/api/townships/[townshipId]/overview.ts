import { townshipOverview as contract } from '../../../../shared/contracts/overview';
import { defineRoute } from '../../../../functions/_lib/route';
import { townshipOverview } from '../../../../functions/services/overview/get-overview';

export default defineRoute(contract, {
  access: { action: 'township.staffInfo', on: { kind: 'township', param: 'townshipId' } },
  handle: (ctx, input) => townshipOverview(ctx, input.params.townshipId, input.query.days),
});
