import { villageOverview as contract } from '../../../../shared/contracts/overview';
import { defineRoute } from '../../../../functions/_lib/route';
import { villageOverview } from '../../../../functions/services/overview/get-overview';

export default defineRoute(contract, {
  access: { action: 'village.staffInfo', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, input) => villageOverview(ctx, input.params.villageId, input.query.days),
});
