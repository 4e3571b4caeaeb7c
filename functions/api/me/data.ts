import { exportMyData as contract } from '../../../shared/contracts/privacy';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { exportMyData } from '../../services/privacy/export-my-data';

export default defineRoute(contract, { access: { action: 'self.use' }, handle: (ctx) => exportMyData(signedIn(ctx)) });
