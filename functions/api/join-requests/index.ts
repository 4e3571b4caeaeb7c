import { submitJoinRequest as contract } from '../../../shared/contracts/join';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { submitJoinRequest } from '../../services/join/submit-join-request';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { body }) => submitJoinRequest(signedIn(ctx), body) });
