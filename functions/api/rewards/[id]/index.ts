import { updateReward as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { updateReward } from '../../../services/points/update-reward';

export default defineRoute(contract, {
  access: { action: 'reward.update', on: { kind: 'reward', param: 'id' } },
  handle: (ctx, { params, body }) => updateReward(signedIn(ctx), params.id, body),
});
