import { setPartyLink as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { setPartyLink } from '../../../../functions/services/sos/set-party-link';

export default defineRoute(contract, {
  auth: { roles: ['courtyard_head', 'village_cadre'], scope: ({ params }) => ({ kind: 'household', id: params.householdId }) },
  handle: (ctx, input) => setPartyLink(signedIn(ctx), input.params.householdId, input.body.personId),
});
