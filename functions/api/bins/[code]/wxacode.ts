import { getBinWxaCode as contract } from '../../../../shared/contracts/bins';
import { defineRoute } from '../../../_lib/route';
import { signedIn } from '../../../_lib/signed-in';
import { getBinWxaCode } from '../../../services/bins/get-bin-wxacode';

export default defineRoute(contract, {
  access: { action: 'bin.wxacode', on: { kind: 'bin', param: 'code' } },
  handle: (ctx, { params }) => getBinWxaCode(signedIn(ctx), params.code),
});
