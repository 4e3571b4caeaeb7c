import { createRequest as contract } from '../../../shared/contracts/requests';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { createRequest } from '../../services/requests/create-request';

export default defineRoute(contract, {
  access: { action: 'self.use' },
  handle: (ctx, { body }) => createRequest(signedIn(ctx), body),
});
