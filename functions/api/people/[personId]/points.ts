import { adjustPoints as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { adjustPoints } from '../../../services/points/adjust-points';

export default defineRoute(contract, {
  access: { action: 'person.adjustPoints', on: { kind: 'person', param: 'personId' } },
  handle: (ctx, { params, body }) => adjustPoints(signedIn(ctx), params.personId, body.amount, body.reason),
});
