import { cronDispatch as contract } from '../../../shared/contracts/notifications';
import { defineRoute } from '../../_lib/route';
import { drainOnce } from '../../_lib/worker';

// Vercel Cron calls this every minute (vercel.json `crons`) with Authorization: Bearer CRON_SECRET
export default defineRoute(contract, { access: 'cron', handle: () => drainOnce() });
