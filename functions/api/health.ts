import { health } from '../../shared/contracts/health';
import { defineRoute } from '../_lib/route';
import { getHealth } from '../services/system/get-health';

export default defineRoute(health, { access: 'public', handle: (ctx) => getHealth(ctx) });
