import { updatePointsRule as contract } from '../../../../../shared/contracts/points';
import { defineRoute } from '../../../../_lib/route';
import { signedIn } from '../../../../_lib/signed-in';
import { updatePointsRule } from '../../../../services/points/update-points-rule';

export default defineRoute(contract, {
  access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => updatePointsRule(signedIn(ctx), params.villageId, params.eventKind, body.points, body.dailyCap),
});
