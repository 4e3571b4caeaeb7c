import { advanceTestClock as contract } from '../../../shared/contracts/test-clock';
import { defineRoute } from '../../_lib/route';
import { advanceTestClock } from '../../services/system/advance-test-clock';

export default defineRoute(contract, {
  access: 'public',
  // runs due timers and deliveries, each in its own transaction, not inside the request's
  idempotent: false,
  handle: (ctx, { body }) => advanceTestClock(ctx, body.minutes),
});
