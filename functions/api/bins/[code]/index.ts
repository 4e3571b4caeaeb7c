import { getBin, updateBin } from '../../../../shared/contracts/bins';
import { defineRoute, defineRoutes } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getBin as view } from '../../../services/bins/get-bin';
import { updateBin as update } from '../../../services/bins/update-bin';

export default defineRoutes(
  defineRoute(getBin, { access: { action: 'bin.view', on: { kind: 'bin', param: 'code' } }, handle: (ctx, { params }) => view(signedIn(ctx), params.code) }),
  defineRoute(updateBin, {
    access: { action: 'bin.update', on: { kind: 'bin', param: 'code' } },
    handle: (ctx, { params, body }) => update(signedIn(ctx), params.code, body),
  }),
);
