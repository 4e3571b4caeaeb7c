import { advanceTestClock as contract } from '../../../shared/contracts/test-clock';
import { defineRoute } from '../../_lib/route';
import { advanceTestClock } from '../../services/system/advance-test-clock';

export default defineRoute(contract, {
  auth: 'public',
  handle: (ctx, { body }) => advanceTestClock(ctx, body.minutes),
});
