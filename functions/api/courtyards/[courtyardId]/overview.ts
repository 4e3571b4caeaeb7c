import { courtyardOverview as contract } from '../../../../shared/contracts/overview';
import { defineRoute } from '../../../../functions/_lib/route';
import { courtyardOverview } from '../../../../functions/services/overview/get-overview';

export default defineRoute(contract, {
  access: { action: 'courtyard.overview', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, input) => courtyardOverview(ctx, input.params.courtyardId, input.query.days),
});
