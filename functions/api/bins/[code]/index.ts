import { getBin, updateBin } from '../../../../shared/contracts/bins';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getBin as view } from '../../../services/bins/get-bin';
import { updateBin as update } from '../../../services/bins/update-bin';

export default defineRoutes(
  defineRoute(getBin, { auth: 'signed-in', handle: (ctx, { params }) => view(signedIn(ctx), params.code) }),
  defineRoute(updateBin, {
    auth: { roles: ['village_cadre'], scope: ({ params }) => ({ kind: 'binCode', id: params.code }) },
    handle: (ctx, { params, body }) => update(signedIn(ctx), params.code, body),
  }),
);
