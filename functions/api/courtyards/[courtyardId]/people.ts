import { listCourtyardPeople as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { listCourtyardPeople } from '../../../services/points/list-courtyard-people';

export default defineRoute(contract, {
  access: { action: 'courtyard.people', on: { kind: 'courtyard', param: 'courtyardId' } },
  handle: (ctx, { params }) => listCourtyardPeople(signedIn(ctx), params.courtyardId),
});
