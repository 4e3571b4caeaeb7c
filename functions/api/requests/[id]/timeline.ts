import { requestTimeline as contract } from '../../../../shared/contracts/requests';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { requestTimeline } from '../../../../functions/services/requests/request-timeline';

export default defineRoute(contract, {
  access: { action: 'request.view', on: { kind: 'request', param: 'id' } },
  handle: (ctx, input) => requestTimeline(signedIn(ctx), input.params.id),
});
