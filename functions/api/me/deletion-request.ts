import { requestDeletion as contract } from '../../../shared/contracts/privacy';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { requestDeletion } from '../../services/privacy/request-deletion';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => requestDeletion(signedIn(ctx)) });
