import { updateRegistryPerson as contract } from '../../../../shared/contracts/registry';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { updateRegistryPerson } from '../../../services/registry/update-registry-person';

export default defineRoute(contract, {
  access: { action: 'registry.edit', on: { kind: 'person', param: 'personId' } },
  handle: (ctx, { params, body }) => updateRegistryPerson(signedIn(ctx), params.personId, body),
});
