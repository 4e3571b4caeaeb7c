import { cleanerTasks as contract } from '../../../shared/contracts/bins';
import { defineRoute } from '../../_lib/route';
import { signedIn } from '../../_lib/signed-in';
import { listCleanerTasks } from '../../services/bins/list-cleaner-tasks';

export default defineRoute(contract, { access: { action: 'self.cleanerTasks' }, handle: (ctx, { query }) => listCleanerTasks(signedIn(ctx), query) });
