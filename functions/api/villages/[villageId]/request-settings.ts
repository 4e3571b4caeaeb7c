import { getRequestSettings, updateRequestSettings } from '../../../../shared/contracts/requests';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getRequestSettings as get, updateRequestSettings as update } from '../../../services/requests/request-settings';

export default defineRoutes(
  defineRoute(getRequestSettings, {
    access: { action: 'village.memberInfo', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params }) => get(ctx, params.villageId),
  }),
  defineRoute(updateRequestSettings, {
    access: { action: 'village.manage', on: { kind: 'village', param: 'villageId' } },
    handle: (ctx, { params, body }) => update(signedIn(ctx), params.villageId, body),
  }),
);
