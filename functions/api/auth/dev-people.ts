import { devPeople as contract } from '../../../shared/contracts/auth';
import { defineRoute } from '../../_lib/route';
import { listDevPeople } from '../../services/auth/list-dev-people';

export default defineRoute(contract, { access: 'public', handle: (ctx) => listDevPeople(ctx) });
