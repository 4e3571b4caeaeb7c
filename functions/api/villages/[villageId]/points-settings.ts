import { updatePointsSettings as contract } from '../../../../shared/contracts/points';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { updatePointsSettings } from '../../../services/points/update-points-settings';

export default defineRoute(contract, {
  access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
  handle: (ctx, { params, body }) => updatePointsSettings(signedIn(ctx), params.villageId, body.redemptionExpiryDays),
});
