import { agreeConsent as contract } from '../../../shared/contracts/privacy';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { agreeConsent } from '../../services/privacy/agree-consent';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx, { body }) => agreeConsent(signedIn(ctx), body.version) });
