import { setPartyLink as contract } from '../../../../shared/contracts/sos';
import { defineRoute } from '../../../../functions/_lib/route';
import { signedIn } from '../../../../functions/_lib/signed-in';
import { setPartyLink } from '../../../../functions/services/sos/set-party-link';

export default defineRoute(contract, {
  access: { action: 'household.partyMember', on: { kind: 'household', param: 'householdId' } },
  handle: (ctx, input) => setPartyLink(signedIn(ctx), input.params.householdId, input.body.personId),
});
