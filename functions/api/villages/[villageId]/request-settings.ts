import { getRequestSettings, updateRequestSettings } from '../../../../shared/contracts/requests';
import { ALL_ROLES } from '../../../../shared/domain/roles';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getRequestSettings as get, updateRequestSettings as update } from '../../../services/requests/request-settings';

export default defineRoutes(
  defineRoute(getRequestSettings, {
    auth: { roles: ALL_ROLES, reach: 'within', scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params }) => get(ctx, params.villageId),
  }),
  defineRoute(updateRequestSettings, {
    auth: { roles: ['village_cadre'], scope: ({ params }) => ({ kind: 'village', id: params.villageId }) },
    handle: (ctx, { params, body }) => update(signedIn(ctx), params.villageId, body),
  }),
);
